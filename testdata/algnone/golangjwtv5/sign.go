// Minting (golang-jwt v5): tokens signed with the none method, directly, via
// jwt.GetSigningMethod("none"), via a variable set from configuration, via a
// jwt.Token literal, and via jwt.SigningMethodNone.Sign (reported); the magic
// key handed to SignedString when the method is not known (reported); HS256
// signing (silent).
package golangjwtv5

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type Config struct {
	UnsignedTokens bool
	Alg            string
}

func issueDebugToken(userID string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"sub": userID}) // want `jwt.NewWithClaims with the none signing method mints an unsigned token that anyone can forge; sign with HS256, RS256, ES256 or EdDSA and a real key`
	return tok.SignedString(jwt.UnsafeAllowNoneSignatureType)
}

func issueByName(userID string) (string, error) {
	return jwt.NewWithClaims(jwt.GetSigningMethod("none"), jwt.MapClaims{"sub": userID}).SignedString(jwt.UnsafeAllowNoneSignatureType) // want `jwt.NewWithClaims with the none signing method`
}

func issueConfigured(cfg Config, userID string) (string, error) {
	var method jwt.SigningMethod = jwt.SigningMethodHS256
	if cfg.UnsignedTokens {
		method = jwt.SigningMethodNone
	}
	tok := jwt.New(method) // want `jwt.New with the none signing method`
	tok.Claims = jwt.MapClaims{"sub": userID, "exp": time.Now().Add(15 * time.Minute).Unix()}
	return tok.SignedString(hmacSecret)
}

func issueFromLiteral(userID string) (string, error) {
	tok := &jwt.Token{
		Header: map[string]any{"alg": "none", "typ": "JWT"},
		Claims: jwt.MapClaims{"sub": userID},
		Method: jwt.SigningMethodNone, // want `jwt.Token.SignedString signs a token whose Method is the none signing method`
	}
	return tok.SignedString(jwt.UnsafeAllowNoneSignatureType)
}

func signRaw(signingString string) ([]byte, error) {
	return jwt.SigningMethodNone.Sign(signingString, jwt.UnsafeAllowNoneSignatureType) // want `jwt.SigningMethodNone.Sign returns an empty signature that anyone can forge`
}

func issueWithConfiguredAlg(cfg Config, userID string) (string, error) {
	tok := jwt.NewWithClaims(jwt.GetSigningMethod(cfg.Alg), jwt.MapClaims{"sub": userID})
	return tok.SignedString(jwt.UnsafeAllowNoneSignatureType) // want `jwt.Token.SignedString with jwt.UnsafeAllowNoneSignatureType as the key mints an unsigned token when the method is none`
}

// --- silent ---

func issueSession(userID string) (string, error) {
	claims := jwt.RegisteredClaims{
		Subject:   userID,
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(15 * time.Minute)),
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(hmacSecret)
}

// isUnsigned inspects a parsed token; comparing with the none method and the
// magic key is not using them.
func isUnsigned(tok *jwt.Token, key any) bool {
	return tok.Method == jwt.SigningMethodNone || key == jwt.UnsafeAllowNoneSignatureType
}
