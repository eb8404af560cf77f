// Package gin sets session cookies with gin's Context.SetCookie: a token
// with secure false (reported, fixed), with secure from the settings and
// a non-token cookie with secure false (not reported).
package gin

import (
	"net/http"
	"os"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v4"
)

var key = []byte(os.Getenv("JWT_KEY"))

var secureCookies = os.Getenv("ENV") == "production"

func token(user string) (string, error) {
	claims := jwt.MapClaims{"sub": user, "exp": time.Now().Add(time.Hour).Unix()}
	return jwt.NewWithClaims(jwt.SigningMethodHS384, claims).SignedString(key)
}

func Login(c *gin.Context) {
	t, err := token(c.PostForm("user"))
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.SetCookie("jwt", t, 3600, "/", "", false, true) // want `JWT from \(\*jwt.Token\).SignedString is set in a cookie with secure false, so browsers also send it over plain HTTP: pass true`
	c.Status(http.StatusNoContent)
}

// Negatives.

func LoginConfigured(c *gin.Context) {
	t, err := token(c.PostForm("user"))
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.SetCookie("jwt", t, 3600, "/", "", secureCookies, true)
}

func Language(c *gin.Context) {
	c.SetCookie("lang", c.Query("lang"), 86400, "/", "", false, false)
}
