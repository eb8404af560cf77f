package jwtapi

// EmptyKey says what a library does with an empty HMAC key.
type EmptyKey uint8

const (
	// EmptyKeyUnknown: not read from the library's source.
	EmptyKeyUnknown EmptyKey = iota
	// EmptyKeyAccepted: signing and verification run with a zero-length
	// key, so a secret that was never configured still "works".
	EmptyKeyAccepted
	// EmptyKeyRejected: the library refuses a zero-length (or short) key.
	EmptyKeyRejected
)

// emptyKeyRows is what each library package does with an empty HMAC key,
// read from the sources of the versions in testdata/go.mod:
//
//   - golang-jwt v5, v4, v3 and the dgrijalva and form3tech forks:
//     SigningMethodHMAC.Sign and Verify only check that the key is a
//     []byte, then call hmac.New with it: accepted. The middlewares built
//     on them (echo-jwt v4, gin-jwt v2, gofiber contrib/jwt, go-kit
//     auth/jwt) check only that a key is set (a non-nil interface or
//     slice; []byte("") is not nil): accepted.
//   - go-jose v3, gopkg.in/square/go-jose.v2 and gopkg.in/go-jose/go-jose.v2
//     (under auth0's validator): symmetricMac.hmac has no size check:
//     accepted. go-jose v4 rejects an HS256 key under 256 bits
//     (ErrInvalidKeySize): rejected.
//   - kataras/jwt (and iris middleware/jwt on it): hmac.New with the key
//     as given: accepted.
//   - jwx v2 (HMACSigner.Sign: "missing key while signing payload") and
//     v3 (dsig toHMACKey, same error), go-chi/jwtauth (jwx): rejected.
//   - cristalhq/jwt v4: newHS returns ErrNilKey for len(key) == 0:
//     rejected.
var emptyKeyRows = func() map[string]EmptyKey {
	m := map[string]EmptyKey{}
	for _, p := range GolangJWTPackages {
		m[p] = EmptyKeyAccepted
	}
	for _, p := range josePackages {
		v := EmptyKeyAccepted
		if p.algList { // v4
			v = EmptyKeyRejected
		}
		m[p.root], m[p.jwt] = v, v
	}
	for _, p := range jwxPackages {
		m[p.root+"/jwt"], m[p.root+"/jws"] = EmptyKeyRejected, EmptyKeyRejected
	}
	for _, p := range []string{echoJWTPkg, echoMiddlewarePkg, ginJWTPkg, gofiberPkg, auth0Pkg, auth0ValPkg,
		katarasPkg, irisJWTPkg, goKitPkg} {
		m[p] = EmptyKeyAccepted
	}
	m["github.com/cristalhq/jwt/v4"] = EmptyKeyRejected
	m["github.com/go-chi/jwtauth/v5"] = EmptyKeyRejected
	return m
}()

// withEmptyKey sets the EmptyKey column of the rows, adding a row for the
// packages that have no other behaviour to record.
func withEmptyKey(rows []*Package) []*Package {
	seen := map[string]bool{}
	for _, r := range rows {
		seen[r.Path] = true
		if v, ok := emptyKeyRows[r.Path]; ok {
			r.EmptyKey = v
		}
	}
	for path, v := range emptyKeyRows {
		if !seen[path] {
			rows = append(rows, &Package{Path: path, EmptyKey: v})
		}
	}
	return rows
}

// AcceptsEmptyKey reports whether the library package path signs and
// verifies with an empty HMAC key.
func (m *Model) AcceptsEmptyKey(path string) bool {
	r := m.Package(path)
	return r != nil && r.EmptyKey == EmptyKeyAccepted
}
