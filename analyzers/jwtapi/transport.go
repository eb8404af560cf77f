package jwtapi

import (
	"go/types"
)

// This file models where a token leaves the program: cookies set on a
// response, and requests the program sends. The cleartext rule follows a
// signed token (a Func row with TokenResult) into these rows.

// CookieType is a struct type that describes a cookie, and the names of
// its fields.
type CookieType struct {
	Pkg, Name               string
	Value, Secure, HTTPOnly string
	// Enable is the field of a middleware configuration that makes the
	// middleware set its own tokens in a cookie when true (gin-jwt's
	// SendCookie); Value is then empty: the token is the middleware's.
	Enable string
}

// TransportKind says what a transport call does with its arguments.
type TransportKind uint8

const (
	// SetCookie sets a cookie on a response: its Cookie argument is a
	// cookie struct, or the call takes the cookie's Value, Secure and
	// HTTPOnly as arguments (gin's Context.SetCookie).
	SetCookie TransportKind = iota + 1
	// RequestCookie adds its Cookie argument to the receiver, an outgoing
	// request: the cookie's Secure flag means nothing there, the
	// request's URL decides.
	RequestCookie
	// SetHeader sets the header named by its Key argument to its Value
	// argument, on the header map that is the receiver.
	SetHeader
	// NewRequest builds an outgoing request to its URL argument.
	NewRequest
	// SendRequest sends a request to its URL argument at once
	// (http.Get, (*http.Client).Post).
	SendRequest
)

// Transport is one call that sends a value over the network or builds
// what will. Argument indexes are -1 when absent.
type Transport struct {
	Pkg, Recv, Name string
	Kind            TransportKind
	Cookie          int
	Value           int
	Secure          int
	HTTPOnly        int
	Key             int
	URL             int
}

// SetCookieHeader is the response header that sets a cookie, and
// SecureAttribute the attribute of its value that keeps the cookie off
// plain HTTP (RFC 6265 §4.1): w.Header().Add("Set-Cookie", …) written by
// hand.
const (
	SetCookieHeader = "Set-Cookie"
	SecureAttribute = "Secure"
)

// RequestHeaderField is the field of net/http's Request that holds its
// header map: req.Header.Set(…) sets a header of req.
const RequestHeaderField = "Header"

func transport(pkg, recv, name string, kind TransportKind, set func(*Transport)) *Transport {
	t := &Transport{Pkg: pkg, Recv: recv, Name: name, Kind: kind, Cookie: -1, Value: -1, Secure: -1, HTTPOnly: -1, Key: -1, URL: -1}
	if set != nil {
		set(t)
	}
	return t
}

const (
	netHTTP  = "net/http"
	ginPkg   = "github.com/gin-gonic/gin"
	echoPkg  = "github.com/labstack/echo/v4"
	fiberPkg = "github.com/gofiber/fiber/v2"
)

var cookieTypes = []*CookieType{
	{Pkg: netHTTP, Name: "Cookie", Value: "Value", Secure: "Secure", HTTPOnly: "HttpOnly"},
	// fiber's own cookie type spells the flag HTTPOnly.
	{Pkg: fiberPkg, Name: "Cookie", Value: "Value", Secure: "Secure", HTTPOnly: "HTTPOnly"},
	// gin-jwt's middleware sets the token it mints at login and refresh in
	// a cookie when SendCookie is true, Secure only with SecureCookie
	// (false by default; auth_jwt.go, LoginHandler and RefreshHandler).
	{Pkg: ginJWTPkg, Name: "GinJWTMiddleware", Enable: "SendCookie", Secure: "SecureCookie", HTTPOnly: "CookieHTTPOnly"},
}

