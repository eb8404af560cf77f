package bench

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/jwtvet/jwtvet/internal/engine"
)

var (
	downloadOnce, serviceDownloadOnce sync.Once
	downloadErr, serviceDownloadErr   error
)

// DownloadDeps runs `go mod download` once per process in the fixture
// module, which requires the JWT library the layered module uses, so that
// Load can run with GOPROXY=off.
func DownloadDeps() error {
	downloadOnce.Do(func() { downloadErr = modDownload(fixtureDir()) })
	return downloadErr
}

// DownloadServiceDeps runs `go mod download` once per process in
// testdata/service, whose go.mod and go.sum the service module copies: it
// fetches the third-party modules the service requires.
func DownloadServiceDeps() error {
	serviceDownloadOnce.Do(func() { serviceDownloadErr = modDownload(serviceFixtureDir()) })
	return serviceDownloadErr
}

func modDownload(dir string) error {
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go mod download in %s: %v\n%s", cmd.Dir, err, out)
	}
	return nil
}

// offlineEnv is the go command's environment for every load: the module
// cache must already hold the dependencies, and a benchmark must not time
// the network.
func offlineEnv() []string {
	return append(os.Environ(), "GOWORK=off", "GOPROXY=off")
}

// Load loads every package of the module in dir, with its tests, the way
// the standalone jwtvet command does: mode is packages.LoadAllSyntax for a
// suite that uses facts (multichecker drops to packages.LoadSyntax when no
// analyzer declares a fact type). Any package or module error fails the
// load: timings of a half-loaded program are worthless.
func Load(dir string, mode packages.LoadMode) ([]*packages.Package, error) {
	cfg := &packages.Config{
		Mode:  mode | packages.NeedModule,
		Dir:   dir,
		Tests: true,
		Env:   offlineEnv(),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		return nil, err
	}
	var errs []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			errs = append(errs, e.Error())
		}
		if p.Module != nil && p.Module.Error != nil {
			errs = append(errs, p.Module.Error.Err)
		}
	})
	if err := joinErrors(errs); err != nil {
		return nil, err
	}
	return pkgs, nil
}

func joinErrors(errs []string) error {
	if len(errs) == 0 {
		return nil
	}
	if len(errs) > 10 {
		errs = append(errs[:10], fmt.Sprintf("... and %d more", len(errs)-10))
	}
	return errors.New(strings.Join(errs, "\n"))
}

// Analyze runs analyzers over pkgs with the checker the standalone command
// uses and returns the graph and the number of diagnostics on the initial
// packages. An analyzer error on any package is an error.
func Analyze(analyzers []*analysis.Analyzer, pkgs []*packages.Package) (*checker.Graph, int, error) {
	graph, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		return nil, 0, err
	}
	diagnostics := 0
	for act := range graph.All() {
		if act.Err != nil {
			return nil, 0, fmt.Errorf("%s: %v", act, act.Err)
		}
		if act.IsRoot {
			diagnostics += len(act.Diagnostics)
		}
	}
	return graph, diagnostics, nil
}

// LoadEngine lists every package of the module in dir, with its tests,
// the way the jwtvet command does (engine.Load: go list only; nothing is
// parsed or type-checked yet).
func LoadEngine(dir string) (*engine.Program, error) {
	return engine.Load(&engine.Config{Dir: dir, Env: offlineEnv(), Tests: true}, "./...")
}

// AnalyzeEngine runs analyzers over prog with the engine, as the jwtvet
// command does, and returns the number of diagnostics on the root
// packages. Any load error, broken package or analyzer error is an error.
func AnalyzeEngine(analyzers []*analysis.Analyzer, prog *engine.Program) (int, error) {
	results, loadErrs := engine.Analyze(prog, analyzers, nil)
	var errs []string
	for _, e := range loadErrs {
		errs = append(errs, e.Package.ID+": "+e.Err.Error())
	}
	diagnostics := 0
	for _, r := range results {
		if r.Broken {
			errs = append(errs, r.Package.ID+": not analyzed")
		}
		for a, err := range r.Errors {
			errs = append(errs, fmt.Sprintf("%s: %s: %v", r.Package.ID, a.Name, err))
		}
		for _, ds := range r.Diagnostics {
			diagnostics += len(ds)
		}
	}
	return diagnostics, joinErrors(errs)
}
