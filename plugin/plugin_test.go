package plugin

import (
	"errors"
	"flag"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers"
)

// modeValue is a flag that validates its own value, like an enum option of
// a real analyzer.
type modeValue struct{ mode string }

func (m *modeValue) String() string {
	if m == nil {
		return ""
	}
	return m.mode
}

func (m *modeValue) Set(s string) error {
	if s != "strict" && s != "loose" {
		return errors.New(`want "strict" or "loose"`)
	}
	m.mode = s
	return nil
}

type fakeFlags struct {
	tests    *bool
	minbytes *int
	funcs    *string
	maxAge   *string
	mode     *modeValue
}

// fakeSuite returns three analyzers with flags of several kinds, so the
// decoding is tested independently of which flags the real rules define.
func fakeSuite() ([]*analysis.Analyzer, *fakeFlags) {
	run := func(*analysis.Pass) (any, error) { return nil, nil }
	alpha := &analysis.Analyzer{Name: "alpha", Doc: "alpha test analyzer", Run: run}
	beta := &analysis.Analyzer{Name: "beta", Doc: "beta test analyzer", Run: run}
	gamma := &analysis.Analyzer{Name: "gamma", Doc: "gamma test analyzer", Run: run}
	ff := &fakeFlags{mode: &modeValue{mode: "strict"}}
	ff.tests = alpha.Flags.Bool("tests", false, "also report in _test.go files")
	ff.minbytes = alpha.Flags.Int("minbytes", 32, "shortest acceptable key")
	ff.funcs = beta.Flags.String("funcs", "", "comma-separated function names")
	ff.maxAge = beta.Flags.String("maxAge", "1h", "a flag with capitals")
	beta.Flags.Var(ff.mode, "mode", "strict or loose")
	return []*analysis.Analyzer{alpha, beta, gamma}, ff
}

