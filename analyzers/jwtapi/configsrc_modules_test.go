package jwtapi_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"

	"github.com/jwtvet/jwtvet/analyzers/internal/fixtures"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// TestConfigSourceModules: the package of every function row outside the
// standard library belongs to a module the fixture module requires, so
// the rows are tested against the real API; and every secret manager row
// is used by a fixture.
func TestConfigSourceModules(t *testing.T) {
	path := filepath.Join(fixtures.Root(), "testdata", "go.mod")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	mf, err := modfile.ParseLax(path, data, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range jwtapi.ConfigSources {
		if !r.IsFunc() || jwtapi.IsStdPath(r.Pkg) {
			continue
		}
		found := false
		for _, req := range mf.Require {
			if r.Pkg == req.Mod.Path || strings.HasPrefix(r.Pkg, req.Mod.Path+"/") {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%s.%s: package %s is in no module testdata/go.mod requires", r.Recv, r.Name, r.Pkg)
		}
	}
	imported := map[string]bool{}
	root := filepath.Join(fixtures.Root(), "testdata")
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "demo" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, r := range jwtapi.ConfigSources {
			if r.Reads == jwtapi.ReadsSecret && strings.Contains(string(src), `"`+r.Pkg+`"`) {
				imported[r.Pkg] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range jwtapi.ConfigSources {
		if r.Reads == jwtapi.ReadsSecret && !imported[r.Pkg] {
			t.Errorf("secret manager %s: no fixture imports it", r.Pkg)
		}
	}
}
