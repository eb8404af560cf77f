// Package keyflow is jwtvet's provenance engine: for any key expression it
// answers where the value comes from, and it carries the answers between
// packages as facts. The rules (hardcodedkey, weakkey, sharedkey, and
// through them jwtvet keys) ask it; none of them follows values itself.
//
// # Origins
//
// (*Flow).Origin(e) returns an Origin: its Kind (Constant, Env, Fallback,
// Param, Random, Predictable, RSAKey, Public, Secret, File or Unknown), an
// identity for equality that never holds the value (Const.FP, a keyed
// fingerprint), the size in bytes or RSA bits where known, whether a
// constant is a well-known weak value, where it is defined, the candidates
// of a selection by environment, and the arguments through which it reached
// a helper's parameter. When in doubt the answer is Unknown, which no rule
// treats as constant.
//
// Origins are followed through:
//   - literals, constants, concatenation and fmt.Sprintf of constants;
//   - package variables never reassigned, and local variables whose every
//     definition agrees (flow.go);
//   - struct fields written anywhere in the package and read elsewhere: the
//     join of every write, embedded and nested fields, constructors,
//     functional options replacing a default (fields.go, options.go);
//   - maps, switches and if-chains that pick a value by environment, read
//     by index or comma-ok (selection.go, commaok.go);
//   - keys derived at run time: rsa.GenerateKey, buffers filled by
//     crypto/rand or math/rand (also byte by byte), hashes and decodings of
//     constants (randfill.go, derive.go, with their rows in jwtapi);
//   - config sources, which are rows of jwtapi.ConfigSources: the
//     environment, flags, config libraries and their defaults, files and
//     secret managers (sources.go);
//   - functions whose every return agrees, and helpers' parameters joined
//     over their callers (params.go).
//
// # Key identities and events
//
// (*Flow).Provenance(pass) answers the questions of key identity: what a
// key expression is read from (Roots: a variable, a field, a getter, a
// parameter), where a value is stored (DestOf), the fallbacks of a setting
// (Fallbacks, FailsClosed), and the key events of a package, lifted through
// wrapper functions (KeyEvents). Selections by environment, build-tag
// variants and embedded per-environment config files are found by
// EnvLiteral, EnvSwitches, SameAcrossBuilds and SameInEmbedded.
//
// (*Flow).ArgSinks lists the call arguments that reach a key use through a
// parameter: a constructor, setter or option that stores the key in a field
// a method signs with (paramsinks.go). (*Flow).EmptyKeys answers whether a
// key read from a config source may be empty because nothing checks it
// before use (emptykey.go). NewTokenFlow follows signed tokens, not keys,
// through variables, fields, results and parameters, for the rule that
// looks at where tokens are sent (tokenflow.go).
//
// # Facts
//
// The fact types live here: ConstFact and FieldsFact (constant package
// variables, getters and config literals), ParamSinkFact (parameters that
// reach key uses), EnvDefaultFact and FallbackFact (getenv helpers and
// fallbacks), SignerFact and KeyUsesFact (key identities and their token
// kinds), UncheckedKeyFieldFact (config-filled key fields nothing checks)
// and TokenFact (functions and fields that hold signed tokens). keyflow's
// own analyzer exports the first three; a rule that reads one of the others
// lists it in its FactTypes, since a go/analysis fact type belongs to one
// analyzer, and passes its pass to keyflow. Facts never hold a secret: only a length, a
// weak-value flag, a fingerprint and where the value is defined.
package keyflow
