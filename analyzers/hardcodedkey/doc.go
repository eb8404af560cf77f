// Package hardcodedkey defines the jwtvet analyzer that reports JWT keys
// fixed in the source code. See doc below or docs/rules/hardcodedkey.md.
package hardcodedkey

const doc = `report JWT keys fixed in the source code

A JWT signing or verification key written in the source (a literal, a
constant, a package variable never reassigned, a config struct literal, a
function that always returns the same value) is known to everyone with the
code or the binary, cannot be rotated without a release, and is the same in
every environment: anyone holding it can mint accepted tokens (CWE-798,
CWE-321).

The key is followed from the library call (SignedString, SigningMethod.Sign,
a keyfunc's result, middleware key fields) to its definition, across
packages, and reported once per constant origin and call. Public keys,
environment, file and secret-manager keys, constants that are only the
fallback of an environment lookup (see sharedkey) and _test.go files (unless
-hardcodedkey.tests) are not reported.

The suggested fix replaces the constant with os.Getenv of a variable named
after the identifier that held the key (JWT_SECRET when there is none). It
is offered only for libraries that refuse an empty key: with the others an
unset variable would sign with "", so the program needs a startup check
that a fix cannot place.`
