// Package keys loads the signing secret once for the whole program.
// Exercises: a key shared by packages that each mint one kind of token.
package keys

import "os"

// Secret signs every token.
var Secret = []byte(os.Getenv("APP_JWT_SECRET"))

// RefreshSecret is meant for refresh tokens only.
var RefreshSecret = []byte(os.Getenv("APP_REFRESH_SECRET"))
