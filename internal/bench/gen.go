// Package bench measures the jwtvet suite on a generated web application
// against the cost of the analysis driver itself (see bench_test.go).
//
// Generate writes the application: a module of n packages laid out as a
// layered service (config, key getters, shared token helpers, then one
// model/store/service/auth/api slice per business domain, background jobs
// and a main that wires it all). About one package in five uses
// github.com/golang-jwt/jwt/v5 in the shapes web applications use it; the
// rest use net/http, encoding/json, database/sql, strings and time. Services
// call the services of earlier domains, so facts exported for one package
// are needed by packages several layers above it.
package bench

import (
	"bufio"
	"bytes"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"text/template"
)

// ModulePath is the module path of the generated application.
const ModulePath = "jwtvet.test/benchapp"

// jwtModule and jwtVersion are the library the generated module requires.
const (
	jwtModule  = "github.com/golang-jwt/jwt/v5"
	jwtVersion = "v5.3.1"
)

// MinPackages is the smallest n Generate accepts: the shared packages plus
// one business domain.
var MinPackages = len(corePackages) + domainSize

// corePackages are generated once, whatever n is.
var corePackages = []string{
	"internal/config",
	"internal/secrets",
	"internal/platform/db",
	"internal/platform/httpx",
	"pkg/tokens",
	"pkg/strutil",
	"pkg/timeutil",
	"cmd/server",
}

// domainSize is the number of packages of one business domain.
const domainSize = 5

// Auth variants: how a domain's auth package gets its keys and checks
// tokens. Most are careful; a few carry the mistakes real code carries.
const (
	authEnvGetter = iota // HMAC key from a getter in internal/secrets
	authStruct           // an Authenticator built from an options struct
	authRSA              // RS256 with PEM keys from the environment
	authShared           // the shared parser and keyfunc of pkg/tokens
	authRefresh          // refresh tokens on top of an earlier domain's auth
	authFallback         // HMAC key from the environment or a constant
	authMapClaims        // MapClaims without exp, an unverified peek helper
	authConstant         // an HMAC key written in the source
	numAuthVariants
)

// authWeights: relative frequency of each variant, in variant order.
var authWeights = [numAuthVariants]int{25, 20, 15, 15, 13, 6, 6, 3}

var nouns = []string{
	"account", "invoice", "order", "payment", "profile", "report", "session",
	"shipment", "ticket", "webhook", "inventory", "audit", "coupon", "review",
	"catalog", "team", "project", "comment", "upload", "device", "address",
	"refund", "plan", "quota", "message", "channel", "tenant", "contract",
	"supplier", "asset", "booking", "survey", "lead", "campaign", "policy",
	"claim", "course", "lesson", "badge", "wallet",
}

var extraFields = []string{
	"Currency string `json:\"currency\"`",
	"Notes string `json:\"notes,omitempty\"`",
	"Priority int `json:\"priority\"`",
	"Tags []string `json:\"tags,omitempty\"`",
	"DueAt *time.Time `json:\"due_at,omitempty\"`",
	"Metadata map[string]string `json:\"metadata,omitempty\"`",
}

// domain is one business area of the generated application.
type domain struct {
	Module    string
	Name      string // import path element and route prefix
	Type      string // model type name
	Table     string
	Variant   int
	HMACAlg   string   // HS256, HS384 or HS512 for the HMAC variants
	KeyEnv    string   // per-domain key variable (FromEnv, fallback)
	Extras    []string // extra model fields
	Deps      []*domain
	PrevAuth  *domain // the earlier domain whose tokens authRefresh refreshes
	WithTests bool
}

// Alias is the import name other packages give this domain's packages.
func (d *domain) Alias(kind string) string { return d.Name + kind }

// Path is the import path of one of the domain's packages.
func (d *domain) Path(kind string) string {
	return d.Module + "/domains/" + d.Name + "/" + kind
}

