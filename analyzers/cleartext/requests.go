package cleartext

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

// requestURL returns the plain-HTTP, non-loopback URL (scheme and host)
// that the request e was built for, or "" when it was built for another
// URL or its URL is not a literal.
func (c *checker) requestURL(e ast.Expr) string {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return ""
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return ""
	}
	defs, _ := c.ix.Defs.Of(v)
	url := ""
	for _, d := range defs {
		call, ok := ast.Unparen(d.Expr).(*ast.CallExpr)
		if !ok || d.Index > 0 {
			return ""
		}
		t := c.ix.Model.TransportCallOf(c.info, call)
		if t == nil || t.Kind != jwtapi.NewRequest {
			return ""
		}
		u := c.plainURL(t.URL)
		if u == "" || (url != "" && u != url) {
			return ""
		}
		url = u
	}
	return url
}

// plainURL returns "http://host" when e is a literal http:// URL (a
// constant, a constant prefix of a concatenation, or the format of
// fmt.Sprintf) whose host is not loopback; "" otherwise.
func (c *checker) plainURL(e ast.Expr) string {
	s, whole := c.constPrefix(e)
	if len(s) < len("http://") || !strings.EqualFold(s[:len("http://")], "http://") {
		return ""
	}
	rest := s[len("http://"):]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		if !whole {
			return "" // the host is built at run time
		}
		end = len(rest)
	}
	host := rest[:end]
	if i := strings.LastIndex(host, "@"); i >= 0 {
		host = host[i+1:]
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.ToLower(strings.Trim(host, "[]"))
	if host == "" || strings.ContainsAny(host, "%{") || loopback(host) {
		return ""
	}
	return "http://" + host
}

// loopback reports whether host names this machine.
func loopback(host string) bool {
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && (ip.IsLoopback() || ip.IsUnspecified())
}

// constPrefix returns the constant text e starts with, and whether that
// is all of e.
func (c *checker) constPrefix(e ast.Expr) (string, bool) { return c.prefix(e, 0) }

func (c *checker) prefix(e ast.Expr, depth int) (string, bool) {
	if e == nil || depth > maxDepth {
		return "", false
	}
	e = ast.Unparen(e)
	if tv, ok := c.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	switch x := e.(type) {
	case *ast.Ident:
		// A local variable defined once: url := fmt.Sprintf(…).
		if v, ok := c.info.Uses[x].(*types.Var); ok {
			if defs, ok := c.ix.Defs.Of(v); ok && len(defs) == 1 && defs[0].Index < 0 {
				return c.prefix(defs[0].Expr, depth+1)
			}
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			s, _ := c.prefix(x.X, depth+1)
			return s, false
		}
	case *ast.CallExpr:
		if format, operands, ok := jwtapi.SprintfFormat(c.info, x); ok {
			s, _ := c.prefix(format, depth+1)
			if i := strings.Index(s, "%"); i >= 0 {
				return s[:i], false
			}
			return s, len(operands) == 0
		}
	}
	return "", false
}

// requestHeader checks req.Header.Set(name, value) on a request to a
// plain-HTTP URL.
func (c *checker) requestHeader(call *ast.CallExpr, t *jwtapi.TransportCall) {
	if t.Request == nil {
		return
	}
	url := c.requestURL(t.Request)
	if url == "" {
		return
	}
	api, ok := c.flow.HoldsToken(t.Value)
	if !ok {
		return
	}
	header := "a"
	if s, whole := c.constPrefix(t.Key); whole && s != "" {
		header = "the " + s
	}
	c.report(analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: fmt.Sprintf("JWT from %s is sent in %s header of a request to %s, readable by anyone on the path: use https", api, header, url),
	})
}

// requestCookie checks req.AddCookie(cookie) on a request to a plain-HTTP
// URL: the cookie's Secure flag does not protect a request.
func (c *checker) requestCookie(call *ast.CallExpr, t *jwtapi.TransportCall) {
	if t.Request == nil {
		return
	}
	url := c.requestURL(t.Request)
	if url == "" {
		return
	}
	for _, ck := range c.cookies(t.Cookie, 0) {
		for _, s := range c.settings(ck, ck.typ.Value) {
			if api, ok := c.flow.HoldsToken(s.value); ok {
				c.report(analysis.Diagnostic{
					Pos:     call.Pos(),
					End:     call.End(),
					Message: fmt.Sprintf("JWT from %s is sent in a cookie of a request to %s, readable by anyone on the path: use https", api, url),
				})
				return
			}
		}
	}
}

// requestURLToken checks a request whose literal http:// URL carries a
// token (a query parameter or a path segment).
func (c *checker) requestURLToken(call *ast.CallExpr, t *jwtapi.TransportCall) {
	u := t.URL
	url := c.plainURL(u)
	if url == "" {
		return
	}
	api, ok := c.flow.HoldsToken(u)
	if !ok {
		return
	}
	c.report(analysis.Diagnostic{
		Pos:     u.Pos(),
		End:     u.End(),
		Message: fmt.Sprintf("JWT from %s is sent in the URL of a request to %s, readable by anyone on the path: use https", api, url),
	})
}
