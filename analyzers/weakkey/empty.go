package weakkey

import (
	"fmt"
	"go/token"
	"go/types"

	"github.com/jwtvet/jwtvet/analyzers/internal/diag"
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// empty reports keys read from the environment or a config source that
// nothing checks before a library that accepts an empty key uses them.
type empty struct {
	model    *jwtapi.Model
	keys     *keyflow.EmptyKeys
	reported map[types.Object]bool // holders already reported
}

// check reports sink when its key may be empty.
func (e *empty) check(r *diag.Reporter, sink *jwtapi.KeySink, o keyflow.Origin, seen map[token.Pos]bool) {
	if fam := jwtapi.AlgFamily(sink.Alg); fam != "" && fam != jwtapi.AlgHMAC {
		return
	}
	if !e.model.AcceptsEmptyKey(sink.Pkg) {
		return
	}
	source, holder, ok := e.keys.Unchecked(sink.Key, o)
	if !ok {
		return
	}
	// One finding per variable or field holding the key, at its first use.
	if holder != nil {
		if e.reported[holder] {
			return
		}
		e.reported[holder] = true
	}
	report(r, sink.Key, seen, fmt.Sprintf("JWT key may be empty: %s uses %s, which nothing checks before use, and the library signs and verifies with an empty key, so an unset value makes every token forgeable; refuse to start when the key is missing or shorter than %d bytes", sink.API, source, hmacBound(sink.Alg)), nil)
}
