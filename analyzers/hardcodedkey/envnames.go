package hardcodedkey

import (
	"go/ast"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/jwtvet/jwtvet/analyzers/internal/envreads"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// namer picks the environment variable names of one package's fixes.
//
// The name is PACKAGE_HOLDER: PACKAGE is the package name (the directory
// for package main), HOLDER the variable, constant or field of this
// package that held the key, else the variable the key's use is assigned
// to, else the enclosing function; "_KEY" is added when the holder's
// name does not say key, secret or PEM. A name some other key already
// reads — in this package or any package it imports — or that another
// key of this package was given gets a numeric suffix. Two constants with
// the same value are one key and get one name.
type namer struct {
	pass   *analysis.Pass
	prefix string
	taken  map[string]bool
	byFP   map[uint64]string
}

func newNamer(pass *analysis.Pass, read envreads.Names) *namer {
	n := &namer{pass: pass, taken: make(map[string]bool), byFP: make(map[uint64]string)}
	for name := range read {
		n.taken[name] = true
	}
	pkg := pass.Pkg.Name()
	if pkg == "main" {
		path := pass.Pkg.Path()
		pkg = path[strings.LastIndex(path, "/")+1:]
	}
	n.prefix = EnvName(strings.Map(func(r rune) rune {
		if r == '.' || r == '-' {
			return '_'
		}
		return r
	}, pkg))
	return n
}

// name returns the variable name for the key of origin o, written at expr
// in file.
func (n *namer) name(o keyflow.Origin, file *ast.File, expr ast.Expr) string {
	if o.Const.FP != 0 {
		if name, ok := n.byFP[o.Const.FP]; ok {
			return name
		}
	}
	holder := ""
	if o.Holder != nil && o.Holder.Pkg() == n.pass.Pkg && o.Const.Name != "" {
		holder = o.Const.Name
	} else {
		holder = enclosingName(file, expr)
	}
	words := EnvName(holder)
	if holder == "" {
		words = "JWT_KEY"
	}
	if !strings.Contains(words, "KEY") && !strings.Contains(words, "SECRET") && !strings.Contains(words, "PEM") {
		words += "_KEY"
	}
	name := words
	if n.prefix != "" && words != n.prefix && !strings.HasPrefix(words, n.prefix+"_") {
		name = n.prefix + "_" + words
	}
	base := name
	for i := 2; n.taken[name]; i++ {
		name = base + "_" + strconv.Itoa(i)
	}
	n.taken[name] = true
	if o.Const.FP != 0 {
		n.byFP[o.Const.FP] = name
	}
	return name
}

// enclosingName names a bare literal by where it is used: the variable
// its statement assigns (sandbox, err := jose.NewSigner(…)), else the
// enclosing function.
func enclosingName(file *ast.File, expr ast.Expr) string {
	path, _ := astutil.PathEnclosingInterval(file, expr.Pos(), expr.End())
	for _, n := range path {
		var lhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs = n.Lhs
		case *ast.ValueSpec:
			for _, id := range n.Names {
				lhs = append(lhs, id)
			}
		case *ast.FuncDecl:
			return n.Name.Name
		case *ast.FuncLit:
			continue
		}
		for _, e := range lhs {
			if id, ok := e.(*ast.Ident); ok && id.Name != "_" && id.Name != "err" && id.Name != "ok" {
				return id.Name
			}
		}
	}
	return ""
}
