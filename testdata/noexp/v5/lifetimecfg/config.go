// Package lifetimecfg loads token lifetimes and rejects an access-token
// lifetime that is not positive; the refresh lifetime is not checked.
package lifetimecfg

import (
	"errors"
	"time"
)

type Tokens struct {
	AccessTTL  time.Duration // want AccessTTL:"lifetime-checked"
	RefreshTTL time.Duration
}

// Validate is called at startup.
func (t Tokens) Validate() error {
	if t.AccessTTL <= 0 {
		return errors.New("access token lifetime must be positive")
	}
	return nil
}
