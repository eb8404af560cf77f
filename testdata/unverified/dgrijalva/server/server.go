// want package:"signs\\(HS256\\)"

// Package server exercises unverified on github.com/dgrijalva/jwt-go, as
// older services wrote it: the classic keyfunc returning a []byte secret
// (silent while the package signs with one family), a keyfunc returning
// the raw PEM bytes it also decodes as an RSA key (reported), claims read
// before or without the error check, a helper that returns claims with a
// nil error, and the request package's extractor.
package server

import (
	"errors"
	"fmt"
	"io/ioutil"
	"log"
	"net/http"
	"os"
	"time"

	jwt "github.com/dgrijalva/jwt-go"
	"github.com/dgrijalva/jwt-go/request"
)

var (
	secret    = []byte(os.Getenv("APP_SECRET"))
	pubPEM    []byte
	publicKey interface{}
)

// Init loads the verification key.
func Init(path string) {
	data, err := ioutil.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	pubPEM = data
	publicKey, err = jwt.ParseRSAPublicKeyFromPEM(pubPEM)
	if err != nil {
		log.Fatal(err)
	}
}

// Login issues HS256 tokens.
func Login(w http.ResponseWriter, r *http.Request) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.StandardClaims{
		Subject:   r.FormValue("user"),
		ExpiresAt: time.Now().Add(time.Hour).Unix(),
	})
	s, err := token.SignedString(secret)
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	fmt.Fprint(w, s)
}

func secretKey(token *jwt.Token) (interface{}, error) {
	return secret, nil
}

// Me is the classic handler: a []byte secret, token.Valid checked.
func Me(w http.ResponseWriter, r *http.Request) {
	token, err := request.ParseFromRequest(r, request.OAuth2Extractor, secretKey)
	if err != nil || !token.Valid {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	claims := token.Claims.(jwt.MapClaims)
	fmt.Fprintln(w, claims["sub"])
}

// Partner verifies partner tokens with the PEM bytes instead of the key.
func Partner(w http.ResponseWriter, r *http.Request) {
	token, err := jwt.Parse(r.Header.Get("X-Partner-Token"), func(t *jwt.Token) (interface{}, error) { // want `jwt.Parse does not pin the signing algorithm: its keyfunc returns a PEM public key as \[\]byte`
		return pubPEM, nil
	})
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, token.Claims)
}

// PartnerTyped returns the decoded key held in an interface{} variable
// that only ever holds the RSA key: typed, silent.
func PartnerTyped(w http.ResponseWriter, r *http.Request) {
	token, err := jwt.Parse(r.Header.Get("X-Partner-Token"), func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodRSA); !ok {
			return nil, errors.New("bad method")
		}
		return publicKey, nil
	})
	if err == nil {
		fmt.Fprintln(w, token.Claims)
	}
}

// Claims returns the claims with a nil error whatever the parse said.
func Claims(raw string) (jwt.MapClaims, error) { // want Claims:"verifies\\(param 0\\)"
	token, _ := jwt.Parse(raw, secretKey) // want `error of jwt.Parse is discarded but its claims are used`
	return token.Claims.(jwt.MapClaims), nil
}

// Debug prints the claims of a rejected token.
func Debug(raw string) { // want Debug:"verifies\\(param 0\\)"
	token, err := jwt.Parse(raw, secretKey)
	if err != nil {
		log.Printf("rejected token %v", err)
		return
	}
	log.Printf("claims %v", token.Claims)
}
