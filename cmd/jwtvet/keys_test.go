package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/jwtvet/jwtvet/analyzers"
	"github.com/jwtvet/jwtvet/internal/leak"
)

// keysRun runs `jwtvet keys` in process on a module of the repository's
// testdata, from the module cache only.
func keysRun(t *testing.T, dir string, args ...string) outcome {
	t.Helper()
	t.Setenv("GOWORK", "off")
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOFLAGS", "-mod=mod")
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"keys", "-C", dir}, args...), &stdout, &stderr, analyzers.Suite(), analyzers.CWE)
	return outcome{code, stdout.String(), stderr.String()}
}

func demoDir(t *testing.T) string {
	t.Helper()
	demo, err := filepath.Abs(filepath.Join("..", "..", "testdata", "demo"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(demo, "go.mod")); err != nil {
		t.Skipf("no demo module: %v", err)
	}
	return demo
}

func keysJSON(t *testing.T, res outcome) keyInventory {
	t.Helper()
	if res.code != exitClean {
		t.Fatalf("jwtvet keys: exit %d\n%s", res.code, res.stderr)
	}
	var inv keyInventory
	if err := json.Unmarshal([]byte(res.stdout), &inv); err != nil {
		t.Fatalf("jwtvet keys -json: %v\n%s", err, res.stdout)
	}
	return inv
}

func sitePositions(sites []*keySite) []string {
	var out []string
	for _, s := range sites {
		out = append(out, s.Position)
	}
	return out
}

// Every key a reviewer finds by reading the demo, with its origin and
// sites.
func TestKeysDemo(t *testing.T) {
	inv := keysJSON(t, keysRun(t, demoDir(t), "-json", "./..."))
	type want struct {
		origin     []string // substrings of the origin
		source     string
		algs       []string
		sign       []string
		verify     []string
		kinds      []string
		lifetimes  []string
		rotation   string
		selectedBy string
	}
	wants := []want{
		{origin: []string{"environment variable JWT_SECRET", "constant fallback (internal/config/config.go:38)"}, source: "fallback", algs: []string{"HS256"},
			sign:   []string{"cmd/devtoken/main.go:59", "internal/auth/issuer.go:60"},
			verify: []string{"internal/auth/verifier.go:45", "internal/auth/verifier.go:60"}, kinds: []string{"access"}, rotation: "static"},
		{origin: []string{"rsa.GenerateKey", "1024 bits"}, source: "generated", algs: []string{"RS256"}, sign: []string{"cmd/devtoken/main.go:81"}, rotation: "-"},
		{origin: []string{"field config.Config.RefreshKey", "environment variable JWT_REFRESH_SECRET", "internal/config/config.go:45"}, source: "runtime", algs: []string{"HS256"},
			sign:   []string{"internal/auth/issuer.go:75"},
			verify: []string{"internal/auth/issuer.go:94", "internal/handlers/session.go:54", "internal/handlers/session.go:77"}, kinds: []string{"refresh"}, rotation: "static"},
		{origin: []string{"auth.PartnerKeys()"}, source: "runtime", verify: []string{"internal/auth/partner.go:75"}, rotation: "ready", selectedBy: "kid"},
		{origin: []string{"var auth.serviceKey (internal/auth/service.go:7)", "22 bytes"}, source: "literal", algs: []string{"HS256"}, sign: []string{"internal/auth/service.go:13"}, rotation: "-"},
		{origin: []string{"jwt.UnsafeAllowNoneSignatureType"}, source: "none", verify: []string{"internal/auth/verifier.go:40", "internal/auth/verifier.go:60"}, kinds: []string{"access"}, rotation: "static"},
		{origin: []string{"gateway.LoadSigningKey()", "environment variable GATEWAY_KEY_FILE"}, source: "runtime", algs: []string{"ES256"}, sign: []string{"internal/gateway/mint.go:56"}, rotation: "-"},
		{origin: []string{"literal at internal/gateway/mint.go:61", "41 bytes"}, source: "literal", algs: []string{"HS256"}, sign: []string{"internal/gateway/mint.go:61"}, rotation: "-"},
		{origin: []string{"environment variable CALLBACK_SECRET"}, source: "env", algs: []string{"HS256"}, sign: []string{"internal/gateway/mint.go:65"}, verify: []string{"internal/gateway/verify.go:96"}, rotation: "static"},
		{origin: []string{"gateway.LoadPartnerKeys()", "environment variable PARTNER_KEYS_FILE"}, source: "runtime", verify: []string{"internal/gateway/verify.go:74"}, rotation: "ready", selectedBy: "key set"},
		{origin: []string{"var legacy.consoleKey (internal/legacy/console.go:20)", "35 bytes"}, source: "literal", algs: []string{"HS256"},
			sign:   []string{"internal/legacy/console.go:83", "internal/legacy/console.go:93"},
			verify: []string{"internal/handlers/admin.go:45", "internal/legacy/console.go:54", "internal/legacy/console.go:143"},
			kinds:  []string{"access", "refresh"}, lifetimes: []string{"1h", "720h"}, rotation: "static"},
		{origin: []string{"const legacy.exportKey (internal/legacy/console.go:23)", "6 bytes"}, source: "literal", algs: []string{"HS256"}, sign: []string{"internal/legacy/console.go:130"}, lifetimes: []string{"10m"}, rotation: "-"},
		{origin: []string{"parameter key of func legacy.VerifySSO() (internal/legacy/sso.go:32)"}, source: "parameter", verify: []string{"internal/legacy/sso.go:39"}, rotation: "static"},
	}
	if len(inv.Keys) != len(wants) {
		var got []string
		for _, k := range inv.Keys {
			got = append(got, k.Origin)
		}
		t.Errorf("%d keys, want %d:\n%s", len(inv.Keys), len(wants), strings.Join(got, "\n"))
	}
	for i, w := range wants {
		if i >= len(inv.Keys) {
			break
		}
		k := inv.Keys[i]
		if k.Key != i+1 {
			t.Errorf("key %d is numbered %d", i+1, k.Key)
		}
		for _, o := range w.origin {
			if !strings.Contains(k.Origin, o) {
				t.Errorf("key %d: origin %q lacks %q", k.Key, k.Origin, o)
			}
		}
		check := func(what string, got, want []string) {
			if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("key %d (%s): %s = %q, want %q", k.Key, k.Origin, what, got, want)
			}
		}
		if k.Source != w.source {
			t.Errorf("key %d (%s): source %q, want %q", k.Key, k.Origin, k.Source, w.source)
		}
		check("algorithms", k.Algorithms, w.algs)
		check("sign", sitePositions(k.Sign), w.sign)
		check("verify", sitePositions(k.Verify), w.verify)
		check("token kinds", k.TokenKinds, w.kinds)
		check("lifetimes", k.Lifetimes, w.lifetimes)
		if k.Rotation != w.rotation {
			t.Errorf("key %d (%s): rotation %q, want %q", k.Key, k.Origin, k.Rotation, w.rotation)
		}
		if w.selectedBy != "" && (len(k.Verify) == 0 || k.Verify[0].SelectsBy != w.selectedBy) {
			t.Errorf("key %d (%s): verification does not select by %s", k.Key, k.Origin, w.selectedBy)
		}
	}
	// A verification's algorithms come from the parse call's allow-list
	// (jwt.WithValidMethods), also for a keyfunc passed by name.
	algs := make(map[string]string)
	for _, k := range inv.Keys {
		for _, s := range k.Verify {
			algs[s.Position] = s.Alg
		}
	}
	for site, want := range map[string]string{
		"internal/handlers/session.go:77": "HS256",
		"internal/handlers/admin.go:45":   "HS256",
		"internal/gateway/verify.go:96":   "",
	} {
		if algs[site] != want {
			t.Errorf("verify site %s: algorithm %q, want %q", site, algs[site], want)
		}
	}
}

