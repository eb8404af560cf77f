package unmaintained

// doc is the Analyzer's documentation: the first line is the summary shown
// by `jwtvet help`, the rest explains what is reported.
const doc = `report imports of archived or unmaintained JWT libraries

A JWT library that no longer receives fixes keeps its known flaws: the
archived github.com/dgrijalva/jwt-go still lets a token whose "aud" is an
empty list pass VerifyAudience (CVE-2020-26160). The unmaintained analyzer
reports, once per file, the import of a package of such a module and names
the maintained module that replaces it, with the go get command to run:

  - github.com/dgrijalva/jwt-go (also as gopkg.in/dgrijalva/jwt-go.v3) and
    its v4 preview, github.com/form3tech-oss/jwt-go
    and github.com/golang-jwt/jwt (v3): use github.com/golang-jwt/jwt/v4 (a
    drop-in replacement) or v5;
  - gopkg.in/square/go-jose.v2, github.com/square/go-jose and
    gopkg.in/go-jose/go-jose.v2: use github.com/go-jose/go-jose/v4;
  - github.com/lestrrat-go/jwx (v1): use github.com/lestrrat-go/jwx/v3.

The fix rewrites the import paths of the file to the replacement's
packages. It is offered only when the replacement declares alike every
identifier of the old module the file uses, every file of the package that
imports the module can be rewritten the same way, and no other imported
package depends on the old module (its types would no longer match).`
