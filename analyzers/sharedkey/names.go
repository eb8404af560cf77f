package sharedkey

import (
	"strings"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// words splits a name into lower-case words (jwtapi.Words).
func words(s string) []string { return jwtapi.Words(s) }

func wordsOf(names ...string) []string {
	var out []string
	for _, n := range names {
		out = append(out, words(n)...)
	}
	return out
}

func has(ws []string, set ...string) bool { return jwtapi.HasWord(ws, set...) }

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
func isSecretName(context []string, name []string) bool {
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
	secret := has(ws, "secret", "secrets")
	key := has(ws, "key", "keys")
	jwt := has(ws, "jwt", "jwts", "jws")
	switch {
	case jwt && (secret || key || has(ws, "signing", "sign", "hmac")):
		return true
	case secret && (has(ws, "token", "tokens", "signing", "sign", "hmac", "hs256", "hs384", "hs512", "refresh", "bearer", "auth") || accessWord(ws)):
		return true
	case key && has(ws, "signing", "hmac", "hs256", "hs384", "hs512", "refresh"):
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
