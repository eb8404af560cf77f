package keyflow

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"go/ast"
	"go/types"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// derived is the origin of a key computed by d from in: constant when in
// is. The value is recomputed when in's is known here, so that length,
// weakness and equality stay exact; the fix that rewrites a literal is not
// offered, since the literal is not the key.
func (f *Flow) derived(call *ast.CallExpr, d *jwtapi.Derivation, in Origin) Origin {
	if in.Kind != Constant {
		return unknown()
	}
	o := in
	o.Expr = nil
	o.Const.Where = "a key derived from " + in.Const.Where
	if !in.hasValue {
		o.Const.Len, o.Const.FP, o.Const.Weak, o.Const.PEM = -1, 0, false, PEMInfo{}
		return o
	}
	v, ok := derive(d.Op, in.value, base64Encoding(f.info, call))
	if !ok {
		return unknown() // not valid input: the call fails
	}
	out := constOf(v, "a key derived from "+in.Const.Where, in.Const.Name, in.Pos, nil)
	out.Holder = in.Holder
	out.Candidates = in.Candidates
	out.Via = in.Via
	return out
}

func derive(op jwtapi.DeriveOp, s string, enc *base64.Encoding) (string, bool) {
	b := []byte(s)
	switch op {
	case jwtapi.DeriveSHA1:
		h := sha1.Sum(b)
		return string(h[:]), true
	case jwtapi.DeriveSHA224:
		h := sha256.Sum224(b)
		return string(h[:]), true
	case jwtapi.DeriveSHA256:
		h := sha256.Sum256(b)
		return string(h[:]), true
	case jwtapi.DeriveSHA384:
		h := sha512.Sum384(b)
		return string(h[:]), true
	case jwtapi.DeriveSHA512:
		h := sha512.Sum512(b)
		return string(h[:]), true
	case jwtapi.DeriveMD5:
		h := md5.Sum(b)
		return string(h[:]), true
	case jwtapi.DeriveHexDecode:
		out, err := hex.DecodeString(s)
		return string(out), err == nil
	case jwtapi.DeriveHexEncode:
		return hex.EncodeToString(b), true
	case jwtapi.DeriveBase64Decode:
		if enc == nil {
			return "", false
		}
		out, err := enc.DecodeString(s)
		return string(out), err == nil
	case jwtapi.DeriveBase64Encode:
		if enc == nil {
			return "", false
		}
		return enc.EncodeToString(b), true
	}
	return "", false
}

// base64Encoding returns the encoding a base64 method call is made on,
// when its receiver is one of the package's four variables.
func base64Encoding(info *types.Info, call *ast.CallExpr) *base64.Encoding {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	recv, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	v, ok := info.Uses[recv.Sel].(*types.Var)
	if !ok || v.Pkg() == nil || v.Pkg().Path() != "encoding/base64" {
		return nil
	}
	switch v.Name() {
	case "StdEncoding":
		return base64.StdEncoding
	case "URLEncoding":
		return base64.URLEncoding
	case "RawStdEncoding":
		return base64.RawStdEncoding
	case "RawURLEncoding":
		return base64.RawURLEncoding
	}
	return nil
}
