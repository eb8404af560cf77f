// go-chi/jwtauth: an auth configured with "none" (reported: it would sign
// and accept unsigned tokens; jwx refuses it at run time); HS256 (silent).
package jwtauth

import (
	"os"

	"github.com/go-chi/jwtauth/v5"
)

var debugAuth = jwtauth.New("none", nil, nil) // want `jwtauth.New with the none algorithm mints an unsigned token`

var tokenAuth = jwtauth.New("HS256", []byte(os.Getenv("JWT_SECRET")), nil)

var _, _ = debugAuth, tokenAuth
