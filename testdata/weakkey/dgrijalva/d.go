// Package dgrijalva signs with a method chosen by name, keeping the
// algorithm visible to the bound.
package dgrijalva

import jwt "github.com/dgrijalva/jwt-go"

const key = "thirty-three-bytes-long-secret-ok"

func Sign() (string, error) {
	return jwt.New(jwt.GetSigningMethod("HS384")).SignedString([]byte(key)) // want `short HS384 key: .* 33 bytes long; HS384 needs at least 48`
}

func SignOK() (string, error) {
	return jwt.New(jwt.GetSigningMethod("HS256")).SignedString([]byte(key))
}
