// The whole-suite benchmarks: what the jwtvet command costs, against the
// cost of analysis drivers that do nothing, on two generated modules.
//
// Run them from the repository root with
//
//	go test ./internal/bench -run '^$' -bench . -benchtime=1x -count=3 -timeout=0
//
// -shape=layered or -shape=service runs one module shape only (default:
// both, as sub-benchmarks shape=NAME, which benchstat reads as a
// configuration key):
//
//   - layered: a generated 500-package web application (-pkgs=N changes
//     the size) whose only dependency outside the standard library is
//     golang-jwt; one package in five uses it (gen.go).
//   - service: a generated 97-package backend on real third-party modules
//     (gin, gorm with pgx, AWS SDK v2, go-redis, zap, viper, casbin,
//     Prometheus, OpenTelemetry over gRPC, gin-swagger): 938 packages with
//     dependencies and test variants, about 10 of the 97 using golang-jwt
//     (service.go). The versions are pinned in testdata/service.
//
// Modules are downloaded and generated before any timer starts; every
// load runs the go command with GOPROXY=off. The first run on a machine
// is slow: the warm-up load compiles every dependency for its export data
// (the service's, under a loaded 2-core machine, took 4 CPU-minutes).
//
// The benchmarks:
//
//   - BenchmarkSuite: engine.Load plus engine.Analyze with
//     analyzers.Suite(), which is what the jwtvet command runs.
//   - BenchmarkEngineFactFloor: the same engine with one no-op analyzer
//     that declares a fact type: the engine's own cost, without the
//     suite's.
//   - BenchmarkNoFacts, the no-fact floor: x/tools' checker with one no-op
//     analyzer that declares no fact type, loaded as multichecker loads it
//     (packages.LoadSyntax: syntax for the module's packages, export data
//     for the rest). The target: jwtvet within 1.5 times its time
//     and 2 times its memory on the service shape.
//   - BenchmarkFactFloor, the fact floor: x/tools' checker with the no-op
//     analyzer that declares a fact type (packages.LoadAllSyntax), so it
//     parses and type-checks every dependency from source and runs on
//     every package: what any fact-using suite costs under that driver.
//
// The engine benchmarks have one sub-benchmark, load+analyze: engine.Load
// only runs go list; parsing and type-checking happen inside
// engine.Analyze, package by package, interleaved with the analysis, so
// there is no load to take out of the timer and load+analyze is the number
// to compare. The checker benchmarks have two:
//
//   - load+analyze times packages.Load (go list, parsing, type-checking)
//     plus checker.Analyze: one run of a multichecker command.
//   - analyze loads once outside the timer and times checker.Analyze
//     alone.
//
// Besides ns/op, B/op and allocs/op each sub-benchmark reports:
//
//   - peak-RSS-MiB: the largest resident-set high-water mark of one
//     iteration (VmHWM, reset through /proc/self/clear_refs after a forced
//     GC and scavenge before each iteration, so that an iteration does not
//     pay for the previous one's garbage and stands for one run of the
//     command; Linux only). For analyze it includes the preloaded packages,
//     which a real run holds too. It counts this process only, not the go
//     list child of each load (go list -export for the engine and for
//     LoadSyntax, which is often the larger of the two).
//   - cpu-ms/op: user+system CPU time of the process and of its go list
//     children, per operation. On a shared machine wall time swings with
//     the other load; CPU time much less.
//   - diagnostics: the number of diagnostics on the module's packages, a
//     sign that the analyzers did their work. A package's test variant
//     counts its findings again: 15 on the service shape, where the
//     command, which reports each finding once, prints 8.
//
// For whole processes, go list included, process.sh builds the jwtvet
// command and the two floor commands (internal/bench/floors: multichecker
// with each no-op analyzer), generates the modules (go test -args -out
// DIR) and runs each command three times on each module under GNU time,
// printing wall time and peak RSS (GNU time reports the largest of the
// command and its go list child) with their medians:
//
//	sh internal/bench/process.sh [service] [layered]
//
// TestServiceModule (opt-in: -service-test) checks that the service module
// analyzes without errors and that the suite finds exactly its planted
// mistakes.
package bench

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/jwtvet/jwtvet/analyzers"
	"github.com/jwtvet/jwtvet/internal/bench/floors"
)

var (
	numPackages = flag.Int("pkgs", 500, "number of packages of the layered module")
	shapeFlag   = flag.String("shape", "layered,service", "comma-separated module `shapes` to benchmark: layered, service")
	outDir      = flag.String("out", "", "generate the modules of -shape into `dir`/SHAPE, download their dependencies, and exit without running tests")
)

