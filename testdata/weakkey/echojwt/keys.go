// Package echojwt exercises weakkey on echo-jwt: Config.SigningKey checked
// against SigningMethod, and against its HS256 default when unset; the
// key of echojwt.JWT (HS256 always); and the negatives.
package echojwt

import (
	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
)

func Default() echo.MiddlewareFunc {
	return echojwt.WithConfig(echojwt.Config{SigningKey: []byte("twenty-byte-secret!!")}) // want `short HS256 key: echojwt.Config.SigningKey uses a string literal \(keys.go:\d+\), 20 bytes long; HS256 needs at least 32`
}

func HS512() echo.MiddlewareFunc {
	return echojwt.WithConfig(echojwt.Config{SigningKey: []byte("forty-byte-secret-fine-for-hs256-only!!!"), SigningMethod: "HS512"}) // want `short HS512 key: echojwt.Config.SigningKey uses a string literal \(keys.go:\d+\), 40 bytes long; HS512 needs at least 64`
}

func Quick() echo.MiddlewareFunc {
	return echojwt.JWT([]byte("secret")) // want `weak JWT secret: echojwt.JWT uses a string literal`
}

// Negatives.

func Long() echo.MiddlewareFunc {
	return echojwt.WithConfig(echojwt.Config{SigningKey: []byte("forty-byte-secret-fine-for-hs256-only!!!")})
}
