package jwtapi

import (
	"go/types"
	"testing"
)

func TestKeepsEmpty(t *testing.T) {
	str := types.Typ[types.String]
	sig := types.NewSignatureType(nil, nil, nil,
		types.NewTuple(types.NewParam(0, nil, "s", str)), types.NewTuple(types.NewParam(0, nil, "", str)), false)
	strs := types.NewPackage("strings", "strings")
	mine := types.NewPackage("example.com/app", "app")
	recv := types.NewVar(0, strs, "b", types.NewPointer(types.NewNamed(types.NewTypeName(0, strs, "Builder", nil), types.NewStruct(nil, nil), nil)))
	method := types.NewSignatureType(recv, nil, nil, sig.Params(), sig.Results(), false)
	for _, tc := range []struct {
		fn   *types.Func
		want bool
	}{
		{types.NewFunc(0, strs, "TrimSpace", sig), true},
		{types.NewFunc(0, strs, "ToLower", sig), true},
		// Repeat("", n) is empty but Repeat(s, 0) is too: its result
		// does not show whether s is set.
		{types.NewFunc(0, strs, "Repeat", sig), false},
		{types.NewFunc(0, mine, "TrimSpace", sig), false},
		{types.NewFunc(0, strs, "TrimSpace", method), false},
		{nil, false},
	} {
		arg, ok := KeepsEmpty(tc.fn)
		if ok != tc.want || (ok && arg != 0) {
			t.Errorf("KeepsEmpty(%v) = %d, %v; want 0, %v", tc.fn, arg, ok, tc.want)
		}
	}
}