// A shape is one kind of generated module.
type shape struct {
	name     string
	download func() error
	generate func(dir string) error

	once sync.Once
	dir  string
	err  error
}

var shapeList = []*shape{
	{
		name:     "layered",
		download: DownloadDeps,
		generate: func(dir string) error { return Generate(dir, *numPackages) },
	},
	{
		name:     "service",
		download: DownloadServiceDeps,
		generate: GenerateService,
	},
}

// selectedShapes returns the shapes -shape names, in a fixed order.
func selectedShapes() ([]*shape, error) {
	var out []*shape
	names := strings.Split(*shapeFlag, ",")
	for _, name := range names {
		i := slices.IndexFunc(shapeList, func(s *shape) bool { return s.name == strings.TrimSpace(name) })
		if i < 0 {
			return nil, fmt.Errorf("-shape: unknown shape %q (want layered or service)", name)
		}
		if !slices.Contains(out, shapeList[i]) {
			out = append(out, shapeList[i])
		}
	}
	return out, nil
}

// moduleDir is the fixed directory of a shape's module. The build cache
// keys compiled packages by directory, so a fixed path keeps the cache
// warm from one run to the next. (Two benchmark processes of the same
// shape and size must not run at once.)
func (s *shape) moduleDir() string {
	if s.name == "layered" {
		return filepath.Join(os.TempDir(), fmt.Sprintf("jwtvet-bench-%d", *numPackages))
	}
	return filepath.Join(os.TempDir(), "jwtvet-bench-"+s.name)
}

func TestMain(m *testing.M) {
	flag.Parse()
	if *outDir != "" {
		os.Exit(writeModules(*outDir))
	}
	code := m.Run()
	for _, s := range shapeList {
		if s.dir != "" {
			os.RemoveAll(s.dir)
		}
	}
	os.Exit(code)
}

