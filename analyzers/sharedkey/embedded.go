package sharedkey

import (
	"strings"

	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// checkEmbedded reports embedded per-environment config files that hold
// the same value under a JWT-secret key.
func (c *checker) checkEmbedded() {
	for _, g := range keyflow.SameInEmbedded(c.pass) {
		if !keyflow.IsSecretName(g.Context, g.Leaf) {
			continue
		}
		c.reportKey(g.Key+"|"+strings.Join(g.Files, ","), g.Pos, g.Pos, "jwt secret %s is the same in embedded %s: one secret serves several environments; give each environment its own secret",
			g.Key, joinAnd(g.Files))
	}
}

func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}
