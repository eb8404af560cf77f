package noaud

// doc is the Analyzer's documentation: the first line is the summary shown
// by `jwtvet help`, the rest explains what is reported.
const doc = `report JWTs from a remote key set accepted for any audience

An identity provider (Auth0, Okta, Keycloak, Google, Entra ID, Zitadel…)
signs the tokens of every application it serves with the same keys, which
it publishes as a JWKS. A service that verifies tokens with those keys and
does not check the audience ("aud") accepts a token the provider issued to
any other application: a user's ID token for another site, or an access
token meant for another API. The noaud analyzer reports a verification whose
keys come from a remote key set (a JWKS URL or an OIDC discovery document,
through MicahParks/keyfunc, jwx jwk.Fetch or jwk.Cache, go-oidc, auth0's
jwks providers, or zitadel/oidc's rp.NewRemoteKeySet) when:

  - a golang-jwt or jwx parse has no audience option (jwt.WithAudience) and
    the function reads no audience claim by hand;
  - the audience option is added only when a setting is not empty
    (if cfg.Audience != "" { opts = append(opts, jwt.WithAudience(…)) },
    also when the test is of strings.TrimSpace(cfg.Audience)): left unset,
    every audience is accepted;
  - go-jose claims verified with such keys are validated with a
    jwt.Expected that names no audience;
  - an auth0 validator.New is given no audience;
  - an echo-jwt or gofiber middleware verifies with a remote key set
    (KeyFunc, gofiber's JWKSetURLs) and no function of the package reads
    an audience claim: these middlewares never check it;
  - a go-oidc verifier is configured with SkipClientIDCheck: true (or only
    when the client ID is empty) and the function that calls Verify does
    not compare the ID token's Audience itself;
  - a zitadel/oidc op.VerifyAccessToken, which never checks the audience,
    is followed by no read of the claims' Audience in the function or in
    a caller it returns the claims to (rp.VerifyIDToken always checks it).

Tokens the program signs and verifies with its own secret or key pair are
not reported: their only issuer is the program. A function that reads the
audience claim after the verification (slices.Contains(tok.Audience, id),
claims.VerifyAudience, a loop over the audience) is taken to check it, and
so is a helper whose caller in the package reads the audience of the claims
it returns.

The fix adds the audience option (or the expected audience) with the
configured value, when exactly one audience setting is in scope; otherwise
the message says what to add.`
