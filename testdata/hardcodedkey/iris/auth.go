// Package iris configures the iris JWT middleware (middleware/jwt). It
// exercises hardcodedkey on NewSigner and NewVerifier keys and on Signer
// and Verifier literals, and the negatives: keys from the environment and
// loaded from files.
package iris

import (
	"os"
	"time"

	"github.com/kataras/iris/v12/middleware/jwt"
)

const signatureSecret = "iris-signature-secret-do-not-commit"

type claims struct {
	Username string `json:"username"`
}

// Signer mints access tokens.
func Signer() *jwt.Signer {
	return jwt.NewSigner(jwt.HS256, signatureSecret, 15*time.Minute) // want `hardcoded JWT signing key: jwt.NewSigner signs with const signatureSecret`
}

// Verifier checks access tokens.
func Verifier() *jwt.Verifier {
	v := jwt.NewVerifier(jwt.HS256, []byte(signatureSecret)) // want `hardcoded JWT verification key: jwt.NewVerifier returns const signatureSecret`
	v.WithDefaultBlocklist()
	return v
}

// adminSigner is built by hand.
var adminSigner = &jwt.Signer{Alg: jwt.HS512, Key: []byte("iris-admin-signer-key-hand-built-xyz"), MaxAge: time.Hour} // want `hardcoded JWT key: jwt.Signer.Key is set to a string literal`

// Token mints a token with the admin signer.
func Token(user string) ([]byte, error) {
	return adminSigner.Sign(claims{Username: user})
}

// Negatives.

func SignerFromEnv() *jwt.Signer {
	return jwt.NewSigner(jwt.HS256, []byte(os.Getenv("IRIS_JWT_SECRET")), time.Hour)
}

func VerifierFromFile() *jwt.Verifier {
	return jwt.NewVerifier(jwt.HS256, jwt.MustLoadHMAC("/run/secrets/jwt.key"))
}
