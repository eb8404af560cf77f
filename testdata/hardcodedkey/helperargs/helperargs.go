// Package helperargs signs through a helper, on golang-jwt v5. It
// exercises hardcodedkey on a helper's key parameter that every caller in
// the package fills with a constant: reported at each caller's argument,
// where the fix goes. The negatives: a helper one of whose callers reads
// the environment, an exported helper other packages may call, and a
// helper also used as a function value.
package helperargs

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

const adminKey = "admin-console-key-fixed-in-the-source-0"

func sign(claims jwt.Claims, key []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

func Login(sub string) (string, error) {
	return sign(jwt.MapClaims{"sub": sub, "exp": 1}, []byte("login-key-passed-to-the-helper-0123456")) // want `hardcoded JWT signing key: the constant passed here reaches \(\*jwt.Token\).SignedString at helperargs.go:18`
}

func Impersonate(sub string) (string, error) {
	return sign(jwt.MapClaims{"sub": sub, "act": "admin", "exp": 1}, []byte(adminKey)) // want `hardcoded JWT signing key: const adminKey \(helperargs.go:15\) is passed here and reaches \(\*jwt.Token\).SignedString at helperargs.go:18`
}

// One caller passes a key from the environment, the other a constant: the
// constant caller's tokens are signed with a fixed key.
func signMixed(claims jwt.Claims, key []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

func Refresh(sub string) (string, error) {
	return signMixed(jwt.MapClaims{"sub": sub, "exp": 1}, []byte(os.Getenv("REFRESH_KEY")))
}

func Preview(sub string) (string, error) {
	return signMixed(jwt.MapClaims{"sub": sub, "exp": 1}, []byte("preview-key-fixed-but-mixed-0123456789")) // want `hardcoded JWT signing key: the constant passed here reaches \(\*jwt.Token\).SignedString at helperargs.go:32 through signMixed`
}

// Exported: callers in other packages pass what they like, but this one
// passes a constant.
func SignWith(claims jwt.Claims, key []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

func Probe() (string, error) {
	return SignWith(jwt.MapClaims{"sub": "probe", "exp": 1}, []byte("probe-key-for-an-exported-helper-01234")) // want `hardcoded JWT signing key: the constant passed here reaches .* through SignWith`
}

// The helper is also a function value, whose calls are not visible; the
// direct call still passes a constant.
func signValue(claims jwt.Claims, key []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

var Signer = signValue

func Health() (string, error) {
	return signValue(jwt.MapClaims{"sub": "health", "exp": 1}, []byte("health-key-of-a-helper-used-as-value-0")) // want `hardcoded JWT signing key: the constant passed here reaches .* through signValue`
}

// A chain of helpers: reported at the outermost caller.
func mint(key []byte, sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString(key)
}

func mintUser(key []byte, user string) (string, error) { return mint(key, "user:"+user) }

func Welcome(user string) (string, error) {
	return mintUser([]byte("welcome-chain-secret-0123456789abcdef"), user) // want `hardcoded JWT signing key: the constant passed here reaches \(\*jwt.Token\).SignedString at helperargs.go:\d+`
}
