package weakkey

import (
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/internal/diag"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

const name = "weakkey"

// Analyzer reports JWT keys too short or too small for their algorithm.
var Analyzer = &analysis.Analyzer{
	Name:             name,
	Doc:              doc,
	URL:              diag.URL(name),
	Requires:         []*analysis.Analyzer{jwtapi.Analyzer, keyflow.Analyzer},
	Run:              run,
	Flags:            flags(),
	FactTypes:        []analysis.Fact{new(keyflow.UncheckedKeyFieldFact)},
	RunDespiteErrors: true,
}

// tests is the -weakkey.tests switch.
var tests diag.Tests

var (
	minBytes   int
	minRSABits int
)

func flags() flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	diag.MinIntVar(fs, &minBytes, "minbytes", 32, 1, "shortest HMAC key, in `bytes` (1 or more), accepted when the algorithm is HS256 or not known statically; HS384 and HS512 keep their hash sizes (48, 64) as floor")
	diag.MinIntVar(fs, &minRSABits, "minrsabits", 2048, 1, "smallest RSA key size accepted, in `bits` (1 or more)")
	tests.Register(fs)
	return *fs
}

// hmacBound is the shortest acceptable HMAC key for alg.
func hmacBound(alg string) int {
	b := jwtapi.MinHMACBytes(alg)
	if alg == "" || alg == "HS256" {
		return max(minBytes, 1)
	}
	return max(b, minBytes)
}

func run(pass *analysis.Pass) (any, error) {
	ix := pass.ResultOf[jwtapi.Analyzer].(*jwtapi.Index)
	flow := pass.ResultOf[keyflow.Analyzer].(*keyflow.Flow)
	if ix.Skipped {
		return nil, nil
	}
	em := &empty{model: ix.Model, keys: flow.EmptyKeys(pass), reported: make(map[types.Object]bool)}
	// Config fields filled from the environment: known to the packages
	// that use them as keys.
	em.keys.ExportFacts()
	if !ix.UsesLibrary && len(ix.Keyfuncs) == 0 && len(ix.Lits) == 0 {
		return nil, nil
	}
	r := diag.New(pass, name)
	seen := make(map[token.Pos]bool) // one finding per origin
	for _, sink := range ix.KeySinks() {
		if tests.Skip(pass.Fset, sink.Key.Pos()) {
			continue
		}
		family := jwtapi.AlgFamily(sink.Alg)
		o := flow.Origin(sink.Key)
		em.check(r, sink, o, seen)
		switch o.Kind {
		case keyflow.Constant:
			checkConstant(r, flow, sink, o, family, seen)
		case keyflow.Random, keyflow.Predictable:
			if family != "" && family != jwtapi.AlgHMAC {
				continue
			}
			checkBuffer(r, sink, o, seen)
		case keyflow.RSAKey:
			checkRSA(pass, r, sink, o, seen)
		}
	}
	return nil, nil
}

func algText(alg string) string {
	if alg == "" {
		return "HMAC"
	}
	return alg
}

func checkConstant(r *diag.Reporter, flow *keyflow.Flow, sink *jwtapi.KeySink, o keyflow.Origin, family string, seen map[token.Pos]bool) {
	c := o.Const
	where := flow.Describe(o)
	if c.PEM.Private {
		if c.PEM.RSABits > 0 && c.PEM.RSABits < minRSABits {
			report(r, sink.Key, seen, fmt.Sprintf("RSA private key in %s is %d bits, too small for JWT signatures: %s needs at least %d; generate a new key of %d bits or more", where, c.PEM.RSABits, sink.API, minRSABits, minRSABits), nil)
		}
		return
	}
	if c.PEM.Public || (family != "" && family != jwtapi.AlgHMAC) {
		return
	}
	if c.Weak {
		report(r, sink.Key, seen, fmt.Sprintf("weak JWT secret: %s uses %s, a well-known or repeated-character value an attacker tries first; use a random secret of at least %d bytes", sink.API, where, hmacBound(sink.Alg)), nil)
		return
	}
	if bound := hmacBound(sink.Alg); c.Len >= 0 && c.Len < bound {
		report(r, sink.Key, seen, fmt.Sprintf("short %s key: %s uses %s, %d bytes long; %s needs at least %d random bytes", algText(sink.Alg), sink.API, where, c.Len, algText(sink.Alg), bound), nil)
	}
}

func checkBuffer(r *diag.Reporter, sink *jwtapi.KeySink, o keyflow.Origin, seen map[token.Pos]bool) {
	bound := hmacBound(sink.Alg)
	at := sink.Key
	if o.SizeExpr != nil {
		at = o.SizeExpr
	}
	if o.Kind == keyflow.Predictable {
		report(r, at, seen, fmt.Sprintf("predictable JWT key: the key %s uses is filled by math/rand, which an attacker can reproduce; fill it with crypto/rand (%d bytes or more)", sink.API, bound), nil)
		return
	}
	if o.Size >= 0 && o.Size < bound {
		report(r, at, seen, fmt.Sprintf("short %s key: the key %s uses is %d random bytes; %s needs at least %d", algText(sink.Alg), sink.API, o.Size, algText(sink.Alg), bound), nil)
	}
}

func checkRSA(pass *analysis.Pass, r *diag.Reporter, sink *jwtapi.KeySink, o keyflow.Origin, seen map[token.Pos]bool) {
	if o.Size < 0 || o.Size >= minRSABits || o.SizeExpr == nil {
		return
	}
	var fixes []analysis.SuggestedFix
	if lit, ok := ast.Unparen(o.SizeExpr).(*ast.BasicLit); ok && lit.Kind == token.INT {
		fixes = []analysis.SuggestedFix{{
			Message:   fmt.Sprintf("generate a %d-bit key", minRSABits),
			TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: fmt.Appendf(nil, "%d", minRSABits)}},
		}}
	}
	report(r, o.SizeExpr, seen, fmt.Sprintf("rsa.GenerateKey makes a %d-bit key that %s uses: too small for JWT signatures; use at least %d bits", o.Size, sink.API, minRSABits), fixes)
}

func report(r *diag.Reporter, at ast.Expr, seen map[token.Pos]bool, msg string, fixes []analysis.SuggestedFix) {
	if seen[at.Pos()] {
		return
	}
	seen[at.Pos()] = true
	r.Report(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Message: msg, SuggestedFixes: fixes})
}
