package noexp

// doc is the Analyzer's documentation: the first line is the summary shown
// by `jwtvet help`, the rest explains what is reported.
const doc = `report JWTs minted or accepted without an expiry

A token without an exp claim stays valid until its key is rotated: a
stolen one works forever (CWE-613). The noexp analyzer reports

  - a token minted (jwt.NewWithClaims, or jwt.New followed by claims) and
    signed in the same function whose claims never get an expiry: a
    jwt.MapClaims without "exp", or jwt.RegisteredClaims/StandardClaims,
    alone or embedded in the program's own claims struct, whose ExpiresAt
    is never set on that value. Claims built by a helper function of the
    same package are followed into it;
  - expiry validation switched off: jwt.WithoutClaimsValidation(), a
    v3/v4 jwt.Parser with SkipClaimsValidation set, and a go-oidc
    oidc.Config with SkipExpiryCheck set;
  - a v3/v4 claims type whose own Valid method hides the embedded
    RegisteredClaims/StandardClaims Valid without checking exp;
  - a golang-jwt v5 jwt.Parse, jwt.ParseWithClaims or jwt.NewParser
    without jwt.WithExpirationRequired(): v5 checks exp only when a token
    has one, so a token without exp never expires;
  - a leeway (jwt.WithLeeway) of one hour or more;
  - a mint whose expiry is set only under if ttl > 0 (or != 0) on a
    configured lifetime, with no default otherwise and no startup check
    that rejects a lifetime that is not positive.

The same holds for the other modelled libraries, from the model's rows:
claims signed in one call without exp (kataras jwt.Sign without MaxAge,
jwx jwt.Sign of a token built without an expiration, go-jose
jwt.Signed(s).Claims(c), cristalhq Builder.Build, jwtauth Encode, go-kit
NewSigner), a signer whose max age is too small to set exp (iris
NewSigner(alg, key, 0)), a verification that checks no claim whose claims
are read but never validated (go-jose Claims without Claims.Validate,
cristalhq Parse without IsValidAt, jwtauth Decode), jwx
WithValidate(false), and large leeways (jwx WithAcceptableSkew, go-jose
ValidateWithLeeway, auth0 WithAllowedClockSkew).

Claims that may get an expiry out of sight are not reported: a value
passed to another function by pointer, written under a computed key,
taken from a parameter or an unknown function, or a token returned
unsigned. A v5 parse whose options are not all visible, or whose
function rejects a nil ExpiresAt by hand, is not reported either.
Findings in _test.go files are reported only with -noexp.tests; packages
made for tests (authtest, testutil, mocks) are never reported.

Fixes add jwt.WithExpirationRequired() to a v5 parse, and an expiry 15
minutes from now to a claims composite literal ("exp" for jwt.MapClaims,
ExpiresAt for RegisteredClaims/StandardClaims).

The -noexp.maxleeway flag sets the smallest leeway reported.`
