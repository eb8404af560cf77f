// Command cmd wires authsvc: constants passed to its key parameters are
// hard-coded keys; values read from the environment are not.
package main

import (
	"os"

	"jwtvet.test/fixtures/hardcodedkey/ctorargs/authsvc"
)

const fallbackKey = "authd-development-key-0123456789abcdef"

func main() {
	srv := authsvc.New(
		authsvc.WithIssuer("https://auth.example.com"),
		authsvc.WithSigningKey("authd-signing-key-0123456789abcdefghij"), // want `hardcoded JWT signing key: the constant passed here reaches \(\*jwt.Token\).SignedString at authsvc.go:37 through authsvc.WithSigningKey`
	)
	_, _ = srv.Issue("admin")

	dev := authsvc.New(authsvc.WithSigningKey(fallbackKey)) // want `hardcoded JWT signing key: const fallbackKey \(main.go:11\) is passed here and reaches .* through authsvc.WithSigningKey`
	_, _ = dev.Issue("dev")

	var s authsvc.Signer
	s.SetKey([]byte("setter-key-0123456789abcdefghijklmn")) // want `hardcoded JWT signing key: the constant passed here reaches .* through Signer.SetKey`
	_, _ = s.Sign(nil)

	// Negative: keys from the environment, and an issuer that is no key.
	prod := authsvc.New(authsvc.WithSigningKey(os.Getenv("AUTHD_SIGNING_KEY")), authsvc.WithIssuer("authd"))
	_, _ = prod.Issue("svc")
	_ = authsvc.NewSigner([]byte(os.Getenv("SIGNER_KEY")))
}
