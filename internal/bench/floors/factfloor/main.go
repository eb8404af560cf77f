// Command factfloor runs the no-op analyzer that declares a fact type
// under multichecker: the fact floor of the benchmarks, as a process.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/jwtvet/jwtvet/internal/bench/floors"
)

func main() { multichecker.Main(floors.FactFloor) }
