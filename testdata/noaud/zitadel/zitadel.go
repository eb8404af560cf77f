// Package zitadel verifies tokens with zitadel/oidc v3. op.VerifyAccessToken
// checks the issuer, the signature and the expiry but never the audience:
// with a provider's JWKS (rp.NewRemoteKeySet) and no audience comparison
// afterwards it is reported (the shape of an external JWT identity
// provider that accepts tokens issued to any client). The same
// verification followed by an audience membership check, a verification
// with the provider's own keys, and rp's ID token verification, which
// always compares the audience with the client ID, are not.
package zitadel

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/zitadel/oidc/v3/pkg/client/rp"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// ExternalIDP trusts access tokens of an external provider.
type ExternalIDP struct {
	verifier *op.AccessTokenVerifier
}

// NewExternalIDP fetches the provider's keys from its JWKS URL.
func NewExternalIDP(issuer, jwksURL string) *ExternalIDP {
	keys := rp.NewRemoteKeySet(http.DefaultClient, jwksURL)
	return &ExternalIDP{verifier: op.NewAccessTokenVerifier(issuer, keys)}
}

// Subject checks signature, issuer and expiry, and accepts any audience.
func (e *ExternalIDP) Subject(ctx context.Context, raw string) (string, error) {
	claims, err := op.VerifyAccessToken[*oidc.AccessTokenClaims](ctx, raw, e.verifier) // want `op.VerifyAccessToken accepts tokens issued for any audience, and its keys come from a remote key set \(rp.NewRemoteKeySet at zitadel.go:\d+\)`
	if err != nil {
		return "", err
	}
	return claims.Subject, nil
}

// Inline builds the verifier where it verifies.
func Inline(ctx context.Context, issuer, jwksURL, raw string) (*oidc.TokenClaims, error) {
	v := op.NewAccessTokenVerifier(issuer, rp.NewRemoteKeySet(http.DefaultClient, jwksURL), op.WithSupportedAccessTokenSigningAlgorithms("RS256"))
	claims, err := op.VerifyAccessToken[*oidc.TokenClaims](ctx, raw, v) // want `op.VerifyAccessToken accepts tokens issued for any audience`
	if err != nil {
		return nil, err
	}
	return claims, nil
}

// API compares the audience after the verification: not reported.
type API struct {
	verifier *op.AccessTokenVerifier
	audience string
}

// NewAPI fetches the provider's keys from its JWKS URL.
func NewAPI(issuer, jwksURL, audience string) *API {
	return &API{verifier: op.NewAccessTokenVerifier(issuer, rp.NewRemoteKeySet(http.DefaultClient, jwksURL)), audience: audience}
}

// Subject requires this API among the token's audiences.
func (a *API) Subject(ctx context.Context, raw string) (string, error) {
	claims, err := op.VerifyAccessToken[*oidc.AccessTokenClaims](ctx, raw, a.verifier)
	if err != nil {
		return "", err
	}
	if !slices.Contains(claims.Audience, a.audience) {
		return "", errors.New("token not issued for this API")
	}
	return claims.Subject, nil
}

// verify hands the claims to its caller, which checks the audience: not
// reported.
func (a *API) verify(ctx context.Context, raw string) (*oidc.AccessTokenClaims, error) {
	return op.VerifyAccessToken[*oidc.AccessTokenClaims](ctx, raw, a.verifier)
}

// Allowed reads the audience of the claims verify returns.
func (a *API) Allowed(ctx context.Context, raw string) bool {
	claims, err := a.verify(ctx, raw)
	return err == nil && slices.Contains(claims.GetAudience(), a.audience)
}

// Own verifies the provider's own access tokens with its own key set: the
// program is the only issuer, not reported.
func Own(ctx context.Context, issuer string, keys *op.OpenIDKeySet, raw string) (string, error) {
	v := op.NewAccessTokenVerifier(issuer, keys)
	claims, err := op.VerifyAccessToken[*oidc.AccessTokenClaims](ctx, raw, v)
	if err != nil {
		return "", err
	}
	return claims.Subject, nil
}

// Login verifies ID tokens with rp's verifier, which always requires the
// client ID among the audiences (an empty client ID rejects every token):
// not reported.
func Login(ctx context.Context, issuer, clientID, jwksURL, raw string) (string, error) {
	keys := rp.NewRemoteKeySet(http.DefaultClient, jwksURL)
	v := rp.NewIDTokenVerifier(issuer, clientID, keys, rp.WithSupportedSigningAlgorithms("RS256"))
	claims, err := rp.VerifyIDToken[*oidc.IDTokenClaims](ctx, raw, v)
	if err != nil {
		return "", err
	}
	return claims.Subject, nil
}

// Tokens verifies an ID token and its access token's hash: not reported.
func Tokens(ctx context.Context, issuer, jwksURL, access, id string) (*oidc.IDTokenClaims, error) {
	v := rp.NewIDTokenVerifier(issuer, "", rp.NewRemoteKeySet(http.DefaultClient, jwksURL))
	return rp.VerifyTokens[*oidc.IDTokenClaims](ctx, access, id, v)
}

// Claims are the program's claims, embedding the library's.
type Claims struct {
	oidc.TokenClaims
	Roles []string `json:"roles"`
}

// Roles loops over the audience of the program's claims type: not
// reported.
func (a *API) Roles(ctx context.Context, raw string) ([]string, bool) {
	c, err := op.VerifyAccessToken[*Claims](ctx, raw, a.verifier)
	if err != nil {
		return nil, false
	}
	for _, aud := range c.Audience {
		if aud == a.audience {
			return c.Roles, true
		}
	}
	return nil, false
}

// Middleware verifies bearer tokens in a handler literal and never reads
// their audience.
func Middleware(issuer, jwksURL string, next http.Handler) http.Handler {
	v := op.NewAccessTokenVerifier(issuer, rp.NewRemoteKeySet(http.DefaultClient, jwksURL))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if _, err := op.VerifyAccessToken[*Claims](r.Context(), raw, v); err != nil { // want `op.VerifyAccessToken accepts tokens issued for any audience, and its keys come from a remote key set \(rp.NewRemoteKeySet at zitadel.go:\d+\)`
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}
