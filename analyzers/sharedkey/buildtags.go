package sharedkey

import (
	"strings"

	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

// checkBuildVariants reports a name defined with the same constant
// secret in files for different build tags (//go:build prod vs dev).
func (c *checker) checkBuildVariants() {
	for _, g := range keyflow.SameAcrossBuilds(c.pass) {
		if !c.variantNameQualified(g.Name) {
			continue
		}
		c.reportKey(g.Name, g.Pos, g.Pos, "jwt secret %s is the same in %s: one secret serves several builds; give each environment its own secret",
			g.Name, strings.Join(g.Files, " and "))
	}
}

// variantNameQualified: the name says it is a JWT secret, or the
// compiled package uses it as a key.
func (c *checker) variantNameQualified(n string) bool {
	parts := strings.Split(strings.TrimSuffix(n, "()"), ".")
	last := parts[len(parts)-1]
	var ctx []string
	for _, p := range parts[:len(parts)-1] {
		ctx = append(ctx, words(p)...)
	}
	if isSecretName(ctx, words(last)) {
		return true
	}
	if obj := c.pass.Pkg.Scope().Lookup(parts[0]); obj != nil {
		if id := c.objID(obj); id != "" {
			if _, ok := c.sinkRoots[id]; ok {
				return true
			}
		}
	}
	return false
}
