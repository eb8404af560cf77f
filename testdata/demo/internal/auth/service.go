package auth

import "github.com/golang-jwt/jwt/v5"

// serviceKey is shared with the notification service, which checks the
// tokens the API sends along with its requests.
var serviceKey = []byte("notify-shared-key-2021")

// ServiceToken returns a token that identifies the API to an internal
// service.
func ServiceToken(audience string) (string, error) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"iss": "demo-api", "sub": "demo-api", "aud": audience})
	return token.SignedString(serviceKey)
}
