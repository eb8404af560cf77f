package jwtapi

import (
	"go/constant"
	"strconv"
	"strings"
	"time"
)

// OptionInEffect reports whether a modelled call's Option takes effect,
// given its row's OptionWhen condition on the OptionArg: WithVerify(false)
// switches verification off, WithVerify(true) does not. known is false
// when the condition depends on a value that is not a constant.
func (ix *Index) OptionInEffect(c *Call) (inEffect, known bool) {
	when := c.Func.OptionWhen
	if when == "" {
		return true, true
	}
	arg := c.OptionValue()
	if arg == nil {
		return false, false
	}
	tv, ok := ix.Info.Types[arg]
	if !ok || tv.Value == nil {
		return false, false
	}
	v := tv.Value
	switch {
	case when == "true" || when == "false":
		if v.Kind() != constant.Bool {
			return false, false
		}
		return constant.BoolVal(v) == (when == "true"), true
	case strings.HasPrefix(when, `"`):
		want, err := strconv.Unquote(when)
		if err != nil || v.Kind() != constant.String {
			return false, false
		}
		return constant.StringVal(v) == want, true
	case strings.HasPrefix(when, ">"):
		bound, err := time.ParseDuration(when[1:])
		if err != nil || v.Kind() != constant.Int {
			return false, false
		}
		n, exact := constant.Int64Val(v)
		if !exact {
			return false, false
		}
		return time.Duration(n) > bound, true
	}
	return false, false
}

// OptionCalls returns the modelled calls among the option arguments of c
// (see Options: passed directly, held in variables, spread from slices).
// complete is false when some option cannot be seen or is a library call
// that is not modelled.
func (ix *Index) OptionCalls(c *Call) (opts []*Call, complete bool) {
	o := ix.Options(c)
	return o.Calls, o.Complete && !o.Unmodelled
}

// HasOption reports whether one of c's options in effect has kind k.
// unsure is true when some option cannot be judged (not modelled, not
// visible, or its condition is not a constant).
func (ix *Index) HasOption(c *Call, k OptionKind) (has, unsure bool) {
	opts, complete := ix.OptionCalls(c)
	for _, o := range opts {
		if o.Func.Option != k {
			continue
		}
		in, known := ix.OptionInEffect(o)
		if !known {
			unsure = true
			continue
		}
		if in {
			has = true
		}
	}
	return has, unsure || !complete
}

// Unverifying reports whether c is a VerifyOptIn parse none of whose
// options gives it a key, a key set or remote keys, so it verifies
// nothing. An option that cannot be seen or is not modelled might give
// one: the parse then counts as verifying.
func (ix *Index) Unverifying(c *Call) bool {
	if !c.Func.VerifyOptIn {
		return false
	}
	opts, complete := ix.OptionCalls(c)
	if !complete {
		return false
	}
	for _, o := range opts {
		if o.Func.Key >= 0 || o.Func.Option == OptKeySet || o.Func.RemoteKeys {
			return false
		}
	}
	return true
}

// ChecksNoClaims reports whether the verification c checks no claim: a
// NoExpiryCheck row, or a ValidateOptIn parse that verifies (see
// Unverifying) and is known to have no OptValidate option in effect.
func (ix *Index) ChecksNoClaims(c *Call) bool {
	if c.Func.NoExpiryCheck {
		return true
	}
	if !c.Func.ValidateOptIn || ix.Unverifying(c) {
		// A parse that verifies nothing is unverified's finding.
		return false
	}
	has, unsure := ix.HasOption(c, OptValidate)
	return !has && !unsure
}
