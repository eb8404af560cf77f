// Package noaud reports tokens verified with keys from a remote key set
// (a JWKS URL or OIDC discovery) whose audience is not checked.
package noaud

import (
	"flag"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/internal/diag"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

const name = "noaud"

// Analyzer reports verifications of tokens from a shared issuer that
// accept any audience.
var Analyzer = &analysis.Analyzer{
	Name:             name,
	Doc:              doc,
	URL:              diag.URL(name),
	Requires:         []*analysis.Analyzer{jwtapi.Analyzer, keyflow.Analyzer},
	Run:              run,
	Flags:            flags(),
	RunDespiteErrors: true,
}

// tests is the -noaud.tests switch.
var tests diag.Tests

func flags() flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	tests.Register(fs)
	return *fs
}

// checker holds one pass's state.
type checker struct {
	pass *analysis.Pass
	ix   *jwtapi.Index
	flow *keyflow.Flow
	info *types.Info
	r    *diag.Reporter
	// reported marks nodes already reported, so that a config shared by
	// several verifications is reported once.
	reported map[ast.Node]bool
	// readsAud caches packageReadsAudience: 0 unknown, 1 yes, 2 no.
	readsAud int
}

func run(pass *analysis.Pass) (any, error) {
	ix := pass.ResultOf[jwtapi.Analyzer].(*jwtapi.Index)
	flow := pass.ResultOf[keyflow.Analyzer].(*keyflow.Flow)
	if ix.Skipped || !ix.UsesLibrary {
		return nil, nil
	}
	c := &checker{pass: pass, ix: ix, flow: flow, info: pass.TypesInfo, r: diag.New(pass, name), reported: make(map[ast.Node]bool)}
	for _, call := range ix.Calls {
		if !call.VerifiesToken() {
			continue
		}
		if tests.Skip(pass.Fset, call.Expr.Pos()) {
			continue
		}
		src := c.remoteKeys(call)
		if src == nil {
			continue // the program's own keys, or keys of unknown origin
		}
		c.check(call, src)
	}
	c.checkMiddlewares()
	return nil, nil
}

// remoteKeys returns the call that fetches the remote keys a verification
// uses, or nil: the call itself (a go-oidc Provider's verifier), its
// keyfunc, key or key-set argument, or a key-set option.
func (c *checker) remoteKeys(call *jwtapi.Call) *keyflow.Remote {
	if call.FetchesRemoteKeys() {
		return &keyflow.Remote{Call: call}
	}
	for _, e := range call.KeyExprs() {
		if src := c.flow.RemoteKeys(e); src != nil {
			return src
		}
	}
	opts, _ := c.options(call)
	for _, o := range opts {
		if o.Call.FetchesRemoteKeys() {
			return &keyflow.Remote{Call: o.Call}
		}
		if src := c.flow.RemoteKeys(o.Call.KeySetArg()); src != nil {
			return src
		}
	}
	return nil
}

// check applies the audience check the verification's library offers: an
// audience argument (auth0 validator.New), a later claims validation
// (go-jose), a config struct (go-oidc), or options (golang-jwt, jwx).
func (c *checker) check(call *jwtapi.Call, src *keyflow.Remote) {
	switch way := c.ix.AudienceWayOf(call); way {
	case jwtapi.AudienceArgument:
		c.checkAudienceArg(call, src)
	case jwtapi.AudienceValidation:
		c.checkValidation(call, src)
	case jwtapi.AudienceByHand:
		// No audience option exists: the function, or its callers, must
		// read the claims' audience.
		c.checkOptions(call, src)
	default:
		if lit := c.configLit(call.ConfigArg(), 0); lit != nil {
			c.checkConfig(call, lit, src)
			return
		}
		if way == jwtapi.AudienceOptions {
			c.checkOptions(call, src)
		}
	}
}

// source describes where remote keys come from, for messages.
func (c *checker) source(src *keyflow.Remote) string {
	if src.Call == nil {
		return "a value of type " + typeString(src.Type)
	}
	p := c.pass.Fset.Position(src.Call.Expr.Pos())
	return c.ix.APIName(src.Call) + " at " + shortPos(p)
}

func shortPos(p token.Position) string {
	return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}