func analyzerNames(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func TestSettingsValid(t *testing.T) {
	suite, ff := fakeSuite()
	// The shape golangci-lint passes: what viper made of the YAML.
	conf := map[string]any{
		"alpha": map[string]any{"tests": true, "minbytes": 40},
		"beta":  map[string]any{"funcs": []any{"Sign", "Mint"}, "mode": "loose", "maxage": "2h"},
		"gamma": nil,
	}
	p, err := newPlugin(conf, suite)
	if err != nil {
		t.Fatal(err)
	}
	if !*ff.tests || *ff.minbytes != 40 || *ff.funcs != "Sign,Mint" || ff.mode.mode != "loose" || *ff.maxAge != "2h" {
		t.Errorf("flags after New: tests=%v minbytes=%d funcs=%q mode=%q maxAge=%q",
			*ff.tests, *ff.minbytes, *ff.funcs, ff.mode.mode, *ff.maxAge)
	}
	got, _ := p.BuildAnalyzers()
	if names := analyzerNames(got); !slices.Equal(names, []string{"alpha", "beta", "gamma"}) {
		t.Errorf("BuildAnalyzers = %v, want all three in order", names)
	}

	// A later New starts from the defaults again.
	if _, err := newPlugin(map[string]any{"beta": map[string]any{"mode": "loose"}}, suite); err != nil {
		t.Fatal(err)
	}
	if *ff.tests || *ff.minbytes != 32 || *ff.funcs != "" || *ff.maxAge != "1h" || ff.mode.mode != "loose" {
		t.Errorf("flags not reset by a second New: tests=%v minbytes=%d funcs=%q maxAge=%q mode=%q",
			*ff.tests, *ff.minbytes, *ff.funcs, *ff.maxAge, ff.mode.mode)
	}
	if _, err := newPlugin(nil, suite); err != nil {
		t.Fatal(err)
	}
	if ff.mode.mode != "strict" {
		t.Errorf("mode = %q after New(nil), want the default", ff.mode.mode)
	}
}

func TestSettingsErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		conf any
		want []string // substrings of the error
	}{
		{"unknown analyzer", map[string]any{"alpah": map[string]any{"tests": true}},
			[]string{"settings.alpah", "unknown setting", "alpha, beta, gamma"}},
		{"unknown flag", map[string]any{"alpha": map[string]any{"testz": true}},
			[]string{"settings.alpha.testz", "unknown flag", "minbytes, tests"}},
		{"flag of an analyzer without flags", map[string]any{"gamma": map[string]any{"x": 1}},
			[]string{"settings.gamma.x", "gamma has no flags"}},
		{"bad int", map[string]any{"alpha": map[string]any{"minbytes": "forty"}},
			[]string{"settings.alpha.minbytes", `invalid value "forty"`}},
		{"bad bool", map[string]any{"alpha": map[string]any{"tests": "maybe"}},
			[]string{"settings.alpha.tests", `invalid value "maybe"`}},
		{"value the flag rejects", map[string]any{"beta": map[string]any{"mode": "sloppy"}},
			[]string{"settings.beta.mode", `invalid value "sloppy"`, `want "strict" or "loose"`}},
		{"object value", map[string]any{"alpha": map[string]any{"minbytes": map[string]any{"n": 1}}},
			[]string{"settings.alpha.minbytes", "want a scalar"}},
		{"missing value", map[string]any{"alpha": map[string]any{"minbytes": nil}},
			[]string{"settings.alpha.minbytes", "missing value"}},
		{"analyzer settings not a map", map[string]any{"alpha": "yes"},
			[]string{"settings.alpha", "want a map"}},
		{"disable not a list", map[string]any{"disable": "beta"},
			[]string{"settings.disable", "want a list"}},
		{"disable unknown", map[string]any{"disable": []any{"beta", "delta"}},
			[]string{"settings.disable", `unknown analyzer "delta"`}},
		{"disable all", map[string]any{"disable": []any{"alpha", "beta", "gamma"}},
			[]string{"settings.disable", "every jwtvet analyzer"}},
		{"settings not a map", []any{"alpha"},
			[]string{"settings:", "decoding settings"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			suite, _ := fakeSuite()
			p, err := newPlugin(tc.conf, suite)
			if err == nil {
				t.Fatalf("newPlugin(%v) = %v, want an error", tc.conf, p)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

// A value rejected after other flags were set leaves every flag at its
// default.
func TestSettingsErrorLeavesDefaults(t *testing.T) {
	suite, ff := fakeSuite()
	conf := map[string]any{
		"alpha": map[string]any{"tests": true, "minbytes": 64},
		"beta":  map[string]any{"mode": "sloppy"},
	}
	if _, err := newPlugin(conf, suite); err == nil {
		t.Fatal("want an error")
	}
	if *ff.tests || *ff.minbytes != 32 {
		t.Errorf("after a failed New: tests=%v minbytes=%d, want the defaults", *ff.tests, *ff.minbytes)
	}
}

func TestDisable(t *testing.T) {
	suite, _ := fakeSuite()
	p, err := newPlugin(map[string]any{"disable": []any{"beta"}}, suite)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := p.BuildAnalyzers()
	if names := analyzerNames(got); !slices.Equal(names, []string{"alpha", "gamma"}) {
		t.Errorf("BuildAnalyzers = %v, want [alpha gamma]", names)
	}
	// The returned slice is the caller's to keep.
	got[0] = nil
	again, _ := p.BuildAnalyzers()
	if again[0] == nil {
		t.Error("BuildAnalyzers returned the plugin's own slice")
	}
}

// resetRealFlags puts the real analyzers' flags back to their defaults when
// the test ends.
func resetRealFlags(t *testing.T) {
	t.Cleanup(func() {
		if err := resetFlags(analyzers.Suite()); err != nil {
			t.Error(err)
		}
	})
}

func TestRegistered(t *testing.T) {
	resetRealFlags(t)
	newPlugin, err := register.GetPlugin(Name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode = %q, want %q", mode, register.LoadModeTypesInfo)
	}
	got, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	want := analyzers.Suite()
	if !slices.Equal(got, want) {
		t.Errorf("BuildAnalyzers = %v, want the suite %v", analyzerNames(got), analyzerNames(want))
	}
	if err := analysis.Validate(got); err != nil {
		t.Error(err)
	}
}

func TestRealDisable(t *testing.T) {
	resetRealFlags(t)
	p, err := New(map[string]any{"disable": []any{"sharedkey", "hardcodedkey"}})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := p.BuildAnalyzers()
	var want []*analysis.Analyzer
	for _, a := range analyzers.Suite() {
		if a.Name != "sharedkey" && a.Name != "hardcodedkey" {
			want = append(want, a)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("BuildAnalyzers = %v, want %v", analyzerNames(got), analyzerNames(want))
	}
}

// Every flag the real analyzers define can be configured, here to its own
// default, which must parse back.
func TestRealFlagsConfigurable(t *testing.T) {
	resetRealFlags(t)
	conf := map[string]any{}
	n := 0
	for _, a := range analyzers.Suite() {
		m := map[string]any{}
		a.Flags.VisitAll(func(f *flag.Flag) {
			m[f.Name] = f.DefValue
			n++
		})
		conf[a.Name] = m
	}
	if _, err := New(conf); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d analyzer flags configurable", n)
}

// The settings documented in README.md, with the real flags. Skipped while
// the analyzers do not define them yet.
func TestDocumentedSettings(t *testing.T) {
	resetRealFlags(t)
	type setting struct {
		analyzer, flag string
		value          any // as YAML gives it
		want           string
	}
	documented := []setting{
		{"hardcodedkey", "tests", true, "true"},
		{"weakkey", "minbytes", 40, "40"},
	}
	conf := map[string]any{}
	for _, s := range documented {
		a := analyzers.Lookup(s.analyzer)
		if a == nil || a.Flags.Lookup(s.flag) == nil {
			t.Skipf("%s has no flag %q yet", s.analyzer, s.flag)
		}
		conf[s.analyzer] = map[string]any{s.flag: s.value}
	}
	if _, err := New(conf); err != nil {
		t.Fatal(err)
	}
	for _, s := range documented {
		if got := analyzers.Lookup(s.analyzer).Flags.Lookup(s.flag).Value.String(); got != s.want {
			t.Errorf("%s.%s = %q, want %q", s.analyzer, s.flag, got, s.want)
		}
	}
}

// The real rules refuse values that would silently turn a check off, and
// New reports them as settings errors (golangci-lint exits 3).
func TestRealSettingsRejected(t *testing.T) {
	resetRealFlags(t)
	for _, tc := range []struct {
		analyzer, flag string
		value          any
	}{
		{"weakkey", "minbytes", -5},
		{"weakkey", "minbytes", 0},
		{"weakkey", "minrsabits", 0},
		{"noexp", "maxleeway", "-1h"},
		{"noexp", "maxleeway", "0s"},
	} {
		_, err := New(map[string]any{tc.analyzer: map[string]any{tc.flag: tc.value}})
		key := "settings." + tc.analyzer + "." + tc.flag
		if err == nil || !strings.Contains(err.Error(), key) || !strings.Contains(err.Error(), "invalid value") {
			t.Errorf("%s: %v: error %v, want an invalid value error naming %s", key, tc.value, err, key)
		}
		if f := analyzers.Lookup(tc.analyzer).Flags.Lookup(tc.flag); f.Value.String() != f.DefValue {
			t.Errorf("%s = %s after the refused setting, want the default %s", key, f.Value, f.DefValue)
		}
	}
}
