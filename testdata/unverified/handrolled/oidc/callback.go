// Package oidc is an OIDC login callback written without a JWT library:
// the ID token from the token endpoint is split on ".", its payload
// base64-decoded and the claims trusted with no signature check. Also the
// look-alikes that are fine: reading the header only, a decode whose
// claims are never read, and a decode handed to a verifier afterwards.
package oidc

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
)

type idClaims struct {
	Subject string `json:"sub"`
	Email   string `json:"email"`
	Name    string `json:"name"`
}

type tokenResponse struct {
	AccessToken string `json:"access_token"`
	IDToken     string `json:"id_token"`
}

// Verifier checks a token's signature (an OIDC library behind it).
type Verifier interface {
	Verify(ctx context.Context, raw string) error
}

type Handler struct {
	verifier Verifier
	users    map[string]string
}

// userFromIDToken trusts the payload as is.
func userFromIDToken(idToken string) (*idClaims, error) {
	parts := strings.Split(idToken, ".")
	if len(parts) != 3 {
		return nil, errors.New("malformed id token")
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return nil, err
	}
	var claims idClaims
	if err := json.Unmarshal(payload, &claims); err != nil { // want `claims decoded by hand from the token's payload segment are used but the token's signature is never verified`
		return nil, err
	}
	return &claims, nil
}

// Me trusts the helper's claims.
func (h *Handler) Me(idToken string) string {
	c, err := userFromIDToken(idToken)
	if err != nil {
		return ""
	}
	return c.Email
}

// Callback decodes inline, with padding, through a map.
func (h *Handler) Callback(w http.ResponseWriter, r *http.Request) {
	var tr tokenResponse
	if err := json.NewDecoder(r.Body).Decode(&tr); err != nil {
		http.Error(w, "bad response", http.StatusBadGateway)
		return
	}
	seg := strings.Split(tr.IDToken, ".")[1]
	if m := len(seg) % 4; m != 0 {
		seg += strings.Repeat("=", 4-m)
	}
	raw, err := base64.URLEncoding.DecodeString(seg)
	if err != nil {
		http.Error(w, "bad token", http.StatusUnauthorized)
		return
	}
	claims := map[string]interface{}{}
	if err := json.Unmarshal(raw, &claims); err != nil { // want `claims decoded by hand from the token's payload segment are used`
		http.Error(w, "bad token", http.StatusUnauthorized)
		return
	}
	email, _ := claims["email"].(string)
	h.users[email] = "logged-in"
}

// fromCut walks the segments with strings.Cut and decodes with a
// json.Decoder.
func fromCut(idToken string) (string, error) {
	_, rest, ok := strings.Cut(idToken, ".")
	if !ok {
		return "", errors.New("malformed")
	}
	body, _, ok := strings.Cut(rest, ".")
	if !ok {
		return "", errors.New("malformed")
	}
	b, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil {
		return "", err
	}
	var c idClaims
	if err := json.NewDecoder(bytes.NewReader(b)).Decode(&c); err != nil { // want `claims decoded by hand`
		return "", err
	}
	return c.Subject, nil
}

// headerKid reads the header segment only: no claims.
func headerKid(raw string) string {
	parts := strings.SplitN(raw, ".", 3)
	b, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil {
		return ""
	}
	var hdr struct {
		Kid string `json:"kid"`
	}
	if json.Unmarshal(b, &hdr) != nil {
		return ""
	}
	return hdr.Kid
}

// wellFormed only checks that the payload is JSON; nothing is read.
func wellFormed(raw string) bool {
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		return false
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return false
	}
	var anything map[string]interface{}
	return json.Unmarshal(b, &anything) == nil
}

// Login peeks at the email, then has the verifier check the same token
// before using it.
func (h *Handler) Login(ctx context.Context, idToken string) (string, error) {
	parts := strings.Split(idToken, ".")
	if len(parts) != 3 {
		return "", errors.New("malformed")
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return "", err
	}
	var c idClaims
	if err := json.Unmarshal(payload, &c); err != nil {
		return "", err
	}
	if err := h.verifier.Verify(ctx, idToken); err != nil {
		return "", err
	}
	return c.Email, nil
}

// expiresSoon is a client reading its own token's exp to refresh it in
// time: nothing but the timestamp is read.
func expiresSoon(token string, now int64) bool {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return true
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return true
	}
	var c struct {
		Exp int64 `json:"exp"`
	}
	if err := json.Unmarshal(b, &c); err != nil {
		return true
	}
	return c.Exp-now < 60
}

// decodeSegment is a base64 helper: decoding a segment is not trusting it.
func decodeSegment(seg string) ([]byte, error) {
	seg = strings.TrimSpace(seg)
	if b, err := base64.RawURLEncoding.DecodeString(seg); err == nil {
		return b, nil
	}
	return base64.URLEncoding.DecodeString(seg)
}

// payloadOf returns the claims for callers to judge.
func payloadOf(token string) map[string]interface{} {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil
	}
	b, err := decodeSegment(parts[1])
	if err != nil {
		return nil
	}
	var out map[string]interface{}
	if err := json.Unmarshal(b, &out); err != nil { // want `claims decoded by hand from the token's payload segment are used`
		return nil
	}
	return out
}

// lifetime reads only the time claims of payloadOf's result.
func lifetime(token string) int64 {
	c := payloadOf(token)
	exp, _ := c["exp"].(float64)
	iat, _ := c["iat"].(float64)
	return int64(exp - iat)
}

// tenantOf trusts payloadOf's tenant claim: payloadOf is reported.
func tenantOf(token string) string {
	c := payloadOf(token)
	t, _ := c["tenant"].(string)
	return t
}

// expiryOnly decodes for a caller that reads the expiry only: silent.
func expiryOnly(token string) map[string]interface{} {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil
	}
	b, err := decodeSegment(parts[1])
	if err != nil {
		return nil
	}
	var out map[string]interface{}
	if err := json.Unmarshal(b, &out); err != nil {
		return nil
	}
	return out
}

func refreshDue(token string, now float64) bool {
	c := expiryOnly(token)
	exp, _ := c["exp"].(float64)
	return exp-now < 60
}
