package diag

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"time"
)

// Rule flags refuse values that make no sense in Set, so every driver
// rejects them the same way: the jwtvet command and go vet with a usage
// error, the golangci-lint plugin with a settings error. A negative
// minimum key size, say, would otherwise be taken and silently turn a
// check off.

// minInt is an int flag with a lower bound.
type minInt struct {
	p   *int
	min int
}

// MinIntVar defines an int flag that refuses values below minimum.
func MinIntVar(fs *flag.FlagSet, p *int, name string, value, minimum int, usage string) {
	*p = value
	fs.Var(&minInt{p, minimum}, name, usage)
}

func (v *minInt) Set(s string) error {
	n, err := strconv.ParseInt(s, 0, strconv.IntSize)
	if err != nil {
		return errors.New("want an integer")
	}
	if int(n) < v.min {
		return fmt.Errorf("want %d or more", v.min)
	}
	*v.p = int(n)
	return nil
}

func (v *minInt) String() string {
	if v == nil || v.p == nil {
		return "0"
	}
	return strconv.Itoa(*v.p)
}

func (v *minInt) Get() any { return *v.p }

// positiveDuration is a duration flag that must be above zero.
type positiveDuration struct{ p *time.Duration }

// PositiveDurationVar defines a duration flag that refuses zero and
// negative durations.
func PositiveDurationVar(fs *flag.FlagSet, p *time.Duration, name string, value time.Duration, usage string) {
	*p = value
	fs.Var(&positiveDuration{p}, name, usage)
}

func (v *positiveDuration) Set(s string) error {
	d, err := time.ParseDuration(s)
	if err != nil {
		return errors.New("want a duration such as 30s, 5m or 1h")
	}
	if d <= 0 {
		return errors.New("want a duration above zero")
	}
	*v.p = d
	return nil
}

func (v *positiveDuration) String() string {
	if v == nil || v.p == nil {
		return "0s"
	}
	return v.p.String()
}

func (v *positiveDuration) Get() any { return *v.p }
