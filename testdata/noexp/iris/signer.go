// Package iris builds iris middleware/jwt signers. It exercises noexp on
// NewSigner with a max age of 0 (reported) and 15 minutes (silent).
package iris

import (
	"os"
	"time"

	"github.com/kataras/iris/v12/middleware/jwt"
)

var key = []byte(os.Getenv("JWT_SECRET"))

var forever = jwt.NewSigner(jwt.HS256, key, 0) // want `jwt.NewSigner with a max age of 0s mints tokens without an exp claim`

// Negatives.

var access = jwt.NewSigner(jwt.HS256, key, 15*time.Minute)

var _, _ = forever, access
