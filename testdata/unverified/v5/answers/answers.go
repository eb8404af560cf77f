// Package answers exercises how the inserted error check answers a bad
// token: each web framework the way its handlers answer a failed
// authentication (the rows of jwtapi.AuthAnswers), and no fix in a
// function that has no way to tell its caller.
package answers

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"
	"github.com/labstack/echo/v4"
)

var secret = []byte(os.Getenv("ANSWERS_SECRET"))

func keyfunc(t *jwt.Token) (interface{}, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, errors.New("unexpected method")
	}
	return secret, nil
}

// Gin aborts with 401; the file gets net/http for the status.
func Gin(c *gin.Context) {
	tok, _ := jwt.Parse(strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer "), keyfunc, jwt.WithValidMethods([]string{"HS256"})) // want `error of jwt.Parse is discarded but its claims are used`
	sub, _ := tok.Claims.GetSubject()
	c.String(200, sub)
}

// Echo returns echo's 401 error.
func Echo(c echo.Context) error {
	tok, _ := jwt.Parse(strings.TrimPrefix(c.Request().Header.Get("Authorization"), "Bearer "), keyfunc, jwt.WithValidMethods([]string{"HS256"})) // want `error of jwt.Parse is discarded but its claims are used`
	sub, _ := tok.Claims.GetSubject()
	return c.String(200, sub)
}

// Fiber returns fiber's 401 error, from a handler literal.
func Fiber(app *fiber.App) {
	app.Get("/me", func(c *fiber.Ctx) error {
		tok, _ := jwt.Parse(strings.TrimPrefix(c.Get("Authorization"), "Bearer "), keyfunc, jwt.WithValidMethods([]string{"HS256"})) // want `error of jwt.Parse is discarded but its claims are used`
		sub, _ := tok.Claims.GetSubject()
		return c.SendString(sub)
	})
}

// Print has no result and is no handler: a bare return would let its
// caller go on as if the token were good, so no fix.
func Print(raw string) { // want Print:"verifies\\(param 0\\)"
	tok, _ := jwt.Parse(raw, keyfunc, jwt.WithValidMethods([]string{"HS256"})) // want `error of jwt.Parse is discarded but its claims are used`
	sub, _ := tok.Claims.GetSubject()
	fmt.Println(sub)
}
