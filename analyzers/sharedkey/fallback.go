package sharedkey

import (
	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
	"github.com/jwtvet/jwtvet/analyzers/keyflow"
)

const fallbackMsg = "%s falls back to %s when %s is unset (%s): every environment without it shares this secret; fail when it is unset and give each environment its own secret"

// checkFallbacks reports lookups whose constant default reaches a key or
// is named as a JWT secret, unless a startup check rejects the default.
// Defaults it leaves alone are told to importers, which report them when
// they sign with them.
func (c *checker) checkFallbacks() {
	var unreported []*keyflow.FallbackSite
	for _, s := range c.prov.Fallbacks() {
		if c.prov.FailsClosed(s) {
			unreported = append(unreported, s)
			continue
		}
		sink := c.sinkFallbacks[s.ConstPos]
		if !s.ConstPos.IsValid() {
			sink = nil
		}
		for _, r := range s.Roots {
			if sink != nil {
				break
			}
			sink = c.sinkRoots[r.ID]
		}
		if sink != nil || s.Named() {
			c.reportSite(s, sink)
			continue
		}
		c.prov.ExportFallback(s)
		unreported = append(unreported, s)
	}
	c.prov.ExportGetters(unreported)
	c.importedFallbacks()
}

func (c *checker) reportSite(s *keyflow.FallbackSite, sink *jwtapi.KeySink) {
	subject := "jwt secret"
	if sink != nil {
		subject = sinkSubject(sink)
	} else if d := s.Display(); d != "" {
		subject = "jwt secret " + d
	}
	via := s.Lookup.Via
	if !c.sameLine(s.Lookup.Pos, s.Pos) && s.Lookup.Pos.IsValid() {
		via += " at " + c.at(s.Lookup.Pos)
	}
	c.report(s.Pos, s.End, fallbackMsg, subject, s.Where, s.Lookup, via)
}

// importedFallbacks reports keys read from another package's variable,
// field or function whose fallback that package did not report.
func (c *checker) importedFallbacks() {
	done := map[string]bool{}
	for _, s := range c.sinks {
		if c.isReported(s.Key.Pos()) {
			continue
		}
		for _, r := range c.prov.Roots(s.Key) {
			if r.Obj == nil || r.Obj.Pkg() == nil || r.Obj.Pkg() == c.pass.Pkg {
				continue
			}
			var f keyflow.FallbackFact
			if !c.pass.ImportObjectFact(r.Obj, &f) || done[f.Where] {
				continue
			}
			done[f.Where] = true
			c.report(s.Key.Pos(), s.Key.End(), fallbackMsg, sinkSubject(s), f.Where, f.Lookup, f.Via)
			break
		}
	}
}
