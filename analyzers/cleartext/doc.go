package cleartext

// doc is the Analyzer's documentation: the first line is the summary shown
// by `jwtvet help`, the rest explains what is reported.
const doc = `report JWTs sent in insecure cookies or over plain HTTP

A bearer token is the session: whoever reads it acts as the user until it
expires. The cleartext analyzer follows a token from the call that signs it
(SignedString, jwt.Sign, a go-jose builder's Serialize, …) through
variables, struct fields, function results and parameters, and across
packages, and reports it when it is

  - set in a cookie without Secure: a net/http http.Cookie (or fiber
    Cookie) passed to http.SetCookie, echo's Context.SetCookie or fiber's
    Ctx.Cookie whose Secure is unset or the constant false, or gin's
    Context.SetCookie with secure false, a Set-Cookie header written by hand
    without the Secure attribute, or gin-jwt's GinJWTMiddleware with
    SendCookie and no SecureCookie: browsers send such a cookie over plain
    HTTP too;
  - sent in a header, a cookie or the URL of a request (http.NewRequest,
    http.Get, …) to a literal http:// URL whose host is not loopback.

Cookies that hold no token, Secure set from a flag or a setting, https
URLs and loopback hosts (localhost, 127.0.0.1, ::1) are not reported.

The fix sets Secure: true, and HttpOnly: true when the cookie does not
set it, in the literal or after the assignment of the token; for gin it
passes true as the secure argument. Requests get no fix: the service must
be reachable over https first.`
