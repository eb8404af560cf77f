package unverified

import (
	"flag"
	"go/ast"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/internal/diag"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

const name = "unverified"

// Analyzer reports JWT claims used without a verified signature and
// parses that leave the signing algorithm to the token.
var Analyzer = &analysis.Analyzer{
	Name:     name,
	Doc:      doc,
	URL:      diag.URL(name),
	Requires: []*analysis.Analyzer{jwtapi.Analyzer, keyflow.Analyzer},
	Run:      run,
	Flags:    flags(),
	// The library facts (jwtapi) this rule derives from verify events.
	FactTypes:        jwtapi.VerifyFactTypes(),
	RunDespiteErrors: true,
}

// tests is the -unverified.tests switch.
var tests diag.Tests

func flags() flag.FlagSet {
	var fs flag.FlagSet
	tests.Register(&fs)
	return fs
}

// state is one run of the analyzer over a package.
type state struct {
	pass *analysis.Pass
	ix   *jwtapi.Index
	flow *keyflow.Flow
	info *types.Info
	rep  *diag.Reporter
	// Local facts, exported at the end.
	wrappers  map[*types.Func]*jwtapi.WrapperFact
	verifiers map[*types.Func]*jwtapi.VerifyFact
	// flows are the control-flow graphs of the functions that hold verify
	// events, built on first need.
	flows map[*ast.BlockStmt]*funcFlow
	// kf resolves keyfuncs, with the facts of this analyzer.
	kf *jwtapi.KeyfuncResolver
	// signAlgs: algorithms this package signs with; allAlgs adds those of
	// the packages it depends on.
	signAlgs []string
	allAlgs  []string
}

func run(pass *analysis.Pass) (any, error) {
	ix, ok := pass.ResultOf[jwtapi.Analyzer].(*jwtapi.Index)
	if !ok || ix == nil || ix.Model.IsLibrary(pass.Pkg.Path()) {
		return nil, nil
	}
	lib := ix.UsesLibrary || jwtapi.UsesImportedFacts(pass)
	hand := !ix.Skipped && jwtapi.MayDecodeByHand(pass.Pkg, ix.UsesLibrary)
	if !lib && !hand {
		return nil, nil
	}
	flow, _ := pass.ResultOf[keyflow.Analyzer].(*keyflow.Flow)
	s := &state{
		pass:      pass,
		ix:        ix,
		flow:      flow,
		info:      pass.TypesInfo,
		wrappers:  make(map[*types.Func]*jwtapi.WrapperFact),
		verifiers: make(map[*types.Func]*jwtapi.VerifyFact),
		flows:     make(map[*ast.BlockStmt]*funcFlow),
	}
	s.kf = ix.NewKeyfuncResolver(pass.ImportObjectFact, s.pemOracle())
	if !lib {
		// No JWT library here: only a token decoded by hand can be
		// trusted unverified.
		s.findVerifiers()
		s.rep = diag.New(pass, name)
		s.checkHandRolled()
		return nil, nil
	}
	s.collectAlgs()
	s.findVerifiers()
	s.findWrappers()
	s.exportFacts()
	s.rep = diag.New(pass, name)
	s.checkSites()
	s.checkPins()
	s.checkMixedLists()
	s.checkMixedDecodeLists()
	s.checkPEMAsSecret()
	s.checkKeyfuncFields()
	s.checkSkipVerifySettings()
	s.checkHeaderKeys()
	if hand {
		s.checkHandRolled()
	}
	return nil, nil
}

// collectAlgs gathers the algorithms the package signs with, and those of
// its dependencies from their facts.
func (s *state) collectAlgs() {
	s.signAlgs = s.ix.SignAlgs(func(c *jwtapi.Call) bool { return !tests.Skip(s.pass.Fset, c.Expr.Pos()) })
	all := map[string]bool{}
	for _, a := range s.signAlgs {
		all[a] = true
	}
	// The algorithms of the dependencies, by their package facts.
	visited := make(map[*types.Package]bool)
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		for _, imp := range p.Imports() {
			if visited[imp] {
				continue
			}
			visited[imp] = true
			var f jwtapi.SignsFact
			if s.pass.ImportPackageFact(imp, &f) {
				for _, a := range f.Algs {
					all[a] = true
				}
			}
			visit(imp)
		}
	}
	visit(s.pass.Pkg)
	for a := range all {
		s.allAlgs = append(s.allAlgs, a)
	}
	sort.Strings(s.allAlgs)
}

func (s *state) exportFacts() {
	if len(s.signAlgs) > 0 {
		s.pass.ExportPackageFact(&jwtapi.SignsFact{Algs: s.signAlgs})
	}
	// Only what another package can call needs a fact.
	for _, fn := range sortedFuncs(s.wrappers) {
		if fn.Exported() {
			s.pass.ExportObjectFact(fn, s.wrappers[fn])
		}
	}
	for _, fn := range sortedFuncs(s.verifiers) {
		if fn.Exported() {
			s.pass.ExportObjectFact(fn, s.verifiers[fn])
		}
	}
	s.kf.ExportFacts(s.pass.ExportObjectFact)
}

func sortedFuncs[V any](m map[*types.Func]V) []*types.Func {
	out := make([]*types.Func, 0, len(m))
	for fn := range m {
		out = append(out, fn)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pos() < out[j].Pos() })
	return out
}

// pemOracle answers the resolver's PEM questions from key provenance.
func (s *state) pemOracle() jwtapi.PEMOracle {
	if s.flow == nil {
		return nil
	}
	return func(e ast.Expr) (bool, bool) {
		o := s.flow.Origin(e)
		return o.Kind == keyflow.Constant && o.Const.PEM.Public, o.Const.PEM.RSABits > 0
	}
}
