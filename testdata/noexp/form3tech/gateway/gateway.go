// An API gateway on github.com/form3tech-oss/jwt-go (StandardClaims with
// a []string audience): service tokens with and without ExpiresAt, and a
// parser that skips claims validation.
package gateway

import (
	"os"
	"time"

	jwt "github.com/form3tech-oss/jwt-go"
)

var gatewayKey = []byte(os.Getenv("GATEWAY_KEY"))

type ServiceClaims struct {
	Service string `json:"svc"`
	jwt.StandardClaims
}

func ServiceToken(svc string, audience []string) (string, error) {
	claims := &ServiceClaims{
		Service: svc,
		StandardClaims: jwt.StandardClaims{
			Audience: audience,
			Issuer:   "gateway",
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(gatewayKey) // want `jwt.NewWithClaims mints a token whose claims never get an exp claim`
}

func ShortServiceToken(svc string) (string, error) {
	claims := &ServiceClaims{
		Service: svc,
		StandardClaims: jwt.StandardClaims{
			ExpiresAt: time.Now().Add(time.Minute).Unix(),
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(gatewayKey)
}

func Forward(raw string) (*jwt.Token, error) {
	p := &jwt.Parser{
		ValidMethods:         []string{"HS256"},
		SkipClaimsValidation: true, // want `jwt.Parser\{SkipClaimsValidation: true\} switches off claims validation`
	}
	return p.Parse(raw, func(*jwt.Token) (interface{}, error) { return gatewayKey, nil })
}
