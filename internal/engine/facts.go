package engine

import (
	"fmt"
	"go/types"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// factStore holds every fact exported by any package, keyed by the object
// or package it is about. Importers look facts up by object; nothing is
// copied from package to package.
type factStore struct {
	mu      sync.RWMutex
	objects map[objectKey]analysis.Fact
	pkgs    map[packageKey]analysis.Fact
	// byPackage lists, for AllObjectFacts and AllPackageFacts, the keys
	// of the facts about each package and its objects.
	objectsOf  map[*types.Package][]objectKey
	packagesOf map[*types.Package][]packageKey
}

type objectKey struct {
	analyzer *analysis.Analyzer
	obj      types.Object
	typ      reflect.Type
}

type packageKey struct {
	analyzer *analysis.Analyzer
	pkg      *types.Package
	typ      reflect.Type
}

func newFactStore() *factStore {
	return &factStore{
		objects:    make(map[objectKey]analysis.Fact),
		pkgs:       make(map[packageKey]analysis.Fact),
		objectsOf:  make(map[*types.Package][]objectKey),
		packagesOf: make(map[*types.Package][]packageKey),
	}
}

// bind gives pass the fact functions of analyzer a on package p.
func (s *factStore) bind(pass *analysis.Pass, p *Package, a *analysis.Analyzer) {
	if len(a.FactTypes) == 0 {
		noFacts := func() { panic(fmt.Sprintf("analyzer %s exported a fact but declares no fact types", a.Name)) }
		pass.ImportObjectFact = func(types.Object, analysis.Fact) bool { return false }
		pass.ImportPackageFact = func(*types.Package, analysis.Fact) bool { return false }
		pass.ExportObjectFact = func(types.Object, analysis.Fact) { noFacts() }
		pass.ExportPackageFact = func(analysis.Fact) { noFacts() }
		pass.AllObjectFacts = func() []analysis.ObjectFact { return nil }
		pass.AllPackageFacts = func() []analysis.PackageFact { return nil }
		return
	}
	pass.ImportObjectFact = func(obj types.Object, fact analysis.Fact) bool {
		if obj == nil {
			return false
		}
		return importFact(s, s.objects, objectKey{a, obj, reflect.TypeOf(fact)}, fact)
	}
	pass.ImportPackageFact = func(pkg *types.Package, fact analysis.Fact) bool {
		if pkg == nil {
			return false
		}
		return importFact(s, s.pkgs, packageKey{a, pkg, reflect.TypeOf(fact)}, fact)
	}
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		if obj == nil || obj.Pkg() != p.Types {
			panic(fmt.Sprintf("analyzer %s exported a fact about %v, which is not of package %s", a.Name, obj, p.PkgPath))
		}
		k := objectKey{a, obj, reflect.TypeOf(fact)}
		s.mu.Lock()
		if _, dup := s.objects[k]; !dup {
			s.objectsOf[p.Types] = append(s.objectsOf[p.Types], k)
		}
		s.objects[k] = fact
		s.mu.Unlock()
	}
	pass.ExportPackageFact = func(fact analysis.Fact) {
		k := packageKey{a, p.Types, reflect.TypeOf(fact)}
		s.mu.Lock()
		if _, dup := s.pkgs[k]; !dup {
			s.packagesOf[p.Types] = append(s.packagesOf[p.Types], k)
		}
		s.pkgs[k] = fact
		s.mu.Unlock()
	}
	// The inherited set is walked only on request; jwtvet's analyzers
	// look facts up by object instead.
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		var out []analysis.ObjectFact
		s.mu.RLock()
		defer s.mu.RUnlock()
		for _, q := range closureOf(p) {
			for _, k := range s.objectsOf[q.Types] {
				if k.analyzer == a {
					out = append(out, analysis.ObjectFact{Object: k.obj, Fact: s.objects[k]})
				}
			}
		}
		return out
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		var out []analysis.PackageFact
		s.mu.RLock()
		defer s.mu.RUnlock()
		for _, q := range closureOf(p) {
			for _, k := range s.packagesOf[q.Types] {
				if k.analyzer == a {
					out = append(out, analysis.PackageFact{Package: k.pkg, Fact: s.pkgs[k]})
				}
			}
		}
		return out
	}
}

// importFact copies the fact stored under k, if any, into fact.
func importFact[K comparable](s *factStore, m map[K]analysis.Fact, k K, fact analysis.Fact) bool {
	s.mu.RLock()
	f, ok := m[k]
	s.mu.RUnlock()
	if ok {
		reflect.ValueOf(fact).Elem().Set(reflect.ValueOf(f).Elem())
	}
	return ok
}

// closureOf returns p and the source packages it depends on.
func closureOf(p *Package) []*Package {
	var out []*Package
	seen := make(map[*Package]bool)
	var visit func(*Package)
	visit = func(q *Package) {
		if seen[q] || !q.Source {
			return
		}
		seen[q] = true
		out = append(out, q)
		for _, imp := range q.imports {
			visit(imp)
		}
	}
	visit(p)
	return out
}
