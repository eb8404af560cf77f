/*
Jwtvet finds misuse of JSON Web Token libraries in Go code: signing keys
fixed in the source or too weak, tokens used without a verified signature or
a pinned algorithm, tokens without expiry, the "none" algorithm, and one
secret shared by several environments.

Usage:

	jwtvet [flags] packages
	jwtvet help [rule...]
	jwtvet keys [flags] packages
	go vet -vettool=$(command -v jwtvet) [flags] packages

Run as a command, jwtvet loads the packages (with their tests unless
-test=false), runs its rules and prints the findings. Flags may come before
or after the package patterns.

Under go vet the command speaks the vet protocol (-flags, -V=full and a
per-package .cfg file) through golang.org/x/tools/go/analysis/multichecker,
so `go vet -vettool=... -fix [-diff]`, -json and the rule flags behave as
they do for any analysis tool, and go vet's exit status applies. go vet's
text output has no place for the analyzer's name, so there each message
starts with its rule ("hardcodedkey: hardcoded JWT signing key: ..."), the
name //jwtvet:ignore takes; go vet -json carries the same messages.

# Key inventory

`jwtvet keys [packages]` prints every JWT key of the program: its origin
(an environment variable, a literal and where it is written, a generated
key, or what holds it when the value is only known at run time; never the
value), the algorithms, the sign and verify sites, the token kinds it
serves, the lifetime of the tokens it mints where constant, and rotation
readiness (verification by kid or key set, or one static key). It is a
whole-program view over the same model and key provenance the rules read,
so it exists only in the command, not under go vet or golangci-lint.
-json and -format=markdown give the other formats; see docs/keys.md.

# Rules

	hardcodedkey  JWT signing or verification key fixed in the source
	weakkey       key too short or too small for its algorithm
	unverified    claims used without a verified signature, or algorithm not pinned
	noexp         tokens minted without exp, or parsed without expiry validation
	algnone       the none algorithm accepted or used
	sharedkey     one secret serving several environments or token kinds
	noaud         tokens from a remote key set accepted for any audience
	unmaintained  archived or unmaintained JWT library imported
	cleartext     token in a cookie without Secure or sent over plain HTTP

`jwtvet help` lists them, and `jwtvet help RULE` or `jwtvet -explain RULE`
prints a rule's documentation and flags. Each rule has an enable flag,
-RULE: if any is set true only those rules run, and -RULE=false skips one.
A rule's own options are flags named -RULE.OPTION (for example
-weakkey.minbytes=40); their defaults and help come from the rule.

A finding is suppressed by a comment on its line or the line above,

	//jwtvet:ignore RULE[,RULE...] reason

or for a whole file by //jwtvet:file-ignore RULE reason. The reason is
required. Suppressions are applied by the rules themselves, so they hold
under go vet and golangci-lint as well.

# Flags

	-format text|json|sarif   output format (default text)
	-json                     shorthand for -format=json
	-c N                      text: print the offending line and N lines around it
	-fail RULES               rules whose findings make the exit status 1:
	                          "all" (the default), NAME, -NAME, comma-separated
	-fix                      apply the first suggested fix of each finding
	-diff                     with -fix, print a unified diff instead of writing
	-test                     analyze test files and packages (default true)
	-tags TAGS                build tags
	-C DIR                    run as if started in DIR
	-modules M1,M2            also analyze from source the packages of these
	                          modules that the patterns depend on
	-explain RULE             print a rule's documentation and exit
	-V, -version              print the version and exit
	-h                        print the usage, with every flag, and exit

# What is loaded

The packages the patterns match, and the packages of the main module(s) they
import (plus those of the modules named with -modules), are parsed,
type-checked and analyzed from source, without being compiled and without
running cgo. Every other package, the standard library and the JWT libraries
included, is read from the compiler's export data, as go vet reads it.

# Output

All findings go to stdout; errors and warnings go to stderr. In text output
file names are relative to the directory jwtvet runs in (the -C directory)
when they lie under it, and absolute otherwise; json output has absolute
file names, as go vet -json prints them; sarif names files relative to
%SRCROOT%.

text: one line per finding, "file:line:col: message (rule)", followed by
related positions indented with a tab, and with -c the source lines. On
those lines every string literal and every element of a []byte{...} literal
is shown as ***, except algorithm, claim and header names ("none", "exp"):
the lines around a finding are where keys are written, and jwtvet never
prints a secret.

json: the tree the golang.org/x/tools drivers print for -json,

	{"package": {"rule": [{"posn", "end", "message", "category",
	  "suggested_fixes": [{"message", "edits": [{"filename", "start", "end", "new"}]}],
	  "related": [...]}]}}

or {"error": "..."} in place of the list when a rule failed on a package.
A finding in a file that belongs both to a package and to its test variant is
listed once, under the plain package.

sarif: a SARIF 2.1.0 log with one run. Every rule is listed in
tool.driver.rules (id = rule name, shortDescription and fullDescription from
the rule's documentation, helpUri, properties.tags "security" plus the
rule's CWE ids as "external/cwe/cwe-NNN", and properties."security-severity",
the score GitHub code scanning ranks alerts by). Every result has level
"error": each finding is a security defect that fails the run. The run's one
invocation has executionSuccessful false when a package could not be loaded,
type-checked or analyzed, with one error in toolExecutionNotifications per
error, so that a partial log is never taken for a clean one. Locations are relative to %SRCROOT%, which
originalUriBaseIds maps to the file URI of the directory jwtvet runs in;
columns are in UTF-16 code units (columnKind utf16CodeUnits). Suggested
fixes become fixes[] with artifactChanges and replacements.

# Fixes

-fix applies the first suggested fix of each finding. A fix is applied whole
or not at all; an edit identical to one already applied (say, the same
import added by two fixes) is applied once, and insertions at one point are
all made; a fix that overlaps another is left for the next round. After
writing, -fix analyzes the packages again and applies what is left, until
nothing is (at most 3 rounds; a fix still left over is a warning on
stderr), so one run reaches the fixpoint. Edited Go files are formatted like
goimports (the standard library in a group of its own), generated files
are left alone, and no fix is applied while any package has errors. Only
the findings still in the code at the end are printed, in the chosen
format.

-fix -diff writes nothing: stdout holds a unified diff with a/ and b/
prefixes (git apply takes it as is) and the findings it does not fix are
listed on stderr as text.

# Exit status

	0  no findings from the rules named by -fail; with -fix, every such
	   finding was fixed
	1  findings from the rules named by -fail; with -fix, some of them were
	   left unfixed; with -fix -diff, any (nothing was written)
	2  usage error: unknown flag or rule, bad -format, -diff without -fix,
	   no package patterns; one line on stderr
	3  the packages could not be analyzed: a pattern matched nothing or was
	   invalid, a package failed to load or type-check, or a rule failed;
	   the errors are listed on stderr

The exit status is the same in every output format. Findings from the
rules not named by -fail are printed but do not count.

Under go vet, go vet decides the exit status (1 when there are findings,
0 with -json).
*/
package main
