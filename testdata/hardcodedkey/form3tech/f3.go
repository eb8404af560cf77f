// Package form3tech signs with github.com/form3tech-oss/jwt-go through a
// dot import.
package form3tech

import (
	"fmt"

	. "github.com/form3tech-oss/jwt-go"
)

const region = "eu"

func Sign() (string, error) {
	return New(SigningMethodHS256).SignedString([]byte(fmt.Sprintf("svc-%s-signing-secret-000000000", region))) // want `hardcoded JWT signing key: .* a fmt.Sprintf of constants`
}
