// Package v4 signs with a constant 512-bit RSA private key on golang-jwt
// v4, and verifies with a constant short HMAC key in a request middleware.
package v4

import (
	"net/http"

	"github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v4/request"
)

const legacyPEM = `-----BEGIN RSA PRIVATE KEY-----
MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu
KUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQJAIJLixBy2qpFoS4DSmoEm
o3qGy0t6z09AIJtH+5OeRV1be+N4cDYJKffGzDa88vQENZiRm0GRq6a+HPGQMd2k
TQIhAKMSvzIBnni7ot/OSie2TmJLY4SwTQAevXysE2RbFDYdAiEBCUEaRQnMnbp7
9mxDXDf6AU0cN/RPBjb9qSHDcWZHGzUCIG2Es59z8ugGrDY+pxLQnwfotadxd+Uy
v/Ow5T0q5gIJAiEAyS4RaI9YG8EWx/2w0T67ZUVAw8eOMB6BIUg0Xcu+3okCIBOs
/5OiPgoTdSy7bcF9IGpSE8ZgGKzgYQVZeN97YE00
-----END RSA PRIVATE KEY-----`

func Sign(c jwt.MapClaims) (string, error) {
	k, err := jwt.ParseRSAPrivateKeyFromPEM([]byte(legacyPEM))
	if err != nil {
		return "", err
	}
	return jwt.NewWithClaims(jwt.SigningMethodRS256, c).SignedString(k) // want `RSA private key in const legacyPEM \(pem.go:\d+\) is 512 bits`
}

func Middleware(r *http.Request) error {
	_, err := request.ParseFromRequest(r, request.AuthorizationHeaderExtractor, func(t *jwt.Token) (interface{}, error) {
		return []byte("tiny"), nil // want `short HMAC key: jwt.Keyfunc uses a string literal \(pem.go:\d+\), 4 bytes long; HMAC needs at least 32`
	})
	return err
}
