package buildtags

import "github.com/golang-jwt/jwt/v5"

// Settings are the build's settings.
type Settings struct {
	Issuer     string
	SigningKey string
}

func sign(claims jwt.MapClaims) (string, error) {
	claims["iss"] = settings.Issuer
	_ = refreshSecret
	_ = apiBase
	_ = hmacKey()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(jwtSecret))
}

var _ = sign
