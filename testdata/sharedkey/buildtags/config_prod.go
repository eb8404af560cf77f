//go:build prod

package buildtags

const jwtSecret = "same-in-dev-and-prod-builds"

const refreshSecret = "prod-build-refresh-secret"

const apiBase = "http://localhost:8080"

var settings = Settings{
	Issuer:     "buildtags",
	SigningKey: "settings-signing-" + "key-both-builds",
}

func hmacKey() string {
	return "hmac-key-func-in-both-builds"
}
