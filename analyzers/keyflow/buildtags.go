package keyflow

import (
	"go/ast"
	"go/build/constraint"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// BuildGroup is one package-level definition given the same constant
// string in files for different build constraints (//go:build prod and
// //go:build dev): a build-time selection by environment whose candidates
// are equal.
type BuildGroup struct {
	// Name is the definition: jwtSecret, cfg.JWTSecret (a field of a
	// package-level literal), secret() (a function returning a constant).
	Name string
	// Context and Leaf are the words of the name: of what holds the
	// definition (cfg) and of the definition itself (JWTSecret).
	Context, Leaf []string
	// Obj is the compiled package-level object the name starts with, nil
	// when no compiled file defines it.
	Obj types.Object
	// Files name the files, each with its constraint:
	// "secret_prod.go (//go:build prod)".
	Files []string
	// Pos is the definition in a compiled file of the group, else in
	// another compiled variant, else the package clause of the first file.
	Pos token.Pos
}

// variant is one build-constrained file of the package, compiled or
// ignored.
type variant struct {
	file       string // base name
	constraint string // the //go:build expression
	compiled   bool
	decls      map[string]variantDecl
}

// variantDecl is one package-level definition of a constant string.
type variantDecl struct {
	fp  uint64
	pos token.Pos // in a compiled file; NoPos in an ignored one
}

// SameAcrossBuilds compares the package's compiled build-constrained
// files with the ones the build ignored and returns the names defined
// with the same constant in files for different constraints, sorted by
// name. Without IgnoredFiles or ReadFile (Bazel nogo) there is nothing to
// compare. Values are compared by fingerprint only.
func SameAcrossBuilds(pass *analysis.Pass) []BuildGroup {
	if pass.ReadFile == nil || len(pass.IgnoredFiles) == 0 || pass.Pkg == nil {
		return nil
	}
	var variants []*variant
	for _, f := range pass.Files {
		expr := fileConstraint(f)
		if expr == nil || !customTags(expr) {
			continue
		}
		v := &variant{file: filepath.Base(pass.Fset.Position(f.Pos()).Filename), constraint: expr.String(), compiled: true}
		v.decls = fileDecls(pass.TypesInfo, f, true)
		variants = append(variants, v)
	}
	fset := token.NewFileSet()
	for _, name := range pass.IgnoredFiles {
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := pass.ReadFile(name)
		if err != nil {
			continue
		}
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil || f.Name == nil || f.Name.Name != pass.Pkg.Name() {
			continue
		}
		expr := fileConstraint(f)
		if expr == nil || !customTags(expr) {
			continue
		}
		v := &variant{file: filepath.Base(name), constraint: expr.String()}
		v.decls = fileDecls(pass.TypesInfo, f, false)
		variants = append(variants, v)
	}
	if len(variants) < 2 {
		return nil
	}
	var out []BuildGroup
	for _, n := range unionKeys(variants, func(v *variant) map[string]variantDecl { return v.decls }) {
		var anyCompiled token.Pos
		for _, v := range variants {
			if d, ok := v.decls[n]; ok && d.pos.IsValid() {
				anyCompiled = d.pos
				break
			}
		}
		groups := groupByFingerprint(variants, func(v *variant) (uint64, bool) {
			d, ok := v.decls[n]
			return d.fp, ok
		})
		for _, g := range groups {
			if !distinctConstraints(g) {
				continue
			}
			pos := anyCompiled
			for _, v := range g {
				if v.compiled {
					pos = v.decls[n].pos
				}
			}
			if !pos.IsValid() && len(pass.Files) > 0 {
				pos = pass.Files[0].Name.Pos()
			}
			bg := BuildGroup{Name: n, Pos: pos}
			bg.Context, bg.Leaf = SplitPath(n)
			bg.Obj = pass.Pkg.Scope().Lookup(strings.Split(strings.TrimSuffix(n, "()"), ".")[0])
			for _, v := range g {
				bg.Files = append(bg.Files, v.file+" (//go:build "+v.constraint+")")
			}
			out = append(out, bg)
		}
	}
	return out
}

// SplitPath returns the words of what holds a dotted definition or
// config key (cfg in cfg.JWTSecret, jwt in jwt.secret) and of its last
// element; a trailing () of a function is dropped.
func SplitPath(name string) (context, leaf []string) {
	parts := strings.Split(strings.TrimSuffix(name, "()"), ".")
	for _, p := range parts[:len(parts)-1] {
		context = append(context, jwtapi.Words(p)...)
	}
	return context, jwtapi.Words(parts[len(parts)-1])
}

func distinctConstraints(g []*variant) bool {
	seen := map[string]bool{}
	for _, v := range g {
		seen[v.constraint] = true
	}
	return len(seen) >= 2
}

// fileConstraint returns a file's //go:build expression, or the
// conjunction of its // +build lines, or nil.
func fileConstraint(f *ast.File) constraint.Expr {
	var plus constraint.Expr
	for _, cg := range f.Comments {
		if cg.Pos() >= f.Package {
			break
		}
		for _, cm := range cg.List {
			switch {
			case constraint.IsGoBuild(cm.Text):
				if expr, err := constraint.Parse(cm.Text); err == nil {
					return expr
				}
			case constraint.IsPlusBuild(cm.Text):
				if expr, err := constraint.Parse(cm.Text); err == nil {
					if plus == nil {
						plus = expr
					} else {
						plus = &constraint.AndExpr{X: plus, Y: expr}
					}
				}
			}
		}
	}
	return plus
}

// customTags reports whether a constraint names a tag of the project's
// own (dev, prod, …), not only platforms, toolchains and versions, and
// is not the `ignore` of a generator or script.
func customTags(expr constraint.Expr) bool {
	custom, ignore := false, false
	var walk func(constraint.Expr)
	walk = func(e constraint.Expr) {
		switch x := e.(type) {
		case *constraint.TagExpr:
			switch {
			case x.Tag == "ignore":
				ignore = true
			case !platformTags[x.Tag] && !strings.HasPrefix(x.Tag, "go1."):
				custom = true
			}
		case *constraint.NotExpr:
			walk(x.X)
		case *constraint.AndExpr:
			walk(x.X)
			walk(x.Y)
		case *constraint.OrExpr:
			walk(x.X)
			walk(x.Y)
		}
	}
	walk(expr)
	return custom && !ignore
}

// platformTags are the tags the go command sets from the platform and
// toolchain.
var platformTags = map[string]bool{
	"aix": true, "android": true, "darwin": true, "dragonfly": true, "freebsd": true, "hurd": true,
	"illumos": true, "ios": true, "js": true, "linux": true, "nacl": true, "netbsd": true,
	"openbsd": true, "plan9": true, "solaris": true, "wasip1": true, "windows": true, "zos": true,
	"386": true, "amd64": true, "arm": true, "arm64": true, "loong64": true, "mips": true,
	"mipsle": true, "mips64": true, "mips64le": true, "ppc64": true, "ppc64le": true,
	"riscv64": true, "s390x": true, "wasm": true, "sparc64": true,
	"unix": true, "cgo": true, "gc": true, "gccgo": true, "purego": true, "race": true,
	"msan": true, "asan": true, "boringcrypto": true, "goexperiment.boringcrypto": true,
}

// fileDecls collects the package-level constant strings of a file:
// `const k = "…"`, `var k = []byte("…")`, the string fields of `var cfg =
// Config{JWTSecret: "…"}` (as cfg.JWTSecret) and functions that only
// return a constant (as name()).
func fileDecls(info *types.Info, f *ast.File, compiled bool) map[string]variantDecl {
	consts := map[string]ast.Expr{}
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.CONST {
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if i < len(vs.Values) {
						consts[n.Name] = vs.Values[i]
					}
				}
			}
		}
	}
	out := map[string]variantDecl{}
	add := func(name string, e ast.Expr) {
		s, ok := variantString(info, e, consts, compiled, 0)
		if !ok || s == "" {
			return
		}
		d := variantDecl{fp: Fingerprint(s)}
		if compiled {
			d.pos = e.Pos()
		}
		out[name] = d
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			if d.Tok != token.CONST && d.Tok != token.VAR {
				continue
			}
			for _, s := range d.Specs {
				vs := s.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if i >= len(vs.Values) {
						continue
					}
					val := ast.Unparen(vs.Values[i])
					if u, ok := val.(*ast.UnaryExpr); ok && u.Op == token.AND {
						val = ast.Unparen(u.X)
					}
					if lit, ok := val.(*ast.CompositeLit); ok {
						for id, kv := range jwtapi.KeyedFields(lit) {
							add(n.Name+"."+id.Name, kv.Value)
						}
						continue
					}
					add(n.Name, vs.Values[i])
				}
			}
		case *ast.FuncDecl:
			if d.Recv != nil || d.Body == nil || len(d.Body.List) != 1 {
				continue
			}
			if ret, ok := d.Body.List[0].(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
				add(d.Name.Name+"()", ret.Results[0])
			}
		}
	}
	return out
}

