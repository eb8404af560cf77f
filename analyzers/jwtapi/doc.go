// Package jwtapi is jwtvet's model of the Go JWT libraries, kept as data,
// and the layer that turns a package's code into library events for the
// rules.
//
// # The model
//
// Each library family contributes rows in its own file (golangjwt.go,
// jose.go, jwx.go, jwxv1.go, kataras.go, cristalhq.go, oidc.go,
// middleware.go, …): functions and methods (Func: what the call does with
// a key, a token, a keyfunc, claims or options, as a Role and argument
// columns), package variables (Var), types (Type) and struct fields
// (Field). Other knowledge is rows too: configuration sources
// (configsrc.go), pure derivations of key material (derive.go), random
// fills (randomfill.go), deprecated modules (deprecated.go), framework
// answers to a failed check (authanswer.go), transports that carry tokens
// (transport.go). Calls are identified through types.Info (the callee's
// *types.Func, its package path and receiver type), so import aliases,
// dot imports and method values make no difference.
//
// # Events
//
// Analyzer walks a package once and its *Index hands the rules events,
// never raw rows or argument positions. Only this package reads a row's
// argument columns, a library literal's elements or a Role:
//   - KeySinks: every place key material reaches a library (sign, verify,
//     config field, keyfunc result), with the algorithm and the API name;
//   - VerifyEvents: parses, verifications, unverified decodes and wrapper
//     calls, with the token, the keyfunc and keys, the options in effect
//     (Pinned, AllowLists), and the error, token and claims results bound
//     to the program's variables; HandDecodes for tokens split and decoded
//     by hand, HeaderKeys for keys taken from the token itself;
//   - Mints (through NewExpiryReader): each token minted, with its claims
//     and whether they carry an expiry, and the parses that validate it;
//   - AllowLists and Nones: the algorithms a verification accepts, and
//     every use of the none algorithm;
//   - TokenKinds: the kind of token (access, refresh, id, …), audience and
//     issuer a key signs or verifies, lifted through helpers;
//   - AudienceWayOf, GuardedOptions: how a verification checks the
//     audience; TransportCallOf and SignedTokenResult: cookies and requests
//     that carry a signed token.
//
// Keyfuncs are resolved once, by keyfuncLeaves: KeyfuncOf (the keyfunc of
// this package an expression denotes, with its factory call),
// NewKeyfuncResolver (what it pins and returns, across packages by facts)
// and the modelled keyfuncs all read it, and KeyfuncAt finds a keyfunc by
// its node. Options are collected once (Options, OptionCalls,
// HasOption): every event is built on them.
//
// # Facts
//
// Library facts live here: WrapperFact, VerifyFact, KeyfuncFact,
// MethodCheckFact and SignsFact describe what a program's function does
// with the libraries (a wrapper of a parse, a verifier, a keyfunc factory),
// and LifetimeCheckedFact claims types whose lifetime a package checks.
// The rule that reads them lists them in its FactTypes (VerifyFactTypes)
// and hands its pass to this package.
package jwtapi
