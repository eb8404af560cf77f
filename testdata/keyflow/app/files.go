package app

import (
	"io/ioutil"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

// Keys read from files: the value is the file's content, never in the
// source; the path is named when it is a constant or an environment
// variable.

const keyPath = "/etc/tokens/hmac.key"

func fromFiles() {
	k1, _ := os.ReadFile(keyPath)
	sink(k1) // want `file path="/etc/tokens/hmac.key" env=""`

	k2, _ := ioutil.ReadFile(os.Getenv("JWT_KEY_FILE"))
	sink(k2) // want `file path="" env="JWT_KEY_FILE"`

	pem, err := os.ReadFile("/run/secrets/jwt.pem")
	if err != nil {
		return
	}
	priv, _ := jwt.ParseRSAPrivateKeyFromPEM(pem)
	sink(priv) // want `file path="/run/secrets/jwt.pem" env=""`
}