// writeModules implements -out.
func writeModules(out string) int {
	shapes, err := selectedShapes()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	for _, s := range shapes {
		dir := filepath.Join(out, s.name)
		if err := s.download(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		if err := os.RemoveAll(dir); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		if err := s.generate(dir); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Println(dir)
	}
	return 0
}

// module generates the shape's module once per process, outside any
// timer, after downloading its dependencies.
func (s *shape) module(tb testing.TB) string {
	s.once.Do(func() {
		if s.err = s.download(); s.err != nil {
			return
		}
		s.dir = s.moduleDir()
		if s.err = os.RemoveAll(s.dir); s.err != nil {
			return
		}
		start := time.Now()
		s.err = s.generate(s.dir)
		tb.Logf("generated the %s module in %s in %s", s.name, s.dir, time.Since(start).Round(time.Millisecond))
	})
	if s.err != nil {
		tb.Fatal(s.err)
	}
	return s.dir
}

// forEachShape runs bench as a sub-benchmark "shape=NAME" for each shape
// -shape selects; benchstat reads the name as a configuration key.
func forEachShape(b *testing.B, bench func(b *testing.B, dir string)) {
	shapes, err := selectedShapes()
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range shapes {
		b.Run("shape="+s.name, func(b *testing.B) { bench(b, s.module(b)) })
	}
}

// BenchmarkSuite is what the jwtvet command costs: engine.Load, then
// engine.Analyze with the whole suite.
func BenchmarkSuite(b *testing.B) {
	forEachShape(b, func(b *testing.B, dir string) { benchEngine(b, dir, analyzers.Suite()) })
}

// BenchmarkEngineFactFloor is the engine with the no-op analyzer that
// declares a fact type: the engine's own cost, without the suite's.
func BenchmarkEngineFactFloor(b *testing.B) {
	forEachShape(b, func(b *testing.B, dir string) {
		benchEngine(b, dir, []*analysis.Analyzer{floors.FactFloor})
	})
}

// BenchmarkFactFloor is x/tools' checker with the no-op analyzer that
// declares a fact type (packages.LoadAllSyntax): every dependency from
// source.
func BenchmarkFactFloor(b *testing.B) {
	forEachShape(b, func(b *testing.B, dir string) {
		benchDriver(b, dir, []*analysis.Analyzer{floors.FactFloor}, packages.LoadAllSyntax)
	})
}

// BenchmarkNoFacts is x/tools' checker with the no-op analyzer without
// facts, loaded the way multichecker loads it (packages.LoadSyntax).
func BenchmarkNoFacts(b *testing.B) {
	forEachShape(b, func(b *testing.B, dir string) {
		benchDriver(b, dir, []*analysis.Analyzer{floors.NoFacts}, packages.LoadSyntax)
	})
}

// benchEngine times engine.Load plus engine.Analyze. A first load and
// analysis outside the timer warms the build cache (go list -export
// compiles every dependency for its export data) and checks that the
// module analyzes without errors.
func benchEngine(b *testing.B, dir string, suite []*analysis.Analyzer) {
	prog, err := LoadEngine(dir)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := AnalyzeEngine(suite, prog); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d packages, %d from source, %d roots", len(prog.Packages), prog.SourceCount(), len(prog.Roots))
	prog = nil

	b.Run("load+analyze", func(b *testing.B) {
		b.ReportAllocs()
		m := meter{b: b}
		diagnostics := 0
		for b.Loop() {
			m.start()
			prog, err := LoadEngine(dir)
			if err != nil {
				b.Fatal(err)
			}
			if diagnostics, err = AnalyzeEngine(suite, prog); err != nil {
				b.Fatal(err)
			}
			m.stop()
		}
		m.report(diagnostics)
	})
}

func benchDriver(b *testing.B, dir string, suite []*analysis.Analyzer, mode packages.LoadMode) {
	// The first load also warms the build cache (LoadSyntax compiles the
	// module for its export data), so that every timed load is warm: the
	// floors are measured warm too.
	pkgs, err := Load(dir, mode)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("analyze", func(b *testing.B) {
		b.ReportAllocs()
		m := meter{b: b}
		diagnostics := 0
		for b.Loop() {
			m.start()
			var err error
			if _, diagnostics, err = Analyze(suite, pkgs); err != nil {
				b.Fatal(err)
			}
			m.stop()
		}
		m.report(diagnostics)
	})
	// Dropped so that they do not count in the next peak.
	pkgs = nil

	b.Run("load+analyze", func(b *testing.B) {
		b.ReportAllocs()
		m := meter{b: b}
		diagnostics := 0
		for b.Loop() {
			m.start()
			pkgs, err := Load(dir, mode)
			if err != nil {
				b.Fatal(err)
			}
			if _, diagnostics, err = Analyze(suite, pkgs); err != nil {
				b.Fatal(err)
			}
			m.stop()
		}
		m.report(diagnostics)
	})
}

// meter measures each iteration of a sub-benchmark as if it were a run of
// its own: it starts from a collected heap, and its peak resident set and
// CPU time are its own. The bookkeeping runs with the timer stopped.
type meter struct {
	b       *testing.B
	rssOK   bool
	peakKB  int64
	cpuOK   bool
	cpuFrom time.Duration
	cpu     time.Duration
}

// start collects the previous iteration's garbage and returns it to the
// OS, resets the kernel's resident-set high-water mark to the current
// resident set, and notes the CPU time used so far.
func (m *meter) start() {
	m.b.StopTimer()
	runtime.GC()
	debug.FreeOSMemory()
	m.rssOK = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
	m.cpuFrom, m.cpuOK = cpuTime()
	m.b.StartTimer()
}

func (m *meter) stop() {
	m.b.StopTimer()
	if cpu, ok := cpuTime(); ok && m.cpuOK {
		m.cpu += cpu - m.cpuFrom
	} else {
		m.cpuOK = false
	}
	if kb, ok := procStatusKB("VmHWM"); ok && m.rssOK {
		m.peakKB = max(m.peakKB, kb)
	} else {
		m.rssOK = false
	}
	m.b.StartTimer()
}

func (m *meter) report(diagnostics int) {
	if m.cpuOK && m.b.N > 0 {
		m.b.ReportMetric(float64(m.cpu)/float64(time.Millisecond)/float64(m.b.N), "cpu-ms/op")
	}
	if m.rssOK {
		m.b.ReportMetric(float64(m.peakKB)/1024, "peak-RSS-MiB")
	}
	m.b.ReportMetric(float64(diagnostics), "diagnostics")
}

// procStatusKB reads a "Name: N kB" line of /proc/self/status.
func procStatusKB(name string) (int64, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), name+":")
		if !ok {
			continue
		}
		kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
		return kb, err == nil
	}
	return 0, false
}

