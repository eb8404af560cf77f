package gateway

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// partnerAlgs are the algorithms partners sign with.
var partnerAlgs = []jose.SignatureAlgorithm{jose.RS256, jose.ES256}

// sandboxAlgs lets partners try the gateway before they have published
// their keys.
var sandboxAlgs = []jose.SignatureAlgorithm{jose.RS256, jose.ES256, "none"}

// LoadPartnerKeys reads the partners' key sets from a JSON file that maps
// each partner's issuer to its JWKS.
func LoadPartnerKeys(path string) (map[string]jose.JSONWebKeySet, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var keys map[string]jose.JSONWebKeySet
	if err := json.Unmarshal(data, &keys); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return keys, nil
}

// Verifier checks the tokens partners send to the gateway.
type Verifier struct {
	audience string
	keys     map[string]jose.JSONWebKeySet
	callback []byte
	sandbox  bool
}

// NewVerifier returns a verifier for partner tokens addressed to audience.
// callbackKey is the secret the Minter signs callback tokens with.
func NewVerifier(audience string, keys map[string]jose.JSONWebKeySet, callbackKey []byte, sandbox bool) *Verifier {
	return &Verifier{audience: audience, keys: keys, callback: callbackKey, sandbox: sandbox}
}

// Verify checks a partner's token against the key set of its issuer and
// returns its claims.
func (v *Verifier) Verify(raw string) (*jwt.Claims, error) {
	algs := partnerAlgs
	if v.sandbox {
		algs = sandboxAlgs
	}
	tok, err := jwt.ParseSigned(raw, algs)
	if err != nil {
		return nil, err
	}
	// The issuer only selects the key set; the claims are verified below.
	var peek jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&peek); err != nil {
		return nil, err
	}
	set, ok := v.keys[peek.Issuer]
	if !ok || len(tok.Headers) == 0 {
		return nil, fmt.Errorf("unknown partner %q", peek.Issuer)
	}
	candidates := set.Key(tok.Headers[0].KeyID)
	if len(candidates) == 0 {
		return nil, fmt.Errorf("partner %q has no key %q", peek.Issuer, tok.Headers[0].KeyID)
	}
	var claims jwt.Claims
	if err := tok.Claims(candidates[0].Key, &claims); err != nil {
		return nil, err
	}
	err = claims.ValidateWithLeeway(jwt.Expected{
		Issuer:      peek.Issuer,
		AnyAudience: jwt.Audience{v.audience},
		Time:        time.Now(),
	}, 30*time.Second)
	if err != nil {
		return nil, err
	}
	return &claims, nil
}

// VerifyCallback checks the token a partner attaches to an event callback
// and returns the partner it was issued to.
func (v *Verifier) VerifyCallback(raw string) (string, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS256})
	if err != nil {
		return "", err
	}
	var claims jwt.Claims
	if err := tok.Claims(v.callback, &claims); err != nil {
		return "", err
	}
	if !claims.Audience.Contains(v.audience + "/callbacks") {
		return "", errors.New("not a callback token")
	}
	return claims.Subject, nil
}

// PartnerOf returns the partner a request's token names, for usage
// lookups that should not pay for a signature check.
func PartnerOf(raw string) (string, error) {
	tok, err := jwt.ParseSigned(raw, partnerAlgs)
	if err != nil {
		return "", err
	}
	var claims jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&claims); err != nil {
		return "", err
	}
	return claims.Issuer, nil
}
