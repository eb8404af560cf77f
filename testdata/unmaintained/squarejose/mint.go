// Package squarejose mints tokens with gopkg.in/square/go-jose.v2. The
// builder's CompactSerialize is Serialize in go-jose v4, so no fix.
package squarejose

import (
	"os"
	"time"

	jose "gopkg.in/square/go-jose.v2" // want `gopkg.in/square/go-jose.v2 is obsolete \(moved to github.com/go-jose/go-jose\); use github.com/go-jose/go-jose/v4: go get github.com/go-jose/go-jose/v4`
	"gopkg.in/square/go-jose.v2/jwt"
)

func Mint(sub string) (string, error) {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: []byte(os.Getenv("GATEWAY_SECRET"))}, nil)
	if err != nil {
		return "", err
	}
	return jwt.Signed(signer).Claims(jwt.Claims{Subject: sub, Expiry: jwt.NewNumericDate(time.Now().Add(time.Hour))}).CompactSerialize()
}
