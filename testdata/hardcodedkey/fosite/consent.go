// Package fosite wires ory/fosite's token/jwt package. It exercises
// hardcodedkey on (*jwt.Token).SignedString, on the fosite Keyfunc passed
// to Parse, on the DefaultSigner's GetPrivateKey function, and the
// negatives: keys from the environment and a signer fed by a key store.
package fosite

import (
	"context"
	"crypto/rsa"
	"os"
	"time"

	jose "github.com/go-jose/go-jose/v3"
	gojwt "github.com/golang-jwt/jwt/v4"
	"github.com/ory/fosite/token/jwt"
)

const consentSecret = "fosite-consent-challenge-hmac-secret"

const issuerPEM = `
-----BEGIN RSA PRIVATE KEY-----
MIIEpQIBAAKCAQEA4EpjptFKDncDbpjPkvBMfNx6L0oHWReZClgNn/NVKkFJxhbm
YflqqgY8RE1+9fmnVCIebcqzDXOE26M57AO/DEI2WiaCDDE/EtDZcKClt1sxI6wr
ub5ynvAE31Z413I0yXYIWTy1LuXvxV/lnCYiGr1oIY1HpDdspI/GSnkXClOo+xg0
Q7EfZ6RxQBGNmY2w3q0Skwsp80TsHrYiiG8WrmHaMgTWK1CQhKLHC0G32ZXEdbVV
EuS4je/aGmM3zSxyNOTYFSXx+23IjtXSliMFe84/JNfTrux2J83LeSWwalF+sZU4
AULKlH7x4USsPCCJI2hx/uXYM2V7C75qCmBhlwIDAQABAoIBAAvdONLk1JCvUEnU
C3wvpIbLotWdijChmZbSfDtZw8eDF0Pt3Nc8j50uzJalrXGVeHnFfuvlLP4pKNNK
xGWXonjOMnx896QYIXNSri3RpvJsAHgX7g2FOsrtfKnTs9Cxry547+LIiKJSchHJ
YNFBsyF2+MB4Q1yMZ1LNHXq9rQT+uTePk76IxEKBrcLevlFR5gbADMVyWG4RJ4Ye
qwUxcteoUbLcCghSLeCeNzuWNJCGeAyZ62LTbu19MBFEqoRBY9/lDrwo9Nj0yeWw
iWSTkTodPNqKDVtvNQxuWcoo7vT3x6Azib5wdFRof+sXNrw/LnhkTkRsLxMS4Cik
oGNm+gECgYEA8b8t40XNL0hbzhwxdHAIg1ONMAxAX/p0zR6CzpzAHEn1rz4qQQEW
xkQ06FIQyf9DWRPNIAs+S6OMNvfK/m2tb3i02si/ZeTmKnspkHTmdjT68Q9p1gIE
xr+ShsQdWesWw08oDaXV/v/JW7qCIbuOzZEHrzs4FC4pu0ioJe5pVKkCgYEA7YO7
y54MsQ/hCTRH/GggNGNKjdZqD0Il9eW/2MForIamjcUnN+UwRhtNY4NsY4J3mHKy
crXROaXAw/A6Ayaw0pdLRBnQat0atIo83hvye1yZrsoWwvsj6HFuy/SicjigmIfO
GtniWctLUongVqcfg3rvoQlny/PCmX799+XbrD8CgYEA66vm/lOEDn5KEYrmo468
ndqMH7Ux5N9zkqwV9XpWxr1LaEYAR1Lacvr3YSzv9RyG+YYWSRDs8CxGeyfim1ss
4ykXltpxzNHzmKJtCMkOC1rm8K6IDPv20BLes8bonkpS7KB0eamcD3YpROV0C5Kf
SsQCa9AdgX7nbA8O7buYr9ECgYEAj+GuoQHEpHp/E4lVVmVppPLFVjkelNG4l0av
ukon8+O5/8YAJQ80+DNP5UnXHk0J0BMjYPQdo/NyXAAp1IDauygl00JkDGiW5emc
R9zcPrjw7H7F3SYwMX6N5QX0ZodBWkViqMd3JHhPz9dwTG3/XDHb+kztURMAvuW8
SjE3qxcCgYEA2HXyUkX/UEaZSzBJoOYCIPT7eHq+k2EhStEiJJhHGIn2pknDYn2p
/QBkgXDFWI4vf6THTSWuzdla/hkmv+2ki/9WuqcKwTxHPEHZiQ9RRSxOgms4rcWv
lNov8ff8CX9nVQaFEgbk2YlzoyW4PpwnK5pNztNtIYE9IRxL5xvslGY=
-----END RSA PRIVATE KEY-----
`

// Challenge signs a consent challenge.
func Challenge(sub string) (string, error) {
	tok := jwt.NewWithClaims(jose.HS256, jwt.MapClaims{"sub": sub, "exp": time.Now().Add(10 * time.Minute).Unix()})
	return tok.SignedString([]byte(consentSecret)) // want `hardcoded JWT signing key: \(\*jwt.Token\).SignedString signs with const consentSecret`
}

// CheckChallenge verifies a consent challenge.
func CheckChallenge(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		return []byte(consentSecret), nil // want `hardcoded JWT verification key: jwt.Keyfunc returns const consentSecret`
	})
}

// IDTokenSigner signs ID tokens with the issuer key.
var IDTokenSigner = &jwt.DefaultSigner{
	GetPrivateKey: func(ctx context.Context) (interface{}, error) {
		key, err := gojwt.ParseRSAPrivateKeyFromPEM([]byte(issuerPEM))
		if err != nil {
			return nil, err
		}
		return key, nil // want `hardcoded JWT private key: jwt.DefaultSigner.GetPrivateKey signs with const issuerPEM`
	},
}

// Negatives.

func ChallengeFromEnv(sub string) (string, error) {
	tok := jwt.NewWithClaims(jose.HS256, jwt.MapClaims{"sub": sub, "exp": time.Now().Add(time.Minute).Unix()})
	return tok.SignedString([]byte(os.Getenv("CONSENT_SECRET")))
}

type keyStore interface {
	Current(ctx context.Context) (*rsa.PrivateKey, error)
}

func storeSigner(ks keyStore) *jwt.DefaultSigner {
	return &jwt.DefaultSigner{GetPrivateKey: func(ctx context.Context) (interface{}, error) {
		return ks.Current(ctx)
	}}
}

var _ = storeSigner
