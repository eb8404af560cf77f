package jwtapi

import "go/types"

// An AuthAnswer is how the request handlers of one web framework answer a
// request whose token is not valid. A function is such a handler when it
// has a parameter of type Pkg.Type (a pointer to it when Pointer) and its
// results are exactly one error (ReturnsError) or none.
//
// Stmt is the Go code of the answer, one statement a line, with
// placeholders: {param} is the handler's parameter of that type, {pkg}
// the file's name for Pkg and {http} its name for net/http.
type AuthAnswer struct {
	Framework    string
	Pkg, Type    string
	Pointer      bool
	ReturnsError bool
	Stmt         string
}

// AuthAnswers, read from the framework sources of the versions in
// testdata/go.mod: echo's HTTPErrorHandler and fiber's ErrorHandler turn
// the returned *HTTPError / *Error into its status; gin's
// AbortWithStatus writes the status and stops the handler chain.
var AuthAnswers = []AuthAnswer{
	{
		Framework: "net/http",
		Pkg:       "net/http", Type: "ResponseWriter",
		Stmt: "{http}.Error({param}, {http}.StatusText({http}.StatusUnauthorized), {http}.StatusUnauthorized)\nreturn",
	},
	{
		Framework: "gin",
		Pkg:       "github.com/gin-gonic/gin", Type: "Context", Pointer: true,
		Stmt: "{param}.AbortWithStatus({http}.StatusUnauthorized)\nreturn",
	},
	{
		Framework: "echo",
		Pkg:       "github.com/labstack/echo/v4", Type: "Context", ReturnsError: true,
		Stmt: "return {pkg}.ErrUnauthorized",
	},
	{
		Framework: "fiber",
		Pkg:       "github.com/gofiber/fiber/v2", Type: "Ctx", Pointer: true, ReturnsError: true,
		Stmt: "return {pkg}.ErrUnauthorized",
	},
}

// HandlerAnswer returns the answer of the framework whose request handler
// sig is, and the parameter the answer uses; nil when sig is no handler
// of a known framework or that parameter has no usable name.
func HandlerAnswer(sig *types.Signature) (*AuthAnswer, *types.Var) {
	if sig == nil {
		return nil, nil
	}
	res := sig.Results()
	for i := range AuthAnswers {
		a := &AuthAnswers[i]
		if a.ReturnsError {
			if res.Len() != 1 || !types.Identical(res.At(0).Type(), types.Universe.Lookup("error").Type()) {
				continue
			}
		} else if res.Len() != 0 {
			continue
		}
		for p := range sig.Params().Variables() {
			if !isNamed(p.Type(), a.Pkg, a.Type, a.Pointer) {
				continue
			}
			if p.Name() == "" || p.Name() == "_" {
				return nil, nil
			}
			return a, p
		}
	}
	return nil, nil
}

func isNamed(t types.Type, pkg, name string, pointer bool) bool {
	t = types.Unalias(t)
	if pointer {
		p, ok := t.(*types.Pointer)
		if !ok {
			return false
		}
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}
