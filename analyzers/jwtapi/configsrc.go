package jwtapi

import (
	"go/types"
	"reflect"
	"strings"
)

// Configuration sources as data: the functions, methods and struct tags
// through which a program reads a setting from outside its source (an
// environment variable, a command-line flag, a config key). keyflow,
// sharedkey and weakkey read these rows; adding a source is adding a row.

// ConfigReads is what a configuration source reads. Its value is the
// phrase the rules print ("environment variable NAME").
type ConfigReads string

const (
	ReadsEnv       ConfigReads = "environment variable"
	ReadsFlag      ConfigReads = "flag"
	ReadsConfigKey ConfigReads = "config key"
	ReadsFile      ConfigReads = "config file"
)

// ConfigSource is one way of reading a setting: a function or method
// (Pkg, Recv, Name) or a struct tag key (Tag).
type ConfigSource struct {
	// A function (Recv empty) or method of the named type Recv.
	Pkg, Recv, Name string
	// A struct tag key. Exactly one of Name and Tag is set.
	Tag string

	Reads ConfigReads

	// Function rows: argument indexes, or -1. NameArg holds the setting's
	// name, DefaultArg a default value the call registers or returns
	// when the setting is unset, PtrArg the variable the setting is
	// written to (flag.StringVar).
	NameArg, DefaultArg, PtrArg int
	// Handle: the result is a handle on the setting (flag.Lookup's
	// *flag.Flag), not its value.
	Handle bool
	// TellsUnset: the program can tell an unset setting from an empty
	// one (os.LookupEnv's second result).
	TellsUnset bool
	// Followed: keyflow gives the call's value the origin of a value
	// read from outside the program (keyflow.Env).
	Followed bool

	// Tag rows. TagDefault: the tag's value is the field's default; with
	// TagOption, the default is that option of the tag's value
	// ("NAME,default=x"). Otherwise the tag names the setting.
	TagDefault bool
	TagOption  string
	// Loader: a configuration loader fills a field with this tag from
	// outside the program; false for tags that also serve other
	// purposes (json).
	Loader bool
}

// IsFunc reports whether the row is a function or method.
func (r *ConfigSource) IsFunc() bool { return r.Name != "" }

// RegistersDefault reports whether the row is a function that gives a
// setting a default value.
func (r *ConfigSource) RegistersDefault() bool { return r.IsFunc() && r.DefaultArg >= 0 }

// IsGetter reports whether the row is a function that returns the value
// of a setting it names.
func (r *ConfigSource) IsGetter() bool {
	return r.IsFunc() && r.DefaultArg < 0 && r.NameArg >= 0 && !r.Handle
}

