// Package plugin is the golangci-lint module plugin of jwtvet. Importing it
// registers the linter "jwtvet", whose analyzers are the jwtvet suite; see
// README.md in this directory for the build and configuration.
//
// Settings (linters.settings.custom.jwtvet.settings in .golangci.yml) have no
// schema of their own: besides "disable", every key is an analyzer name and
// every key under it is one of that analyzer's flags (Analyzer.Flags), so the
// plugin, the jwtvet command and go vet share one definition of each option,
// with its type, default and validation.
package plugin

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/jwtvet/jwtvet/analyzers"
)

// Name is the linter name under which golangci-lint reports every jwtvet
// finding, and the name //nolint comments must use.
const Name = "jwtvet"

func init() {
	register.Plugin(Name, New)
}

// Plugin is the jwtvet linter as golangci-lint sees it.
type Plugin struct {
	analyzers []*analysis.Analyzer
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New builds the plugin from the raw settings golangci-lint passes (the
// value of linters.settings.custom.jwtvet.settings, nil when absent).
//
// Analyzer flags are package-level state shared by every driver in the
// process. New therefore sets them all: each flag goes back to its default,
// then the configured values are applied. golangci-lint calls New once per
// run, before any analysis starts; New must not be called while analyzers
// run, and the last call wins.
func New(conf any) (register.LinterPlugin, error) {
	return newPlugin(conf, analyzers.Suite())
}

// BuildAnalyzers returns the enabled analyzers in the suite's order.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return slices.Clone(p.analyzers), nil
}

// GetLoadMode asks for type information: every jwtvet rule identifies
// library calls by their types.Func, never by name.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// settings is the decoded configuration.
type settings struct {
	disable map[string]bool
	// values holds, per analyzer, each configured flag's canonical name and
	// value text, in key order.
	values map[*analysis.Analyzer][]flagValue
}

type flagValue struct {
	key   string // the setting's path, for errors: "settings.weakkey.minbytes"
	name  string // the flag's own name
	value string
}

const disableKey = "disable"

func newPlugin(conf any, suite []*analysis.Analyzer) (*Plugin, error) {
	s, err := decode(conf, suite)
	if err != nil {
		return nil, err
	}
	if err := apply(s, suite); err != nil {
		// Leave no half-applied configuration behind.
		if rerr := resetFlags(suite); rerr != nil {
			err = errors.Join(err, rerr)
		}
		return nil, err
	}
	var enabled []*analysis.Analyzer
	for _, a := range suite {
		if !s.disable[a.Name] {
			enabled = append(enabled, a)
		}
	}
	if len(enabled) == 0 {
		return nil, fmt.Errorf("settings.%s turns off every jwtvet analyzer; remove %s from linters.enable instead", disableKey, Name)
	}
	return &Plugin{analyzers: enabled}, nil
}

// decode reads the raw settings strictly: an unknown analyzer, flag or
// shape is an error that names the offending setting.
func decode(conf any, suite []*analysis.Analyzer) (*settings, error) {
	raw, err := register.DecodeSettings[map[string]json.RawMessage](conf)
	if err != nil {
		return nil, fmt.Errorf("settings: %w", err)
	}
	s := &settings{disable: map[string]bool{}, values: map[*analysis.Analyzer][]flagValue{}}
	byName := map[string]*analysis.Analyzer{}
	for _, a := range suite {
		byName[a.Name] = a
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, key := range keys {
		val := raw[key]
		if key == disableKey {
			if err := s.decodeDisable(val, byName, suite); err != nil {
				return nil, err
			}
			continue
		}
		a := byName[key]
		if a == nil {
			return nil, fmt.Errorf("settings.%s: unknown setting; want %q or an analyzer name (%s)", key, disableKey, names(suite))
		}
		fvs, err := decodeFlags(a, val)
		if err != nil {
			return nil, err
		}
		s.values[a] = fvs
	}
	return s, nil
}

func (s *settings) decodeDisable(val json.RawMessage, byName map[string]*analysis.Analyzer, suite []*analysis.Analyzer) error {
	var list []string
	if err := json.Unmarshal(val, &list); err != nil {
		return fmt.Errorf("settings.%s: want a list of analyzer names: %v", disableKey, err)
	}
	for _, name := range list {
		if byName[name] == nil {
			return fmt.Errorf("settings.%s: unknown analyzer %q (jwtvet analyzers: %s)", disableKey, name, names(suite))
		}
		s.disable[name] = true
	}
	return nil
}

func decodeFlags(a *analysis.Analyzer, val json.RawMessage) ([]flagValue, error) {
	prefix := "settings." + a.Name
	if isNull(val) { // "hardcodedkey:" with nothing under it
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(val))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: want a map of %s flag names to values: %v", prefix, a.Name, err)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []flagValue
	for _, key := range keys {
		path := prefix + "." + key
		f, err := lookupFlag(a, key)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		text, err := valueText(m[key])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, flagValue{key: path, name: f.Name, value: text})
	}
	return out, nil
}

// lookupFlag finds a flag by name. golangci-lint reads its configuration
// through viper, which lower-cases map keys, so a flag with capitals is
// found by a case-insensitive match when that match is unique.
func lookupFlag(a *analysis.Analyzer, name string) (*flag.Flag, error) {
	if f := a.Flags.Lookup(name); f != nil {
		return f, nil
	}
	var found []*flag.Flag
	a.Flags.VisitAll(func(f *flag.Flag) {
		if strings.EqualFold(f.Name, name) {
			found = append(found, f)
		}
	})
	if len(found) == 1 {
		return found[0], nil
	}
	var all []string
	a.Flags.VisitAll(func(f *flag.Flag) { all = append(all, f.Name) })
	if len(all) == 0 {
		return nil, fmt.Errorf("unknown flag (%s has no flags)", a.Name)
	}
	return nil, fmt.Errorf("unknown flag (%s flags: %s)", a.Name, strings.Join(all, ", "))
}

// valueText turns a YAML/JSON scalar into the text flag.Value.Set parses. A
// list becomes a comma-separated value, the usual form of list flags.
func valueText(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case json.Number:
		return v.String(), nil
	case bool:
		if v {
			return "true", nil
		}
		return "false", nil
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			if _, isList := e.([]any); isList {
				return "", errors.New("want a scalar or a list of scalars, got a nested list")
			}
			s, err := valueText(e)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		return strings.Join(parts, ","), nil
	case nil:
		return "", errors.New("missing value")
	default:
		return "", fmt.Errorf("want a scalar or a list of scalars, got %T", v)
	}
}

func isNull(val json.RawMessage) bool {
	return string(bytes.TrimSpace(val)) == "null"
}

// apply resets every flag of the suite to its default and then sets the
// configured values through the flags themselves, so each flag parses and
// validates its own value.
func apply(s *settings, suite []*analysis.Analyzer) error {
	if err := resetFlags(suite); err != nil {
		return err
	}
	for _, a := range suite {
		for _, fv := range s.values[a] {
			if err := a.Flags.Set(fv.name, fv.value); err != nil {
				return fmt.Errorf("%s: invalid value %q: %v", fv.key, fv.value, err)
			}
		}
	}
	return nil
}

func resetFlags(suite []*analysis.Analyzer) error {
	var errs []error
	for _, a := range suite {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if f.Value.String() == f.DefValue {
				return
			}
			if err := f.Value.Set(f.DefValue); err != nil {
				errs = append(errs, fmt.Errorf("restoring the default of %s flag %s: %v", a.Name, f.Name, err))
			}
		})
	}
	return errors.Join(errs...)
}

func names(suite []*analysis.Analyzer) string {
	s := make([]string, len(suite))
	for i, a := range suite {
		s[i] = a.Name
	}
	return strings.Join(s, ", ")
}
