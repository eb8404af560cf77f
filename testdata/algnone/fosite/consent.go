// ory/fosite token/jwt: a token minted with SigningMethodNone (reported), a
// keyfunc returning UnsafeAllowNoneSignatureType (reported, fixed), and an
// HS256 token with a keyfunc that returns the secret (silent).
package fosite

import (
	"os"
	"time"

	jose "github.com/go-jose/go-jose/v3"
	"github.com/ory/fosite/token/jwt"
)

func unsignedChallenge(sub string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"sub": sub, "exp": time.Now().Add(time.Minute).Unix()}) // want `jwt.NewWithClaims with the none signing method mints an unsigned token`
	return tok.SignedString(jwt.UnsafeAllowNoneSignatureType)
}

func parseAny(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		return jwt.UnsafeAllowNoneSignatureType, nil // want `keyfunc returns jwt.UnsafeAllowNoneSignatureType`
	})
}

// Negatives.

func challenge(sub string) (string, error) {
	tok := jwt.NewWithClaims(jose.HS256, jwt.MapClaims{"sub": sub, "exp": time.Now().Add(time.Minute).Unix()})
	return tok.SignedString([]byte(os.Getenv("CONSENT_SECRET")))
}

func parse(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		return []byte(os.Getenv("CONSENT_SECRET")), nil
	})
}
