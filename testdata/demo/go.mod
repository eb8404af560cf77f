module jwtvet.test/demo

go 1.26.0

require (
	github.com/dgrijalva/jwt-go v3.2.0+incompatible
	github.com/go-jose/go-jose/v4 v4.1.8
	github.com/golang-jwt/jwt/v5 v5.3.1
)
