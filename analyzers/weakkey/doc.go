// Package weakkey defines the jwtvet analyzer that reports JWT keys too
// short or too small for their algorithm. See docs/rules/weakkey.md.
package weakkey

const doc = `report JWT keys too short or too small for their algorithm

An HMAC key shorter than the algorithm's hash (32 bytes for HS256, 48 for
HS384, 64 for HS512) can be brute-forced offline from any token, and a
well-known value ("secret", "changeme", "your-256-bit-secret", one repeated
character) is tried first whatever its length. RSA keys under 2048 bits are
factorable with public effort (CWE-326).

Reported: constant HMAC keys below the bound of the algorithm they sign or
verify with (32 bytes when the algorithm is not known statically), known
weak secrets, key buffers filled by crypto/rand that are too short, key
buffers filled by math/rand (predictable at any size), rsa.GenerateKey with
a constant size under 2048 bits whose key reaches a JWT signer or
verifier, constant PEM RSA private keys under 2048 bits used for JWTs, and
HMAC keys read from the environment or a config field that nothing checks
before a library that accepts an empty key uses them.
_test.go files are skipped unless -tests is set: test keys are fixtures.

The suggested fix raises a literal RSA size to 2048; other findings say
what length is needed.`
