package jwtapi

import "go/types"

// Standard functions that map the empty string to the empty string:
// trimming and case mapping. A result that is not empty means the
// argument was not empty either, so a test of the result, such as
// strings.TrimSpace(cfg.Audience) != "", tests that the setting is set.
// Rules read a condition through these calls to find the setting it
// guards; adding a function is adding a row.

// keepsEmpty maps a package path and function name to the index of the
// argument whose emptiness the result keeps.
var keepsEmpty = map[[2]string]int{
	{"strings", "TrimSpace"}:  0,
	{"strings", "Trim"}:       0,
	{"strings", "TrimLeft"}:   0,
	{"strings", "TrimRight"}:  0,
	{"strings", "TrimPrefix"}: 0,
	{"strings", "TrimSuffix"}: 0,
	{"strings", "TrimFunc"}:   0,
	{"strings", "ToLower"}:    0,
	{"strings", "ToUpper"}:    0,
	{"bytes", "TrimSpace"}:    0,
}

// KeepsEmpty reports whether fn, a package-level function, returns an
// empty result whenever its argument at index arg is empty, so that a
// result that is not empty means an argument that is not empty.
func KeepsEmpty(fn *types.Func) (arg int, ok bool) {
	if fn == nil || fn.Pkg() == nil {
		return 0, false
	}
	if sig, isSig := fn.Type().(*types.Signature); !isSig || sig.Recv() != nil {
		return 0, false
	}
	arg, ok = keepsEmpty[[2]string{fn.Pkg().Path(), fn.Name()}]
	return arg, ok
}
