// Package broken does not type-check: unverified must not panic on it,
// and still reports the shapes it can see.
package broken

import (
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

func Handler(w http.ResponseWriter, r *http.Request) {
	tok, err := jwt.Parse(r.Header.Get("t"), undefinedKeyfunc)
	x := tok.Claims.(jwt.MapClaims)[missing]
	y, _, err2 := jwt.NewParser().ParseUnverified(notDefined, claimsVar) // want `claims of \(\*jwt.Parser\).ParseUnverified are used`
	if err != nil || err2 {
		return
	}
	_ = x
	_ = y.Claims.Foo
	var p jwt.Parser = notAParser
	p.Parse(1, 2, 3)
	jwt.Parse()
	tok2, err := jwt.Parse
	_ = tok2
	if q, err := jwt.Parse(r.Header.Get("t"), nil); err == nil {
		_ = q.Claims.(undefined)
	}
	switch {
	case err:
	}
}

func Other(r *http.Request) {
	var z *jwt.Token
	z, _ = jwt.ParseWithClaims(r.Header.Get("t"), &Unknown{}, func(t *jwt.Token) (interface{}, error) { return keys[t.Header["kid"]], nil }) // want `error of jwt.ParseWithClaims is discarded`
	use(z.Claims, keys[1:])
}

func (nope) Method(t *jwt.Token) (interface{}, error) { return t.Header[undefinedKey], nil } // want Method:"keyfunc"
