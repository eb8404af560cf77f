package jwtapi

import (
	gobuild "go/build"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// goroot is the standard library's source root, or "" when the sources
// are not on this machine (a sandboxed build).
var goroot = func() string {
	root := filepath.Clean(gobuild.Default.GOROOT)
	if root == "" || root == "." {
		return ""
	}
	if fi, err := os.Stat(filepath.Join(root, "src", "fmt")); err != nil || !fi.IsDir() {
		return ""
	}
	return root
}()

// stdCache remembers answers of IsStdPath; the set of standard packages
// does not change while a process runs.
var stdCache sync.Map // path -> bool

// IsStdPath reports whether path is a standard-library package. A dotless
// first path element is not enough: modules named "backend" or "myapp"
// are common, and mistaking their packages for the standard library
// would hide the user's own helpers. The package's directory must exist
// under GOROOT/src; only when the sources are absent does the first path
// element decide.
func IsStdPath(path string) bool {
	if path == "" {
		return false
	}
	if v, ok := stdCache.Load(path); ok {
		return v.(bool)
	}
	std := dotlessFirst(path)
	if std && goroot != "" {
		fi, err := os.Stat(filepath.Join(goroot, "src", filepath.FromSlash(path)))
		std = err == nil && fi.IsDir()
	}
	stdCache.Store(path, std)
	return std
}

func dotlessFirst(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
