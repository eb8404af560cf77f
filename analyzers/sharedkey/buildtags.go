package sharedkey

import (
	"strings"

	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// checkBuildVariants reports a name defined with the same constant
// secret in files for different build tags (//go:build prod vs dev)
// when the name says it is a JWT secret or the compiled package uses it
// as a key.
func (c *checker) checkBuildVariants() {
	for _, g := range keyflow.SameAcrossBuilds(c.pass) {
		if keyflow.IsSecretName(g.Context, g.Leaf) || g.Obj != nil && c.readBySink([]keyflow.Root{{ID: c.prov.ObjID(g.Obj)}}) {
			c.reportKey(g.Name, g.Pos, g.Pos, "jwt secret %s is the same in %s: one secret serves several builds; give each environment its own secret",
				g.Name, strings.Join(g.Files, " and "))
		}
	}
}
