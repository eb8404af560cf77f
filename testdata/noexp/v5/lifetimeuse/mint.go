// Package lifetimeuse mints with lifetimes from lifetimecfg: the access
// lifetime is rejected there when not positive (silent), the refresh
// lifetime is not (reported).
package lifetimeuse

import (
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/fixtures/noexp/v5/lifetimecfg"
)

var key = []byte(os.Getenv("JWT_KEY"))

func access(cfg lifetimecfg.Tokens, sub string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: sub}
	if cfg.AccessTTL > 0 {
		claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(cfg.AccessTTL))
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

func refresh(cfg lifetimecfg.Tokens, sub string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: sub}
	if cfg.RefreshTTL > 0 { // want `jwt.NewWithClaims mints a token whose exp is set only when cfg.RefreshTTL > 0`
		claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(cfg.RefreshTTL))
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}