// transports: net/http's SetCookie(w, c); echo's Context.SetCookie(c),
// which calls http.SetCookie on the response; gin's
// Context.SetCookie(name, value, maxAge, path, domain, secure, httpOnly);
// fiber's Ctx.Cookie(c); and for requests http.NewRequest(method, url,
// body), NewRequestWithContext(ctx, method, url, body), (*Request).AddCookie
// and Header.Set/Add (a request's header when the receiver is its Header
// field); http.Get, Head, Post and PostForm (and the Client methods) send
// at once to their URL argument.
var transports = []*Transport{
	transport(netHTTP, "", "SetCookie", SetCookie, func(t *Transport) { t.Cookie = 1 }),
	transport(echoPkg, "Context", "SetCookie", SetCookie, func(t *Transport) { t.Cookie = 0 }),
	transport(ginPkg, "Context", "SetCookie", SetCookie, func(t *Transport) { t.Value, t.Secure, t.HTTPOnly = 1, 5, 6 }),
	transport(fiberPkg, "Ctx", "Cookie", SetCookie, func(t *Transport) { t.Cookie = 0 }),
	transport(netHTTP, "Request", "AddCookie", RequestCookie, func(t *Transport) { t.Cookie = 0 }),
	transport(netHTTP, "Header", "Set", SetHeader, func(t *Transport) { t.Key, t.Value = 0, 1 }),
	transport(netHTTP, "Header", "Add", SetHeader, func(t *Transport) { t.Key, t.Value = 0, 1 }),
	transport(netHTTP, "", "NewRequest", NewRequest, func(t *Transport) { t.URL = 1 }),
	transport(netHTTP, "", "NewRequestWithContext", NewRequest, func(t *Transport) { t.URL = 2 }),
	transport(netHTTP, "", "Get", SendRequest, func(t *Transport) { t.URL = 0 }),
	transport(netHTTP, "", "Head", SendRequest, func(t *Transport) { t.URL = 0 }),
	transport(netHTTP, "", "Post", SendRequest, func(t *Transport) { t.URL = 0 }),
	transport(netHTTP, "", "PostForm", SendRequest, func(t *Transport) { t.URL = 0 }),
	transport(netHTTP, "Client", "Get", SendRequest, func(t *Transport) { t.URL = 0 }),
	transport(netHTTP, "Client", "Head", SendRequest, func(t *Transport) { t.URL = 0 }),
	transport(netHTTP, "Client", "Post", SendRequest, func(t *Transport) { t.URL = 0 }),
	transport(netHTTP, "Client", "PostForm", SendRequest, func(t *Transport) { t.URL = 0 }),
}

var (
	transportIndex  = indexTransports(transports)
	cookieTypeIndex = indexCookieTypes(cookieTypes)
)

func indexTransports(rows []*Transport) map[modelKey]*Transport {
	out := make(map[modelKey]*Transport, len(rows))
	for _, t := range rows {
		out[key(t.Pkg, t.Recv, t.Name)] = t
	}
	return out
}

func indexCookieTypes(rows []*CookieType) map[modelKey]*CookieType {
	out := make(map[modelKey]*CookieType, len(rows))
	for _, c := range rows {
		out[key(c.Pkg, "", c.Name)] = c
	}
	return out
}

// Transport returns the transport row of fn, or nil.
func (m *Model) Transport(fn *types.Func) *Transport {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	fn = fn.Origin()
	return transportIndex[funcKey(fn)]
}

// CookieType returns the cookie row of t (or of what t points to), or nil.
func (m *Model) CookieType(t types.Type) *CookieType {
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return nil
	}
	return cookieTypeIndex[key(n.Obj().Pkg().Path(), "", n.Obj().Name())]
}

// CookieTypes returns every cookie row, for docs and coverage checks.
func (m *Model) CookieTypes() []*CookieType { return cookieTypes }

// TransportPackages are the packages that hold transport rows: a package
// that imports none of them sends no token anywhere jwtvet can see.
func (m *Model) TransportPackages() map[string]bool {
	out := make(map[string]bool)
	for _, t := range transports {
		out[t.Pkg] = true
	}
	return out
}
