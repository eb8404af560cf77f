package algnone

// doc is the Analyzer's documentation: the first line is the summary shown
// by `jwtvet help`, the rest explains what is reported.
const doc = `report JWT code that accepts or signs with alg "none"

A token whose header says "alg": "none" carries no signature: anyone can
write one with any claims. The algnone analyzer reports code that lets such
tokens through or produces them:

  - jwt.UnsafeAllowNoneSignatureType returned from a keyfunc (the key that
    makes the none method verify), or used as a key anywhere else;
  - jwt.SigningMethodNone used to sign: jwt.New or jwt.NewWithClaims with
    it, jwt.SigningMethodNone.Sign, or a jwt.Token{Method: ...} literal that
    is then signed;
  - "none" in jwt.WithValidMethods or in the ValidMethods field of a v3/v4
    jwt.Parser, also when the list is a variable defined elsewhere in the
    package;
  - hand-written checks of the header's alg (token.Header["alg"],
    token.Method, a decoded header struct) that explicitly accept "none" or
    let it through while rejecting other algorithms.

A check that rejects "none" (if alg == "none" { return nil, err }) is not
reported, and a function that rejects "none" anywhere is not reported for
letting it through elsewhere. Signing with the none method in _test.go files
is not reported: minting an unsigned token is how tests check that a server
refuses it.

Fixes remove "none" from a list of allowed algorithms (when other
algorithms remain) and replace a keyfunc's
return jwt.UnsafeAllowNoneSignatureType, nil with an error.`