// TestGeneratedModule checks, through the benchmarks' own load and analyze
// path, that a small generated module loads without errors and type-checks,
// so that the generator cannot rot between benchmark runs. The module has
// one domain per auth variant, each with its tests, so every template is
// type-checked. It says nothing about the analyzers' findings.
func TestGeneratedModule(t *testing.T) {
	start := time.Now()
	if err := DownloadDeps(); err != nil {
		t.Fatal(err)
	}
	// Generation is deterministic.
	a, b := t.TempDir(), t.TempDir()
	if err := Generate(a, 20); err != nil {
		t.Fatal(err)
	}
	if err := Generate(b, 20); err != nil {
		t.Fatal(err)
	}
	if !maps.EqualFunc(readTree(t, a), readTree(t, b), bytes.Equal) {
		t.Error("two generations of the same size differ")
	}

	n := len(corePackages) + numAuthVariants*domainSize
	p, err := newPlan(n)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range p.Domains {
		d.Variant = i
		d.WithTests = true
		d.PrevAuth = nil
		if d.Variant == authRefresh {
			d.PrevAuth = p.Domains[0]
		}
	}
	dir := t.TempDir()
	if err := p.write(dir); err != nil {
		t.Fatal(err)
	}

	pkgs, err := Load(dir, packages.LoadAllSyntax)
	if err != nil {
		t.Fatalf("loading the generated module: %v", err)
	}

	var loaded, usesJWT []string
	for _, pkg := range pkgs {
		if pkg.Types == nil || pkg.TypesInfo == nil || pkg.IllTyped || len(pkg.Syntax) == 0 {
			t.Errorf("%s: not type-checked from source", pkg.ID)
		}
		if pkg.ID != pkg.PkgPath || strings.HasSuffix(pkg.PkgPath, ".test") {
			continue // a test variant
		}
		loaded = append(loaded, pkg.PkgPath)
		if pkg.Imports[jwtModule] != nil {
			usesJWT = append(usesJWT, pkg.PkgPath)
		}
	}
	if want := sorted(p.packagePaths()); !slices.Equal(sorted(loaded), want) || len(want) != n {
		t.Errorf("loaded packages %v\nwant %d: %v", sorted(loaded), n, want)
	}
	if want := sorted(p.jwtPackagePaths()); !slices.Equal(sorted(usesJWT), want) {
		t.Errorf("packages importing %s: %v\nwant %v", jwtModule, sorted(usesJWT), want)
	}

	if _, _, err := Analyze(analyzers.Suite(), pkgs); err != nil {
		t.Errorf("suite: %v", err)
	}
	// The baseline must really run on the whole dependency graph.
	graph, _, err := Analyze([]*analysis.Analyzer{floors.FactFloor}, pkgs)
	if err != nil {
		t.Fatalf("fact floor: %v", err)
	}
	actions, all := 0, 0
	for range graph.All() {
		actions++
	}
	packages.Visit(pkgs, nil, func(*packages.Package) { all++ })
	if actions != all {
		t.Errorf("fact floor ran on %d packages, %d loaded", actions, all)
	}
	t.Logf("%d packages loaded (%d initial), suite and fact floor run, in %s",
		all, len(pkgs), time.Since(start).Round(time.Millisecond))
}

// TestPlan checks the shape of the benchmark-size module without
// generating it: size, the share of JWT packages, every auth variant
// present, and dependency chains deep enough that facts cross many
// packages.
func TestPlan(t *testing.T) {
	const n = 500
	p, err := newPlan(n)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(p.packagePaths()); got != n {
		t.Errorf("%d packages, want %d", got, n)
	}
	if jwt := len(p.jwtPackagePaths()); jwt < n/6 || jwt > n/4 {
		t.Errorf("%d of %d packages use the JWT library, want about one in five", jwt, n)
	}
	var variants [numAuthVariants]int
	depth := map[*domain]int{}
	deepest := 0
	for _, d := range p.Domains {
		variants[d.Variant]++
		for _, dep := range d.Deps {
			depth[d] = max(depth[d], depth[dep]+1)
		}
		deepest = max(deepest, depth[d])
	}
	for v, count := range variants {
		if count == 0 {
			t.Errorf("auth variant %d never generated", v)
		}
	}
	// A fact about the first service of a chain is read ten imports up.
	if deepest < 10 {
		t.Errorf("longest service dependency chain is %d, want at least 10", deepest)
	}
	// The go command gives these path elements a meaning of their own.
	for _, path := range p.packagePaths() {
		for _, elem := range strings.Split(path, "/") {
			if elem == "vendor" || elem == "testdata" || strings.HasPrefix(elem, "_") || strings.HasPrefix(elem, ".") {
				t.Errorf("%s: the go command treats %q specially", path, elem)
			}
		}
	}
	if _, err := newPlan(MinPackages - 1); err == nil {
		t.Errorf("newPlan(%d) accepted a module too small for one domain", MinPackages-1)
	}
	t.Logf("%d domains, %d jobs, auth variants %v, longest service chain %d",
		len(p.Domains), len(p.Jobs), variants, deepest)
}

func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(root, path)
		files[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
