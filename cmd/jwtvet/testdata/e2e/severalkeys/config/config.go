// Package config reads the access-token secret from the environment.
package config

import "os"

// AccessSecret is the key of the API's access tokens.
func AccessSecret() []byte { return []byte(os.Getenv("JWT_SECRET")) }