// job is a background task over one domain's service.
type job struct {
	Module string
	Name   string
	Target *domain
}

// plan is the whole generated application.
type plan struct {
	Module  string
	Domains []*domain
	Jobs    []*job
}

// splitmix64: a fixed generator keeps the output identical for a given n
// on every Go release.
type splitmix64 uint64

func (s *splitmix64) next() uint64 {
	*s += 0x9e3779b97f4a7c15
	z := uint64(*s)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (s *splitmix64) intn(n int) int { return int(s.next() % uint64(n)) }

func newPlan(n int) (*plan, error) {
	if n < MinPackages {
		return nil, fmt.Errorf("bench: %d packages requested, at least %d needed", n, MinPackages)
	}
	p := &plan{Module: ModulePath}
	rng := splitmix64(1)
	numDomains := (n - len(corePackages)) / domainSize
	for i := range numDomains {
		noun := nouns[i%len(nouns)]
		name := noun
		if round := i / len(nouns); round > 0 {
			name = fmt.Sprintf("%s%d", noun, round+1)
		}
		d := &domain{
			Module:    p.Module,
			Name:      name,
			Type:      strings.ToUpper(noun[:1]) + noun[1:],
			Table:     name + "s",
			HMACAlg:   []string{"HS256", "HS384", "HS512"}[rng.intn(3)],
			KeyEnv:    strings.ToUpper(name) + "_JWT_KEY",
			WithTests: rng.intn(2) == 0,
		}
		d.Variant = pickVariant(&rng)
		for _, f := range extraFields {
			if rng.intn(3) == 0 {
				d.Extras = append(d.Extras, f)
			}
		}
		// Up to three earlier domains, biased towards recent ones so the
		// dependency chains get deep.
		if i > 0 {
			seen := map[int]bool{}
			for range rng.intn(4) {
				j := i - 1 - rng.intn(min(i, 8))
				if !seen[j] {
					seen[j] = true
					d.Deps = append(d.Deps, p.Domains[j])
				}
			}
		}
		if d.Variant == authRefresh {
			if i == 0 {
				d.Variant = authEnvGetter
			} else {
				d.PrevAuth = p.Domains[rng.intn(i)]
			}
		}
		p.Domains = append(p.Domains, d)
	}
	for i := range n - len(corePackages) - numDomains*domainSize {
		p.Jobs = append(p.Jobs, &job{
			Module: p.Module,
			Name:   fmt.Sprintf("job%02d", i+1),
			Target: p.Domains[(i*7)%numDomains],
		})
	}
	return p, nil
}

func pickVariant(rng *splitmix64) int {
	total := 0
	for _, w := range authWeights {
		total += w
	}
	r := rng.intn(total)
	for v, w := range authWeights {
		if r < w {
			return v
		}
		r -= w
	}
	return authEnvGetter
}

// packagePaths lists the import paths of the plan's packages, in
// generation order.
func (p *plan) packagePaths() []string {
	var paths []string
	for _, c := range corePackages {
		paths = append(paths, p.Module+"/"+c)
	}
	for _, d := range p.Domains {
		for _, kind := range domainKinds {
			paths = append(paths, d.Path(kind))
		}
	}
	for _, j := range p.Jobs {
		paths = append(paths, p.Module+"/internal/jobs/"+j.Name)
	}
	return paths
}

// jwtPackagePaths lists the import paths of the packages that import the
// JWT library.
func (p *plan) jwtPackagePaths() []string {
	paths := []string{p.Module + "/internal/secrets", p.Module + "/pkg/tokens"}
	for _, d := range p.Domains {
		paths = append(paths, d.Path("auth"))
	}
	return paths
}

var domainKinds = []string{"model", "store", "service", "auth", "api"}

// Generate writes a module of n packages into dir (created if needed). The
// output depends on n alone. The module requires golang-jwt v5 with go.sum
// lines taken from the repository's fixture module; the library must be in
// the module cache before the module is loaded (see downloadDeps).
func Generate(dir string, n int) error {
	p, err := newPlan(n)
	if err != nil {
		return err
	}
	return p.write(dir)
}

// write writes the module p describes into dir.
func (p *plan) write(dir string) error {
	sum, err := jwtSumLines()
	if err != nil {
		return err
	}
	w := &writer{root: dir}
	w.raw("go.mod", fmt.Sprintf("module %s\n\ngo 1.26.0\n\nrequire %s %s\n", p.Module, jwtModule, jwtVersion))
	w.raw("go.sum", sum)
	w.gofile("internal/config/config.go", tmplConfig, p)
	w.gofile("internal/secrets/secrets.go", tmplSecrets, p)
	w.gofile("internal/platform/db/db.go", tmplDB, p)
	w.gofile("internal/platform/httpx/httpx.go", tmplHTTPX, p)
	w.gofile("pkg/tokens/tokens.go", tmplTokens, p)
	w.gofile("pkg/tokens/tokens_test.go", tmplTokensTest, p)
	w.gofile("pkg/strutil/strutil.go", tmplStrutil, p)
	w.gofile("pkg/timeutil/timeutil.go", tmplTimeutil, p)
	w.gofile("cmd/server/main.go", tmplMain, p)
	for _, d := range p.Domains {
		base := "domains/" + d.Name + "/"
		w.gofile(base+"model/model.go", tmplModel, d)
		if d.WithTests {
			w.gofile(base+"model/model_test.go", tmplModelTest, d)
		}
		w.gofile(base+"store/store.go", tmplStore, d)
		w.gofile(base+"service/service.go", tmplService, d)
		w.gofile(base+"auth/auth.go", authTemplates[d.Variant], d)
		w.gofile(base+"auth/middleware.go", tmplMiddleware, d)
		if d.WithTests || d.Variant == authStruct {
			w.gofile(base+"auth/auth_test.go", tmplAuthTest, d)
		}
		w.gofile(base+"api/api.go", tmplAPI, d)
	}
	for _, j := range p.Jobs {
		w.gofile("internal/jobs/"+j.Name+"/"+j.Name+".go", tmplJob, j)
	}
	return w.err
}

// jwtSumLines returns the go.sum lines of the JWT library from the fixture
// module's go.sum.
func jwtSumLines() (string, error) {
	path := filepath.Join(fixtureDir(), "go.sum")
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var out strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), jwtModule+" "+jwtVersion+" ") ||
			strings.HasPrefix(sc.Text(), jwtModule+" "+jwtVersion+"/go.mod ") {
			out.WriteString(sc.Text() + "\n")
		}
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	if strings.Count(out.String(), "\n") != 2 {
		return "", fmt.Errorf("%s: want the h1 and go.mod lines of %s %s", path, jwtModule, jwtVersion)
	}
	return out.String(), nil
}

// fixtureDir is the repository's fixture module (testdata/), which
// requires the JWT libraries the generated module uses.
func fixtureDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
}

// writer keeps the first error, so Generate reads as a list of files.
type writer struct {
	root string
	err  error
}

func (w *writer) raw(rel, content string) {
	if w.err != nil {
		return
	}
	path := filepath.Join(w.root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		w.err = err
		return
	}
	w.err = os.WriteFile(path, []byte(content), 0o644)
}

// gofile executes t with data and writes the gofmt-ed result, so that a
// template producing invalid Go fails here rather than at load time.
func (w *writer) gofile(rel string, t *template.Template, data any) {
	if w.err != nil {
		return
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		w.err = fmt.Errorf("%s: %v", rel, err)
		return
	}
	src, err := format.Source(buf.Bytes())
	if err != nil {
		w.err = fmt.Errorf("%s: %v\n%s", rel, err, buf.Bytes())
		return
	}
	w.raw(rel, string(src))
}
