// Command nofacts runs the no-op analyzer without facts under
// multichecker: the no-fact floor of the benchmarks, as a process.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/jwtvet/jwtvet/internal/bench/floors"
)

func main() { multichecker.Main(floors.NoFacts) }