// ConfigSources is the table. The order of tag rows is the order in which
// the rules try a field's tags.
var ConfigSources = []ConfigSource{
	// Environment.
	{Pkg: "os", Name: "Getenv", Reads: ReadsEnv, NameArg: 0, DefaultArg: -1, PtrArg: -1, Followed: true},
	{Pkg: "os", Name: "LookupEnv", Reads: ReadsEnv, NameArg: 0, DefaultArg: -1, PtrArg: -1, TellsUnset: true, Followed: true},
	{Pkg: "syscall", Name: "Getenv", Reads: ReadsEnv, NameArg: 0, DefaultArg: -1, PtrArg: -1, Followed: true},

	// Command-line flags.
	{Pkg: "flag", Name: "String", Reads: ReadsFlag, NameArg: 0, DefaultArg: 1, PtrArg: -1, Followed: true},
	{Pkg: "flag", Name: "StringVar", Reads: ReadsFlag, NameArg: 1, DefaultArg: 2, PtrArg: 0},
	{Pkg: "flag", Name: "Arg", Reads: ReadsFlag, NameArg: -1, DefaultArg: -1, PtrArg: -1, Followed: true},
	{Pkg: "flag", Name: "Lookup", Reads: ReadsFlag, NameArg: 0, DefaultArg: -1, PtrArg: -1, Handle: true, Followed: true},
	{Pkg: "flag", Recv: "FlagSet", Name: "String", Reads: ReadsFlag, NameArg: 0, DefaultArg: 1, PtrArg: -1},
	{Pkg: "flag", Recv: "FlagSet", Name: "StringVar", Reads: ReadsFlag, NameArg: 1, DefaultArg: 2, PtrArg: 0},
	{Pkg: "github.com/spf13/pflag", Name: "String", Reads: ReadsFlag, NameArg: 0, DefaultArg: 1, PtrArg: -1},
	{Pkg: "github.com/spf13/pflag", Name: "StringP", Reads: ReadsFlag, NameArg: 0, DefaultArg: 2, PtrArg: -1},
	{Pkg: "github.com/spf13/pflag", Name: "StringVar", Reads: ReadsFlag, NameArg: 1, DefaultArg: 2, PtrArg: 0},
	{Pkg: "github.com/spf13/pflag", Name: "StringVarP", Reads: ReadsFlag, NameArg: 1, DefaultArg: 3, PtrArg: 0},
	{Pkg: "github.com/spf13/pflag", Recv: "FlagSet", Name: "String", Reads: ReadsFlag, NameArg: 0, DefaultArg: 1, PtrArg: -1},
	{Pkg: "github.com/spf13/pflag", Recv: "FlagSet", Name: "StringP", Reads: ReadsFlag, NameArg: 0, DefaultArg: 2, PtrArg: -1},
	{Pkg: "github.com/spf13/pflag", Recv: "FlagSet", Name: "StringVar", Reads: ReadsFlag, NameArg: 1, DefaultArg: 2, PtrArg: 0},
	{Pkg: "github.com/spf13/pflag", Recv: "FlagSet", Name: "StringVarP", Reads: ReadsFlag, NameArg: 1, DefaultArg: 3, PtrArg: 0},

	// viper.
	{Pkg: "github.com/spf13/viper", Name: "SetDefault", Reads: ReadsConfigKey, NameArg: 0, DefaultArg: 1, PtrArg: -1},
	{Pkg: "github.com/spf13/viper", Recv: "Viper", Name: "SetDefault", Reads: ReadsConfigKey, NameArg: 0, DefaultArg: 1, PtrArg: -1},
	{Pkg: "github.com/spf13/viper", Name: "GetString", Reads: ReadsConfigKey, NameArg: 0, DefaultArg: -1, PtrArg: -1},
	{Pkg: "github.com/spf13/viper", Name: "Get", Reads: ReadsConfigKey, NameArg: 0, DefaultArg: -1, PtrArg: -1},
	{Pkg: "github.com/spf13/viper", Recv: "Viper", Name: "GetString", Reads: ReadsConfigKey, NameArg: 0, DefaultArg: -1, PtrArg: -1},
	{Pkg: "github.com/spf13/viper", Recv: "Viper", Name: "Get", Reads: ReadsConfigKey, NameArg: 0, DefaultArg: -1, PtrArg: -1},

	// Struct tags that give a field a default: envconfig, creasty/defaults
	// and similar `default`; caarlos0/env `envDefault`; cleanenv
	// `env-default`; sethvargo/go-envconfig `env:"NAME, default=…"`.
	{Tag: "default", Reads: ReadsEnv, TagDefault: true},
	{Tag: "envDefault", Reads: ReadsEnv, TagDefault: true},
	{Tag: "env-default", Reads: ReadsEnv, TagDefault: true},
	{Tag: "env", Reads: ReadsEnv, TagDefault: true, TagOption: "default="},

	// Struct tags that name the setting a field is filled from.
	{Tag: "env", Reads: ReadsEnv, Loader: true},
	{Tag: "envconfig", Reads: ReadsEnv, Loader: true},
	{Tag: "mapstructure", Reads: ReadsConfigKey, Loader: true},
	{Tag: "koanf", Reads: ReadsConfigKey, Loader: true},
	{Tag: "yaml", Reads: ReadsFile, Loader: true},
	{Tag: "toml", Reads: ReadsFile, Loader: true},
	{Tag: "json", Reads: ReadsFile},
}

// configFuncs indexes the function rows by package, receiver and name.
var configFuncs = func() map[[3]string]*ConfigSource {
	m := make(map[[3]string]*ConfigSource)
	for i := range ConfigSources {
		if r := &ConfigSources[i]; r.IsFunc() {
			m[[3]string{r.Pkg, r.Recv, r.Name}] = r
		}
	}
	return m
}()

// ConfigSourceOf returns the row of fn, or nil.
func ConfigSourceOf(fn *types.Func) *ConfigSource {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	recv := ""
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			recv = n.Obj().Name()
		}
	}
	return configFuncs[[3]string{fn.Pkg().Path(), recv, fn.Name()}]
}

// ConfigPackages returns the packages of the function rows: importing one
// can make a value depend on the environment, a flag or a config key.
func ConfigPackages() map[string]bool {
	m := make(map[string]bool)
	for _, r := range ConfigSources {
		if r.IsFunc() {
			m[r.Pkg] = true
		}
	}
	return m
}

// DefaultTags returns the rows of struct tags that give a field a default,
// in table order.
func DefaultTags() []*ConfigSource {
	var out []*ConfigSource
	for i := range ConfigSources {
		if r := &ConfigSources[i]; r.Tag != "" && r.TagDefault {
			out = append(out, r)
		}
	}
	return out
}

// NameTags returns the rows of struct tags that name the setting a field
// is filled from, in table order.
func NameTags() []*ConfigSource {
	var out []*ConfigSource
	for i := range ConfigSources {
		if r := &ConfigSources[i]; r.Tag != "" && !r.TagDefault {
			out = append(out, r)
		}
	}
	return out
}

// TagDefault returns the default a struct tag gives a field, and the key
// of the tag that gives it: the first default-tag row, in table order,
// that yields a non-empty value.
func TagDefault(tag reflect.StructTag) (def, key string) {
	for _, r := range DefaultTags() {
		v, ok := tag.Lookup(r.Tag)
		if !ok {
			continue
		}
		if r.TagOption != "" {
			v = tagOption(v, r.TagOption)
		}
		if v != "" {
			return v, r.Tag
		}
	}
	return "", ""
}

// tagOption returns the value of opt ("default=") among the
// comma-separated options of a tag value.
func tagOption(v, opt string) string {
	for _, part := range strings.Split(v, ",")[1:] {
		part = strings.TrimSpace(part)
		if strings.HasPrefix(part, opt) {
			return strings.TrimPrefix(part, opt)
		}
	}
	return ""
}
