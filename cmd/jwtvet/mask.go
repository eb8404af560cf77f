package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"strconv"
	"strings"
)

// Context lines (-c N) show source, and source is where hardcoded keys
// live: the offending line of a hardcodedkey or sharedkey finding often is
// the key literal itself, and the lines around any finding may hold one.
// jwtvet never prints a secret value, so context lines are printed with
// every string literal masked, and with the elements of byte-slice and
// byte-array literals ([]byte{0x73, ...}) masked too. Masking every
// literal rather than the ones a finding names is deliberate: a key two
// lines away from an unrelated finding is as secret, and the literals a
// rule reports are not all within its diagnostic's range.

// secretMask replaces the contents of a masked literal.
const secretMask = "***"

// publicWords are the literals left visible: the names of the JOSE
// algorithms (RFC 7518, with "none"), of the registered claims (RFC 7519)
// and of the common header parameters. They are the vocabulary of the
// findings (alg "none" allowed, no "exp" claim), public by definition,
// and an application that used one of them as its key has a finding
// whose message says so.
var publicWords = map[string]bool{
	"none":  true,
	"HS256": true, "HS384": true, "HS512": true,
	"RS256": true, "RS384": true, "RS512": true,
	"ES256": true, "ES384": true, "ES512": true,
	"PS256": true, "PS384": true, "PS512": true,
	"EdDSA": true,
	"iss":   true, "sub": true, "aud": true, "exp": true, "nbf": true, "iat": true, "jti": true,
	"alg": true, "kid": true, "typ": true, "JWT": true,
}

// maskedLines reads source files once, masks their literals and splits
// them into lines.
type maskedLines map[string][]string

func (c maskedLines) get(filename string) []string {
	lines, ok := c[filename]
	if !ok {
		data, _ := os.ReadFile(filename)
		lines = strings.Split(strings.TrimSuffix(string(maskLiterals(data)), "\n"), "\n")
		c[filename] = lines
	}
	return lines
}

// maskLiterals returns src with the contents of its string literals and
// of the elements of its byte-slice literals replaced by secretMask. Line
// breaks are kept, so line numbers stay right; columns after a masked
// literal move.
func maskLiterals(src []byte) []byte {
	var spans [][2]int // byte ranges to mask, in order, not overlapping
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "", src, parser.SkipObjectResolution)
	if err == nil {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind == token.STRING && !isPublicWord(n.Value) {
					spans = append(spans, interior(fset, n))
				}
			case *ast.CompositeLit:
				if !isByteArray(n.Type) {
					return true
				}
				for _, elt := range n.Elts {
					if lit, ok := elt.(*ast.BasicLit); ok && (lit.Kind == token.INT || lit.Kind == token.CHAR) {
						spans = append(spans, [2]int{fset.Position(lit.Pos()).Offset, fset.Position(lit.End()).Offset})
					}
				}
			}
			return true
		})
	} else {
		// Not Go that parses: mask what the scanner calls strings.
		var s scanner.Scanner
		f := fset.AddFile("", -1, len(src))
		s.Init(f, src, nil, 0)
		for {
			pos, tok, lit := s.Scan()
			if tok == token.EOF {
				break
			}
			if tok == token.STRING {
				off := f.Offset(pos)
				spans = append(spans, [2]int{off + 1, off + len(lit) - 1})
			}
		}
	}
	if len(spans) == 0 {
		return src
	}
	var out bytes.Buffer
	last := 0
	for _, sp := range spans {
		start, end := sp[0], sp[1]
		if start < last || end < start || end > len(src) {
			continue
		}
		out.Write(src[last:start])
		for i, seg := range bytes.Split(src[start:end], []byte("\n")) {
			if i > 0 {
				out.WriteByte('\n')
			}
			if len(bytes.TrimSpace(seg)) > 0 || (i == 0 && end == start) {
				out.WriteString(secretMask)
			}
		}
		last = end
	}
	out.Write(src[last:])
	return out.Bytes()
}

func isPublicWord(lit string) bool {
	s, err := strconv.Unquote(lit)
	return err == nil && publicWords[s]
}

// interior is the byte range of a string literal between its quotes.
func interior(fset *token.FileSet, lit *ast.BasicLit) [2]int {
	start := fset.Position(lit.Pos()).Offset
	return [2]int{start + 1, start + len(lit.Value) - 1}
}

// isByteArray reports whether a composite literal's type is written as
// []byte, [N]byte or the same with uint8.
func isByteArray(typ ast.Expr) bool {
	at, ok := typ.(*ast.ArrayType)
	if !ok {
		return false
	}
	id, ok := at.Elt.(*ast.Ident)
	return ok && (id.Name == "byte" || id.Name == "uint8")
}
