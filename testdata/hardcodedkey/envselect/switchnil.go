package envselect

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

// widgetKey picks a constant key per environment and gives none elsewhere:
// every key it gives is in the source.
func widgetKey() []byte {
	switch os.Getenv("APP_ENV") {
	case "staging":
		return []byte("widget-chat-key-staging-0123456789abcdef")
	case "production":
		return []byte("widget-chat-key-production-0123456789ab")
	}
	return nil
}

func WidgetToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString(widgetKey()) // want `hardcoded JWT signing key: .* signs with a string literal \(switchnil.go:14\)`
}

// Negative: a key per environment from the environment, none elsewhere.
func partnerKey() []byte {
	switch os.Getenv("APP_ENV") {
	case "staging", "production":
		return []byte(os.Getenv("PARTNER_KEY"))
	}
	return nil
}

func PartnerToken(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString(partnerKey())
}
