// Package dpop checks DPoP proofs (RFC 9449) with go-jose v4. A proof is
// signed by the client's own key, which it embeds: verifying with the
// embedded key is the point, and the key's thumbprint is then bound to the
// access token's cnf.jkt. Silent.
package dpop

import (
	"crypto"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"

	jose "github.com/go-jose/go-jose/v4"
)

type proofClaims struct {
	ID     string `json:"jti"`
	Method string `json:"htm"`
	URL    string `json:"htu"`
}

type proof struct {
	claims proofClaims
	jkt    string
}

func parseProof(raw string) (*proof, error) {
	jws, err := jose.ParseSigned(raw, []jose.SignatureAlgorithm{jose.ES256, jose.EdDSA})
	if err != nil {
		return nil, err
	}
	if len(jws.Signatures) != 1 {
		return nil, errors.New("one signature expected")
	}
	header := jws.Signatures[0].Header
	if typ, _ := header.ExtraHeaders[jose.HeaderType].(string); !strings.EqualFold(typ, "dpop+jwt") {
		return nil, errors.New("not a DPoP proof")
	}
	jwk := header.JSONWebKey
	if jwk == nil || !jwk.IsPublic() {
		return nil, errors.New("missing public jwk")
	}
	payload, err := jws.Verify(jwk)
	if err != nil {
		return nil, err
	}
	var c proofClaims
	if err := json.Unmarshal(payload, &c); err != nil {
		return nil, err
	}
	thumb, err := jwk.Thumbprint(crypto.SHA256)
	if err != nil {
		return nil, err
	}
	return &proof{claims: c, jkt: base64.RawURLEncoding.EncodeToString(thumb)}, nil
}
