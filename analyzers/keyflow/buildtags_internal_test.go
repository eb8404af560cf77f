package keyflow

import (
	"go/parser"
	"go/token"
	"testing"
)

// TestFileConstraint covers the old // +build syntax, which gofmt would
// rewrite in a fixture file.
func TestFileConstraint(t *testing.T) {
	for src, want := range map[string]string{
		"//go:build prod\n\npackage p\n":                      "prod",
		"// +build !staging\n\npackage p\n":                   "!staging",
		"// +build linux dev\n// +build amd64\n\npackage p\n": "(linux || dev) && amd64",
		"// Package p.\npackage p\n":                          "",
	} {
		f, err := parser.ParseFile(token.NewFileSet(), "x.go", src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if e := fileConstraint(f); e != nil {
			got = e.String()
		}
		if got != want {
			t.Errorf("fileConstraint(%q) = %q, want %q", src, got, want)
		}
	}
}

func TestCustomTags(t *testing.T) {
	for src, want := range map[string]bool{
		"//go:build prod\n\npackage p\n":              true,
		"//go:build !dev && linux\n\npackage p\n":     true,
		"//go:build windows || darwin\n\npackage p\n": false,
		"//go:build go1.22 && cgo\n\npackage p\n":     false,
		"//go:build ignore\n\npackage main\n":         false,
		"//go:build prod && ignore\n\npackage main\n": false,
	} {
		f, err := parser.ParseFile(token.NewFileSet(), "x.go", src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if got := customTags(fileConstraint(f)); got != want {
			t.Errorf("customTags(%q) = %v, want %v", src, got, want)
		}
	}
}