// Rotation readiness on fixtures that pick keys by kid (a keyfunc over a
// map, echo-jwt's KeyFunc) or verify with one static key.
func TestKeysRotation(t *testing.T) {
	testdata, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	inv := keysJSON(t, keysRun(t, testdata, "-json", "./unverified/v5/keys", "./unverified/echojwt", "./unverified/jwxv2"))
	rotation := make(map[string]string)
	for _, k := range inv.Keys {
		rotation[k.Origin] = k.Rotation
	}
	for origin, want := range map[string]string{
		"an element of field keys.JWKS.keys (unverified/v5/keys/keys.go:32)":         "ready",
		"an element of var echojwt.keys (unverified/echojwt/server.go:16)":           "ready",
		"parameter secret of func keys.PinnedHMAC() (unverified/v5/keys/keys.go:19)": "static",
		// One key per issuer, picked by the unverified iss: still one
		// static key per partner.
		"an element of parameter keys of func jwxv2.verified() (unverified/jwxv2/gateway.go:42)": "static",
		"parameter set of func jwxv2.owner() (unverified/jwxv2/gateway.go:36)":                   "ready",
	} {
		if got, ok := rotation[origin]; !ok || got != want {
			t.Errorf("%s: rotation %q (listed: %v), want %q", origin, got, ok, want)
		}
	}
}

// The JSON output matches its documented schema (docs/keys.schema.json).
func TestKeysJSONSchema(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "docs", "keys.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("keys.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("keys.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	res := keysRun(t, demoDir(t), "-json", "-test", "./...")
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(res.stdout))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Errorf("jwtvet keys -json does not match docs/keys.schema.json: %v", err)
	}
	// Not vacuous: a key without its sites is refused.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"keys":[{"key":1,"origin":"x","source":"env"}]}`))
	if schema.Validate(bad) == nil {
		t.Error("the schema accepts a key without sites")
	}
}

