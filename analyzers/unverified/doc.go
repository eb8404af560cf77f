// Package unverified defines the jwtvet analyzer that reports JWT claims
// trusted without a verified signature, and parses that do not pin the
// signing algorithm. See the doc below or docs/rules/unverified.md.
package unverified

const doc = `report JWT claims used without a verified signature

These shapes are reported (CWE-347).

Claims decoded without verification: the claims of ParseUnverified (every
generation of golang-jwt and its forks) are used, and the same token string
is not parsed and verified later in the same function. Peeking at the kid or
issuer to choose the key, then verifying, is the intended use and is not
reported; neither is a peek that only reads the header. A verifier whose
settings switch the signature check off (go-oidc oidc.Config with
InsecureSkipSignatureCheck set to true) is reported where it is set.

Parse results trusted without a check: the claims of Parse or
ParseWithClaims (or of the claims value passed to it) are used where neither
err == nil nor token.Valid has been established: the error is discarded, not
checked before the claims are read, checked without stopping, or only tested
for one sentinel such as ErrTokenExpired so that other failures, a bad
signature among them, fall through (the shape behind CVE-2024-51744). In v3
and its forks the expired bit of ValidationError.Errors is also set on tokens
whose signature failed, so claims used under that test alone are reported.
A check is recognised when it dominates the use: an if err != nil (or
!token.Valid) branch that returns, panics, continues or breaks before the
use, or a use inside if err == nil / if token.Valid.

Algorithm not pinned: the keyfunc never looks at token.Method (type
assertion, type switch, Alg() comparison) or token.Header["alg"], the parse
has no WithValidMethods (or Parser.ValidMethods), and the key it returns
could verify under another algorithm family: an interface{} key from a key
set, a []byte holding a PEM public key, or keys of different types chosen by
kid. A plain []byte secret is reported only when the packages in view sign
with more than one algorithm family.

An allow-list that mixes HMAC with public-key algorithms (WithValidMethods,
go-jose v4 ParseSigned's list) while the key is an interface{} from a key
set or a PEM public key as []byte: the public key also verifies an HMAC
token signed with it.

A key taken from the token itself: go-jose Header.JSONWebKey, jwx
Headers.JWK/JWKSetURL/X509URL, or golang-jwt token.Header["jwk"], ["jku"],
["x5u"] used as the verification key, unless the package matches it against
what it trusts (thumbprint, Equal, a jku allow-list) or binds it as a DPoP
or registration proof does.

Claims decoded by hand: a token split on ".", its payload segment
base64-decoded and unmarshalled into claims the function then uses, with no
verification of the same token string.

Functions that return a parse's token or claims together with its error are
wrappers: their callers are judged as if they called the parse. Keyfuncs and
method checks defined in other packages are followed through facts.

Fixes add WithValidMethods with the algorithm the key's type implies (or
the one the package signs with in that family; never an HMAC algorithm for
a key set or a PEM public key), keep only the public-key algorithms of a
mixed list, where the call accepts parser options, and
insert the missing "if err != nil { return ... }" where the enclosing
function's results can be written. Findings in _test.go files are reported
only with -unverified.tests.`
