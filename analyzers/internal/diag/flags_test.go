package diag

import (
	"flag"
	"io"
	"strings"
	"testing"
	"time"
)

func TestBoundedFlags(t *testing.T) {
	var (
		n int
		d time.Duration
	)
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	MinIntVar(fs, &n, "min", 32, 1, "a size")
	PositiveDurationVar(fs, &d, "leeway", time.Hour, "a duration")
	if n != 32 || d != time.Hour || fs.Lookup("min").DefValue != "32" || fs.Lookup("leeway").DefValue != "1h0m0s" {
		t.Fatalf("defaults: n=%d d=%v, DefValues %q %q", n, d, fs.Lookup("min").DefValue, fs.Lookup("leeway").DefValue)
	}
	for _, tc := range []struct {
		arg, want string // want: "" for accepted, else a substring of the error
	}{
		{"-min=1", ""},
		{"-min=48", ""},
		{"-min=0", "want 1 or more"},
		{"-min=-5", "want 1 or more"},
		{"-min=ten", "want an integer"},
		{"-leeway=30s", ""},
		{"-leeway=0", "above zero"},
		{"-leeway=-1h", "above zero"},
		{"-leeway=1", "want a duration"},
	} {
		n, d = 32, time.Hour
		err := fs.Parse([]string{tc.arg})
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.arg, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: error %v, want one containing %q", tc.arg, err, tc.want)
		case tc.want != "" && (n != 32 || d != time.Hour):
			t.Errorf("%s: a refused value was stored: n=%d d=%v", tc.arg, n, d)
		}
	}
	if err := fs.Parse([]string{"-min=48", "-leeway=30s"}); err != nil || n != 48 || d != 30*time.Second {
		t.Errorf("after -min=48 -leeway=30s: n=%d d=%v err=%v", n, d, err)
	}
	if got := fs.Lookup("min").Value.String() + " " + fs.Lookup("leeway").Value.String(); got != "48 30s" {
		t.Errorf("String() = %q", got)
	}
}