// The markdown review document has the summary table and one section per
// key, with the sites.
func TestKeysMarkdown(t *testing.T) {
	demo := demoDir(t)
	inv := keysJSON(t, keysRun(t, demo, "-json", "./..."))
	res := keysRun(t, demo, "-format=markdown", "./...")
	if res.code != exitClean {
		t.Fatalf("exit %d\n%s", res.code, res.stderr)
	}
	md := res.stdout
	if !strings.HasPrefix(md, "# JWT keys\n") || !strings.Contains(md, "| Key | Origin | Algorithms | Tokens | Lifetime | Rotation | Sign | Verify |") {
		t.Errorf("no title or summary table:\n%s", md)
	}
	if n := strings.Count(md, "\n## Key "); n != len(inv.Keys) {
		t.Errorf("%d key sections, want %d", n, len(inv.Keys))
	}
	for _, k := range inv.Keys {
		for _, s := range append(slices.Clone(k.Sign), k.Verify...) {
			if !strings.Contains(md, "`"+s.Position+"`") {
				t.Errorf("markdown lacks site %s of key %d", s.Position, k.Key)
			}
		}
	}
}

// No format prints a secret value of the demo (testdata/demo/secrets.txt),
// test files included.
func TestKeysNoSecrets(t *testing.T) {
	demo := demoDir(t)
	secrets, err := leak.ReadSecrets(demo)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{}, {"-json"}, {"-format=markdown"}, {"-test"}, {"-test", "-json"}, {"-test", "-format=markdown"}} {
		res := keysRun(t, demo, append(args, "./...")...)
		if res.code != exitClean {
			t.Errorf("jwtvet keys %s: exit %d\n%s", strings.Join(args, " "), res.code, res.stderr)
		}
		if leaks := leak.Find(res.stdout+res.stderr, secrets); len(leaks) > 0 {
			t.Errorf("jwtvet keys %s prints secret values:\n%s", strings.Join(args, " "), strings.Join(leaks, "\n"))
		}
		if !strings.Contains(res.stdout, "consoleKey") {
			t.Errorf("jwtvet keys %s: no keys listed\n%s", strings.Join(args, " "), res.stdout)
		}
	}
	// -test adds the test files' keys, whose values are in secrets.txt:
	// the check above saw them.
	plain := keysRun(t, demo, "-json", "./...")
	withTests := keysRun(t, demo, "-json", "-test", "./...")
	if len(withTests.stdout) <= len(plain.stdout) {
		t.Errorf("-test lists no more than without it")
	}
}

func TestKeysUsage(t *testing.T) {
	res := jwtvet(t, "keys", "-h")
	if res.code != exitClean {
		t.Fatalf("keys -h: exit %d", res.code)
	}
	for _, s := range []string{"Usage: jwtvet keys", "go vet", "golangci-lint", "-json", "markdown", "-C", "-tags", "-test", "-modules", "ready", "static"} {
		if !strings.Contains(res.stdout, s) {
			t.Errorf("keys -h does not mention %q:\n%s", s, res.stdout)
		}
	}
	if help := jwtvet(t, "help"); !strings.Contains(help.stdout, "  keys ") {
		t.Errorf("jwtvet help does not list keys:\n%s", help.stdout)
	}
	if help := jwtvet(t, "help", "keys"); !strings.Contains(help.stdout, "Usage: jwtvet keys") {
		t.Errorf("jwtvet help keys does not explain it:\n%s", help.stdout)
	}
	for _, args := range [][]string{{"keys"}, {"keys", "-format=sarif", "./..."}, {"keys", "-json", "-format=text", "./..."}, {"keys", "-nosuch", "./..."}} {
		if res := jwtvet(t, args...); res.code != exitUsage {
			t.Errorf("jwtvet %s: exit %d, want %d", strings.Join(args, " "), res.code, exitUsage)
		}
	}
}

// The README shows the real output of jwtvet keys on the demo.
func TestKeysReadme(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const intro = "On the demo (`go run ./cmd/jwtvet keys -C testdata/demo ./...`):\n\n```\n"
	_, rest, ok := strings.Cut(string(data), intro)
	if !ok {
		t.Fatal("README.md has no jwtvet keys example on the demo")
	}
	shown, _, ok := strings.Cut(rest, "```\n")
	if !ok {
		t.Fatal("README.md: unterminated jwtvet keys example")
	}
	res := keysRun(t, demoDir(t), "./...")
	if res.code != exitClean {
		t.Fatalf("exit %d\n%s", res.code, res.stderr)
	}
	if shown != res.stdout {
		t.Errorf("README.md's jwtvet keys example is out of date; the command prints:\n%s", res.stdout)
	}
}
