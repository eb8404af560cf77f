// Control flow around a parse: checks that a loop condition, a goto or a
// function literal make before the claims are read are seen on every
// path; a path that skips them is not.
package flow

import (
	"log"

	"github.com/golang-jwt/jwt/v5"
)

var current, previous []byte

func currentKey(*jwt.Token) (any, error)  { return current, nil }
func previousKey(*jwt.Token) (any, error) { return previous, nil }

// Retrying with the previous key until the parse succeeds: the loop only
// ends once err is nil.
func retry(raw string) (string, error) {
	tok, err := jwt.Parse(raw, currentKey, jwt.WithValidMethods([]string{"HS256"}))
	for attempt := 0; err != nil; attempt++ {
		if attempt > 1 {
			return "", err
		}
		tok, err = jwt.Parse(raw, previousKey, jwt.WithValidMethods([]string{"HS256"}))
	}
	return tok.Claims.GetSubject()
}

// A goto to the failure answer.
func viaGoto(raw string) string {
	tok, err := jwt.Parse(raw, currentKey, jwt.WithValidMethods([]string{"HS256"}))
	if err != nil {
		goto fail
	}
	if sub, err := tok.Claims.GetSubject(); err == nil {
		return sub
	}
fail:
	return ""
}

// The check is made inside the literal that reads the claims.
func inClosure(raw string) func() string {
	tok, err := jwt.Parse(raw, currentKey, jwt.WithValidMethods([]string{"HS256"}))
	return func() string {
		if err != nil {
			log.Print(err)
			return ""
		}
		sub, _ := tok.Claims.GetSubject()
		return sub
	}
}

// The loop may also end after a failed parse: the claims are read on
// that path too.
func retryFallsThrough(raw string) (string, error) {
	var tok *jwt.Token
	var err error
	for _, kf := range []jwt.Keyfunc{currentKey, previousKey} {
		tok, err = jwt.Parse(raw, kf, jwt.WithValidMethods([]string{"HS256"})) // want `claims of jwt.Parse are used on a path where its error may be non-nil`
		if err == nil {
			break
		}
	}
	return tok.Claims.GetSubject()
}

// The check in the literal comes after the read.
func closureReadsFirst(raw string) func() string {
	tok, err := jwt.Parse(raw, currentKey, jwt.WithValidMethods([]string{"HS256"})) // want `claims of jwt.Parse are used before its error is checked`
	return func() string {
		sub, _ := tok.Claims.GetSubject()
		if err != nil {
			return ""
		}
		return sub
	}
}
