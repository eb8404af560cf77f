// Command devtoken prints tokens for trying the API locally.
//
//	devtoken -user u1   an access token signed with $JWT_SECRET
//	devtoken -partner   a partner event token, after the PEM public key
//	                    that verifies it (export it as PARTNER_DEV_KEY)
package main

import (
	"cmp"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"jwtvet.test/demo/internal/auth"
)

func main() {
	user := flag.String("user", "u1", "subject of the access token")
	partner := flag.Bool("partner", false, "print a partner event token instead")
	ttl := flag.Duration("ttl", 15*time.Minute, "token lifetime")
	flag.Parse()

	issuer := cmp.Or(os.Getenv("JWT_ISSUER"), "demo-api")
	var err error
	if *partner {
		err = partnerToken(issuer, *ttl)
	} else {
		err = accessToken(issuer, *user, *ttl)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "devtoken:", err)
		os.Exit(1)
	}
}

func accessToken(issuer, user string, ttl time.Duration) error {
	secret := os.Getenv("JWT_SECRET")
	if secret == "" {
		return errors.New("JWT_SECRET is not set")
	}
	now := time.Now()
	claims := auth.AccessClaims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    issuer,
			Subject:   user,
			Audience:  jwt.ClaimStrings{auth.AccessAudience},
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(ttl)),
		},
	}
	signed, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(secret))
	if err != nil {
		return err
	}
	fmt.Println(signed)
	return nil
}

func partnerToken(audience string, ttl time.Duration) error {
	// A throwaway key, so generation has to be quick.
	key, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		return err
	}
	now := time.Now()
	token := jwt.NewWithClaims(jwt.SigningMethodRS256, jwt.RegisteredClaims{
		Issuer:    "dev-partner",
		Audience:  jwt.ClaimStrings{audience},
		IssuedAt:  jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(ttl)),
	})
	token.Header["kid"] = "dev"
	signed, err := token.SignedString(key)
	if err != nil {
		return err
	}
	der, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		return err
	}
	if err := pem.Encode(os.Stdout, &pem.Block{Type: "PUBLIC KEY", Bytes: der}); err != nil {
		return err
	}
	fmt.Println(signed)
	return nil
}