// variantString evaluates a constant string expression: a literal, a
// conversion of one, a concatenation, a constant of the same file; in a
// compiled file, anything the type checker knows.
func variantString(info *types.Info, e ast.Expr, consts map[string]ast.Expr, compiled bool, depth int) (string, bool) {
	if depth > 6 || e == nil {
		return "", false
	}
	e = ast.Unparen(e)
	if compiled {
		if tv, ok := info.Types[e]; ok && tv.Value != nil {
			if tv.Value.Kind() == constant.String {
				return constant.StringVal(tv.Value), true
			}
			return "", false
		}
	}
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(x.Value)
		return s, err == nil
	case *ast.CallExpr:
		// []byte("…"), string(…)
		if len(x.Args) != 1 {
			return "", false
		}
		switch fun := x.Fun.(type) {
		case *ast.ArrayType:
			if id, ok := fun.Elt.(*ast.Ident); ok && (id.Name == "byte" || id.Name == "uint8") && fun.Len == nil {
				return variantString(info, x.Args[0], consts, compiled, depth+1)
			}
		case *ast.Ident:
			if fun.Name == "string" {
				return variantString(info, x.Args[0], consts, compiled, depth+1)
			}
		}
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		l, ok1 := variantString(info, x.X, consts, compiled, depth+1)
		r, ok2 := variantString(info, x.Y, consts, compiled, depth+1)
		return l + r, ok1 && ok2
	case *ast.Ident:
		if v, ok := consts[x.Name]; ok {
			return variantString(info, v, consts, compiled, depth+1)
		}
	}
	return "", false
}
