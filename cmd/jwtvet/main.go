package main

import (
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/jwtvet/jwtvet/analyzers"
)

func main() {
	args := os.Args[1:]
	if vetProtocol(args) {
		// go vet -vettool: the go command speaks to the tool through
		// -flags, -V=full and a per-package .cfg file. x/tools implements
		// that protocol (including go vet -fix/-diff and facts caching),
		// so hand the whole process over to it.
		multichecker.Main(analyzers.Suite()...)
		return
	}
	os.Exit(run(args, os.Stdout, os.Stderr, analyzers.Suite(), analyzers.CWE))
}

// vetProtocol reports whether args come from the go command's vet
// protocol rather than from a person: `-flags`, `-V=...` (go vet sends
// -V=full to compute its cache key) or a *.cfg package description.
// A bare -V is this command's own version flag.
func vetProtocol(args []string) bool {
	for _, arg := range args {
		if arg == "--" {
			break
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if strings.HasPrefix(arg, "-") {
			switch {
			case name == "flags":
				return true
			case name == "V" && hasValue:
				return true
			}
			continue
		}
		if strings.HasSuffix(arg, ".cfg") {
			return true
		}
	}
	return false
}
