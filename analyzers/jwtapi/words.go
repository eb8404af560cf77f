package jwtapi

import (
	"strings"
	"unicode"
)

// Words splits an identifier, an environment variable name, a config key
// or a file name into lower-case words: JWTSecret, jwt_secret, jwt.secret
// and jwt-secret all give [jwt secret].
func Words(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0:
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			// fooBar | FOOBar: a new word starts at B.
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

// HasWord reports whether ws holds one of set.
func HasWord(ws []string, set ...string) bool {
	for _, w := range ws {
		for _, s := range set {
			if w == s {
				return true
			}
		}
	}
	return false
}
