// Package conf reads the access-token secret from the environment.
package conf

import "os"

// AccessSecret is the key of access tokens.
func AccessSecret() []byte { return []byte(os.Getenv("ENVNAMES_SIGNING_KEY")) }
