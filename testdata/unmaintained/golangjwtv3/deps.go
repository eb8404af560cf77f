package golangjwtv3

// The program already uses the replacement elsewhere, so its module is in
// the build and the rewritten import compiles.
import _ "github.com/golang-jwt/jwt/v4"
