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
)

var (
	downloadOnce sync.Once
	downloadErr  error
)

// DownloadDeps runs `go mod download` once per process in the fixture
// module, which requires the JWT library the generated module uses, so
// that Load can run with GOPROXY=off.
func DownloadDeps() error {
	downloadOnce.Do(func() {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = fixtureDir()
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
		if out, err := cmd.CombinedOutput(); err != nil {
			downloadErr = fmt.Errorf("go mod download in %s: %v\n%s", cmd.Dir, err, out)
		}
	})
	return downloadErr
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
		// The module cache must already hold the dependencies; a benchmark
		// must not time the network.
		Env: append(os.Environ(), "GOWORK=off", "GOPROXY=off"),
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
	if len(errs) > 0 {
		if len(errs) > 10 {
			errs = append(errs[:10], fmt.Sprintf("... and %d more", len(errs)-10))
		}
		return nil, errors.New(strings.Join(errs, "\n"))
	}
	return pkgs, nil
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
