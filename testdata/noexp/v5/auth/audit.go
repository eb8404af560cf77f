// Tokens whose claims and token are logged before signing: printing,
// logging and JSON encoding only read them, so a missing exp is still
// reported. A claims value handed to an unknown function is not.
package auth

import (
	"encoding/json"
	"log"
	"log/slog"

	"github.com/golang-jwt/jwt/v5"
)

func AuditedToken(userID string) (string, error) {
	claims := &UserClaims{UserID: userID}
	log.Printf("issuing token for %+v", claims)
	slog.Info("issue", "claims", claims)
	if _, err := json.Marshal(claims); err != nil {
		return "", err
	}
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
	log.Println("token header", token.Header)
	return token.SignedString(signingKey)
}

func DecoratedToken(userID string, decorate func(*UserClaims)) (string, error) {
	claims := &UserClaims{UserID: userID}
	decorate(claims)
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingKey)
}
