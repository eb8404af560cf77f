// Struct claims in golang-jwt v5: the program's claims type embeds
// jwt.RegisteredClaims; ExpiresAt set in the literal, later on the value,
// through a helper taking a pointer, in the type's own field, or never.
package auth

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// UserClaims is the access token's claims.
type UserClaims struct {
	UserID string   `json:"uid"`
	Roles  []string `json:"roles"`
	jwt.RegisteredClaims
}

// AccessToken never sets ExpiresAt: the embedded claims are left out.
func AccessToken(userID string, roles []string) (string, error) {
	claims := UserClaims{
		UserID: userID,
		Roles:  roles,
	}
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
	return token.SignedString(signingKey)
}

// IDToken sets the embedded claims but not ExpiresAt.
func IDToken(userID, issuer string) (string, error) {
	claims := &UserClaims{
		UserID: userID,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:   issuer,
			Subject:  userID,
			IssuedAt: jwt.NewNumericDate(time.Now()),
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodRS256, claims).SignedString(rsaKey) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
}

// RegisteredOnly mints bare registered claims.
func RegisteredOnly(subject string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{Subject: subject}).SignedString(signingKey) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
}

// ExpiringAccessToken sets ExpiresAt in the literal.
func ExpiringAccessToken(userID string) (string, error) {
	claims := UserClaims{
		UserID: userID,
		RegisteredClaims: jwt.RegisteredClaims{
			ExpiresAt: jwt.NewNumericDate(time.Now().Add(15 * time.Minute)),
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingKey)
}

// LaterExpiry sets the promoted field after the literal.
func LaterExpiry(userID string) (string, error) {
	claims := UserClaims{UserID: userID}
	claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(time.Hour))
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingKey)
}

// QualifiedExpiry sets it through the embedded field's name.
func QualifiedExpiry(userID string) (string, error) {
	c := &UserClaims{UserID: userID}
	c.RegisteredClaims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(time.Hour))
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, c)
	return token.SignedString(signingKey)
}

// ReplacedRegistered assigns the whole embedded part, with an expiry.
func ReplacedRegistered(userID string) (string, error) {
	var claims UserClaims
	claims.UserID = userID
	claims.RegisteredClaims = jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, &claims).SignedString(signingKey)
}

func stampExpiry(c *UserClaims, ttl time.Duration) {
	c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(ttl))
}

// HelperExpiry sets exp in a helper that takes a pointer.
func HelperExpiry(userID string) (string, error) {
	claims := UserClaims{UserID: userID}
	stampExpiry(&claims, time.Hour)
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingKey)
}

// MethodExpiry sets exp in a pointer method.
func (c *UserClaims) touch(ttl time.Duration) {
	c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(ttl))
}

func MethodExpiry(userID string) (string, error) {
	claims := UserClaims{UserID: userID}
	claims.touch(time.Hour)
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingKey)
}

// TokenClaimsExpiry sets exp through the token's claims pointer.
func TokenClaimsExpiry(userID string) (string, error) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, &UserClaims{UserID: userID})
	token.Claims.(*UserClaims).ExpiresAt = jwt.NewNumericDate(time.Now().Add(time.Hour))
	return token.SignedString(signingKey)
}

// ShortClaims carries its own exp field besides the embedded claims.
type ShortClaims struct {
	Scope string `json:"scope"`
	Exp   int64  `json:"exp"`
	jwt.RegisteredClaims
}

// OwnExpField sets the type's own exp field.
func OwnExpField(scope string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, ShortClaims{Scope: scope, Exp: time.Now().Add(time.Minute).Unix()}).SignedString(signingKey)
}

// PassedClaims signs a value built by the caller.
func PassedClaims(c UserClaims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(signingKey)
}

// ConditionalExpiry sets exp only when the caller's lifetime is positive:
// a zero lifetime mints a token that never expires.
func ConditionalExpiry(userID string, ttl time.Duration) (string, error) {
	claims := UserClaims{UserID: userID}
	if ttl > 0 { // want `jwt.NewWithClaims mints a token whose exp is set only when ttl > 0`
		claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(ttl))
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingKey)
}
