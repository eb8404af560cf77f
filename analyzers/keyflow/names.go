package keyflow

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

// HasWord reports whether ws holds one of the words of set.
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

// notSecretWords mark a name that holds something next to a secret (its
// id, lifetime, file, issuer) or a secret of another system.
var notSecretWords = map[string]bool{
	"id": true, "kid": true, "ids": true, "ttl": true, "exp": true, "expiry": true, "expires": true,
	"expiration": true, "duration": true, "lifetime": true, "age": true, "timeout": true,
	"path": true, "file": true, "filename": true, "dir": true, "url": true, "uri": true,
	"endpoint": true, "issuer": true, "iss": true, "audience": true, "aud": true, "alg": true,
	"algorithm": true, "header": true, "name": true, "cookie": true, "public": true, "pub": true,
	"cert": true, "certificate": true, "len": true, "length": true, "size": true, "bits": true,
	"type": true, "prefix": true, "enabled": true, "required": true, "count": true,
	"aws": true, "s3": true, "minio": true, "gcs": true, "azure": true, "db": true,
	"database": true, "postgres": true, "mysql": true, "redis": true, "smtp": true,
	"mail": true, "stripe": true, "github": true, "google": true, "oauth": true,
	"client": true, "webhook": true, "csrf": true, "session": true, "api": true,
	"encryption": true, "aes": true, "salt": true, "pepper": true, "hash": true,
}

// IsSecretName reports whether the words of a name (a variable, field,
// config key or environment variable, with the names of what contains it
// before it) say it holds a JWT signing secret. The last word list is the
// name itself; only it may veto.
func IsSecretName(context []string, name []string) bool {
	for _, w := range name {
		if notSecretWords[w] {
			return false
		}
	}
	ws := append(append([]string{}, context...), name...)
	joined := strings.Join(ws, "")
	for _, c := range []string{"jwtsecret", "jwtkey", "signingkey", "signingsecret", "tokensecret", "hmacsecret", "hmackey", "jwtsigningkey"} {
		if strings.Contains(joined, c) {
			return true
		}
	}
	secret := HasWord(ws, "secret", "secrets")
	key := HasWord(ws, "key", "keys")
	jwt := HasWord(ws, "jwt", "jwts", "jws")
	switch {
	case jwt && (secret || key || HasWord(ws, "signing", "sign", "hmac")):
		return true
	case secret && (HasWord(ws, "token", "tokens", "signing", "sign", "hmac", "hs256", "hs384", "hs512", "refresh", "bearer", "auth") || accessWord(ws)):
		return true
	case key && HasWord(ws, "signing", "hmac", "hs256", "hs384", "hs512", "refresh"):
		return true
	}
	return false
}

// accessWord reports "access" as in access token, not as in an AWS access
// key.
func accessWord(ws []string) bool {
	for i, w := range ws {
		if w == "access" && !(i+1 < len(ws) && ws[i+1] == "key") {
			return true
		}
	}
	return false
}

// EnvName returns the canonical deployment environment a word names, or
// "".
func EnvName(w string) string {
	switch strings.ToLower(w) {
	case "dev", "develop", "development":
		return "development"
	case "local":
		return "local"
	case "test", "testing":
		return "test"
	case "ci":
		return "ci"
	case "qa":
		return "qa"
	case "uat":
		return "uat"
	case "stage", "staging", "stg":
		return "staging"
	case "preprod", "preproduction":
		return "preprod"
	case "sandbox":
		return "sandbox"
	case "demo":
		return "demo"
	case "prod", "production", "prd", "live":
		return "production"
	}
	return ""
}

// EnvOfValue returns the environment a whole string names ("prod",
// "Production", "pre-prod"), or "".
func EnvOfValue(s string) string {
	t := strings.ToLower(strings.TrimSpace(s))
	if e := EnvName(t); e != "" {
		return e
	}
	if t == "pre-prod" || t == "pre_prod" {
		return "preprod"
	}
	return ""
}

// SplitEnv finds exactly one environment word in ws and returns it with
// the remaining words; ok is false when there is none or more than one.
func SplitEnv(ws []string) (env string, rest []string, ok bool) {
	for _, w := range ws {
		if e := EnvName(w); e != "" {
			if env != "" {
				return "", nil, false
			}
			env = e
			continue
		}
		rest = append(rest, w)
	}
	return env, rest, env != ""
}

// Token kinds a key signs or verifies.
const (
	TokenAccess  = "access"
	TokenRefresh = "refresh"
	TokenID      = "id"
	TokenReset   = "reset"
	TokenVerify  = "verification"
	TokenInvite  = "invitation"
	TokenMagic   = "magic-link"
)

// TokenKindLabels name the tokens of each kind in messages.
var TokenKindLabels = map[string]string{
	TokenAccess:  "access tokens",
	TokenRefresh: "refresh tokens",
	TokenID:      "ID tokens",
	TokenReset:   "password-reset tokens",
	TokenVerify:  "verification tokens",
	TokenInvite:  "invitation tokens",
	TokenMagic:   "magic-link tokens",
}

// TokenKindsIn returns the token kinds the words name.
func TokenKindsIn(ws []string) map[string]bool {
	out := map[string]bool{}
	for i, w := range ws {
		next := ""
		if i+1 < len(ws) {
			next = ws[i+1]
		}
		switch w {
		case "refresh":
			out[TokenRefresh] = true
		case "access":
			if next != "key" {
				out[TokenAccess] = true
			}
		case "id":
			if next == "token" || next == "tokens" || next == "claims" {
				out[TokenID] = true
			}
		case "idtoken":
			out[TokenID] = true
		case "reset":
			// resetToken, passwordReset; not a function that resets
			// something else.
			if HasWord(ws, "password", "pwd", "passwd") || next == "token" || next == "link" || next == "claims" {
				out[TokenReset] = true
			}
		case "verification", "confirmation", "activation":
			// Nouns only: VerifyToken verifies any token.
			out[TokenVerify] = true
		case "invite", "invitation":
			out[TokenInvite] = true
		case "magic":
			out[TokenMagic] = true
		}
	}
	return out
}

// TokenKindOf returns the one token kind the words name, or "" when they name
// none or several.
func TokenKindOf(ws []string) (kind string, ambiguous bool) {
	ks := TokenKindsIn(ws)
	if len(ks) > 1 {
		return "", true
	}
	for k := range ks {
		return k, false
	}
	return "", false
}
