// Package configlib loads settings through configuration libraries.
// Exercises: viper.SetDefault and std flag defaults for JWT-like keys,
// struct tag defaults of envconfig and caarlos0/env (and the cleanenv
// and sethvargo spellings, tags only), and their negatives.
package configlib

import (
	"flag"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/spf13/viper"
)

func initViper() {
	viper.SetDefault("server.port", 8080)
	viper.SetDefault("jwt.secret", "viper-default-jwt-secret") // want `jwt secret falls back to a string literal \(viperconfig.go:\d+\) when config key jwt.secret is unset \(viper.SetDefault\)`
	viper.SetDefault("jwt.issuer", "configlib")
	viper.SetDefault("log.level", "debug")
	viper.SetDefault("secret", "viper-plain-secret-default") // want `jwt signing key of \(\*jwt.Token\).SignedString falls back to a string literal \(viperconfig.go:\d+\) when config key secret is unset \(viper.SetDefault\)`
	viper.AutomaticEnv()
}

func tokenSecret() string {
	s := viper.GetString("auth.token_secret")
	if s == "" {
		s = "viper-getstring-fallback-secret" // want `jwt secret token_secret falls back to a string literal .* when config key auth.token_secret is unset \(viper.GetString at viperconfig.go:\d+\)`
	}
	return s
}

func signPlain(claims jwt.Claims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(viper.GetString("secret")))
}

var (
	addr      = flag.String("addr", ":8080", "listen address")
	jwtSecret = flag.String("jwt-secret", "flag-default-jwt-secret", "HMAC secret for tokens") // want `jwt signing key of \(\*jwt.Token\).SignedString falls back to a string literal .* when flag -jwt-secret is unset \(flag.String\)`
	keyFile   = flag.String("jwt-key-file", "/etc/app/jwt.key", "path of the key")
)

var refreshKey string

func flags() {
	flag.StringVar(&refreshKey, "refresh-key", "flag-refresh-key-default", "refresh token key") // want `jwt secret refresh_key falls back to a string literal .* when flag -refresh-key is unset \(flag.StringVar\)`
	flag.Parse()
}

func sign(claims jwt.Claims) (string, error) {
	_ = time.Now()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(*jwtSecret))
}

var _ = initViper
var _ = tokenSecret
var _ = signPlain
var _ = addr
var _ = keyFile
var _ = flags
var _ = sign
