// Keyfuncs handed to jwt.Parse (golang-jwt v5): returning the magic none key
// (reported, fixed to an error), hand-written alg checks that accept "none"
// or let it through (reported), and checks that reject it (silent).
package golangjwtv5

import (
	"fmt"
	"os"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

var hmacSecret = []byte(os.Getenv("JWT_SECRET"))

// parseLegacyToken was written to accept tokens from an old client that
// sends them unsigned.
func parseLegacyToken(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		return jwt.UnsafeAllowNoneSignatureType, nil // want `keyfunc returns jwt.UnsafeAllowNoneSignatureType, so tokens with alg "none" verify without a signature; return an error for "none" instead`
	})
}

// keyForAlg picks the verification key from the header. The none branch is
// reported once, for the key it returns.
func keyForAlg(t *jwt.Token) (any, error) {
	switch t.Header["alg"] {
	case "HS256":
		return hmacSecret, nil
	case "none":
		return jwt.UnsafeAllowNoneSignatureType, nil // want `keyfunc returns jwt.UnsafeAllowNoneSignatureType`
	}
	return nil, fmt.Errorf("unexpected alg %v", t.Header["alg"])
}

// allowListKeyfunc means to pin HS256 but lists "none" as well.
func allowListKeyfunc(t *jwt.Token) (any, error) {
	alg, _ := t.Header["alg"].(string)
	if alg != "HS256" && alg != "none" { // want `check of jwt.Token.Header\["alg"\] lets alg "none" through while rejecting other algorithms: unsigned tokens get past it; reject "none" and allow only the algorithms you sign with`
		return nil, fmt.Errorf("unexpected alg %q", alg)
	}
	return hmacSecret, nil
}

// lenientKeyfunc accepts any spelling of "none" next to HS256.
func lenientKeyfunc(t *jwt.Token) (any, error) {
	if strings.EqualFold(t.Method.Alg(), "none") || t.Method == jwt.SigningMethodHS256 { // want `check of jwt.Token.Method accepts alg "none"`
		return hmacSecret, nil
	}
	return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
}

// switchKeyfunc lets "none" fall out of the switch to the return below,
// while the default case rejects everything else.
func switchKeyfunc(t *jwt.Token) (any, error) {
	switch strings.ToLower(t.Method.Alg()) {
	case "hs256", "none": // want `check of jwt.Token.Method lets alg "none" through`
	default:
		return nil, fmt.Errorf("unexpected signing method %s", t.Method.Alg())
	}
	return hmacSecret, nil
}

// Keyfunc is a typed keyfunc variable used by the API handlers.
var Keyfunc jwt.Keyfunc = func(t *jwt.Token) (any, error) {
	switch t.Method {
	case jwt.SigningMethodHS256, jwt.SigningMethodNone: // want `check of jwt.Token.Method accepts alg "none"`
		return hmacSecret, nil
	}
	return nil, jwt.ErrTokenUnverifiable
}

// --- correct code that looks risky: silent ---

// strictKeyfunc rejects "none" first, then pins HS256.
func strictKeyfunc(t *jwt.Token) (any, error) {
	if alg, _ := t.Header["alg"].(string); alg == "none" {
		return nil, fmt.Errorf("unsigned tokens are not accepted")
	}
	if t.Method != jwt.SigningMethodHS256 {
		return nil, fmt.Errorf("unexpected signing method %s", t.Method.Alg())
	}
	return hmacSecret, nil
}

// hmacOnlyKeyfunc pins the HMAC family with a type assertion.
func hmacOnlyKeyfunc(t *jwt.Token) (any, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
	}
	return hmacSecret, nil
}

// rejectNoneMethod compares the method with jwt.SigningMethodNone to refuse it.
func rejectNoneMethod(t *jwt.Token) (any, error) {
	if t.Method == jwt.SigningMethodNone {
		return nil, jwt.ErrTokenUnverifiable
	}
	return hmacSecret, nil
}

// beltAndBraces has a sloppy allow-list but rejects "none" explicitly
// before it, so unsigned tokens never get through.
func beltAndBraces(t *jwt.Token) (any, error) {
	alg := t.Method.Alg()
	if alg == "none" {
		return nil, fmt.Errorf("unsigned tokens are not accepted")
	}
	if alg != "HS256" && alg != "none" {
		return nil, fmt.Errorf("unexpected alg %q", alg)
	}
	return hmacSecret, nil
}

// nestedReject's accepting branch refuses "none" before it returns.
func nestedReject(t *jwt.Token) (any, error) {
	if alg := t.Method.Alg(); alg == "HS256" || alg == "none" {
		if alg == "none" {
			return nil, fmt.Errorf("unsigned tokens are not accepted")
		}
		return hmacSecret, nil
	}
	return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
}

// caseRejects lists "none" in a case that rejects it.
func caseRejects(t *jwt.Token) (any, error) {
	switch t.Header["alg"] {
	case "none", "NONE", "None":
		return nil, fmt.Errorf("unsigned tokens are not accepted")
	case "HS256":
		return hmacSecret, nil
	}
	return nil, fmt.Errorf("unexpected alg %v", t.Header["alg"])
}

// wrongCaseOnly allow-lists "None", which the library never verifies: the
// exact "none" is still rejected.
func wrongCaseOnly(t *jwt.Token) (any, error) {
	alg := fmt.Sprint(t.Header["alg"])
	if alg != "HS256" && alg != "None" {
		return nil, fmt.Errorf("unexpected alg %q", alg)
	}
	return hmacSecret, nil
}

// configSwitch compares a configuration value with "none", not the header.
func configSwitch(mode string) []byte {
	if mode == "none" {
		return nil
	}
	return hmacSecret
}

// logsNone only logs: it neither accepts nor filters.
func logsNone(t *jwt.Token) (any, error) {
	if t.Header["alg"] == "none" {
		fmt.Fprintln(os.Stderr, "unsigned token seen")
	}
	if t.Method != jwt.SigningMethodHS256 {
		return nil, fmt.Errorf("unexpected signing method")
	}
	return hmacSecret, nil
}

// parseCollecting has a parameter named errors, so a fix cannot name the
// errors package here: the finding comes without a fix.
func parseCollecting(raw string, errors []error) (*jwt.Token, []error) {
	tok, err := jwt.Parse(raw, func(*jwt.Token) (any, error) {
		return jwt.UnsafeAllowNoneSignatureType, nil // want `keyfunc returns jwt.UnsafeAllowNoneSignatureType`
	})
	return tok, append(errors, err)
}
