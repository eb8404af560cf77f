// A parameter named time shadows the time package where the claims are
// built: the finding stands, but no fix is offered, since time.Now would
// not compile there.
package auth

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var launch = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

func ScheduledToken(user string, time int64) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user, "nbf": time}).SignedString(signingKey) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
}

func LaunchToken(user string) (string, error) {
	return ScheduledToken(user, launch.Unix())
}
