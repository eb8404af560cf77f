package squarejosefix

// The program already uses the replacement elsewhere, so its module is in
// the build and the rewritten import compiles.
import _ "github.com/go-jose/go-jose/v4"
