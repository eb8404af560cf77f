// Package maintained imports only maintained JWT modules, among them the
// major versions of modules whose older versions are unmaintained: nothing
// to report.
package maintained

import (
	"time"

	jose "github.com/go-jose/go-jose/v4"
	josejwt "github.com/go-jose/go-jose/v4/jwt"
	jwt4 "github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v5"
	jwk2 "github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v3/jwa"
)

var (
	_ = jose.HS256
	_ = josejwt.DefaultLeeway
	_ = jwt4.SigningMethodHS256
	_ = jwt.SigningMethodHS256
	_ = jwk2.NewSet
	_ = jwa.HS256
	_ = time.Second
)
