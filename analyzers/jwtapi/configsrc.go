package jwtapi

import (
	"fmt"
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
	// ReadsSecret: a secret manager's client fetches the value at run
	// time; it is never in the source.
	ReadsSecret ConfigReads = "secret manager"
	// ReadsKeyFile: the call returns the contents of a file named by its
	// NameArg (a key file, a PEM on a mounted secret volume).
	ReadsKeyFile ConfigReads = "file"
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
	// read from outside the program (keyflow.Env; keyflow.Secret for
	// ReadsSecret rows).
	Followed bool
	// DefaultReturned: the call returns the setting, or the value of
	// DefaultArg when it is unset (envy.Get(name, def)): a constant
	// default is a fallback exactly as a LookupEnv default is. Not set
	// for rows that register the default elsewhere (flag.String returns a
	// pointer; viper.SetDefault returns nothing).
	DefaultReturned bool
	// SecretIn: for a ReadsSecret row, the members (fields or getter
	// methods, "pkg.Type.Member" with the package's name) on the path from
	// the call's result to the secret value: resp.SecretString,
	// resp.GetPayload().GetData(). A member of the result not listed (an
	// ARN, a version id) is not the secret.
	SecretIn []string

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
	// Files: the key's value is the file's content, its name the path.
	{Pkg: "os", Name: "ReadFile", Reads: ReadsKeyFile, NameArg: 0, DefaultArg: -1, PtrArg: -1, Followed: true},
	{Pkg: "io/ioutil", Name: "ReadFile", Reads: ReadsKeyFile, NameArg: 0, DefaultArg: -1, PtrArg: -1, Followed: true},
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

	// koanf: getters of a config key (the loaders fill the keys from
	// files, the environment or flags).
	{Pkg: "github.com/knadh/koanf/v2", Recv: "Koanf", Name: "String", Reads: ReadsConfigKey, NameArg: 0, DefaultArg: -1, PtrArg: -1},
	{Pkg: "github.com/knadh/koanf/v2", Recv: "Koanf", Name: "MustString", Reads: ReadsConfigKey, NameArg: 0, DefaultArg: -1, PtrArg: -1},
	{Pkg: "github.com/knadh/koanf/v2", Recv: "Koanf", Name: "Bytes", Reads: ReadsConfigKey, NameArg: 0, DefaultArg: -1, PtrArg: -1},
	{Pkg: "github.com/knadh/koanf/v2", Recv: "Koanf", Name: "MustBytes", Reads: ReadsConfigKey, NameArg: 0, DefaultArg: -1, PtrArg: -1},
	{Pkg: "github.com/knadh/koanf/v2", Recv: "Koanf", Name: "Get", Reads: ReadsConfigKey, NameArg: 0, DefaultArg: -1, PtrArg: -1},

	// Getters with a default argument: gobuffalo/envy reads the
	// environment (and .env files); Get returns the default when the
	// variable is unset, MustGet an error.
	{Pkg: "github.com/gobuffalo/envy", Name: "Get", Reads: ReadsEnv, NameArg: 0, DefaultArg: 1, PtrArg: -1, Followed: true, DefaultReturned: true},
	{Pkg: "github.com/gobuffalo/envy", Name: "MustGet", Reads: ReadsEnv, NameArg: 0, DefaultArg: -1, PtrArg: -1, TellsUnset: true, Followed: true},

	// Secret managers: the key is fetched at run time.
	{Pkg: "github.com/aws/aws-sdk-go-v2/service/secretsmanager", Recv: "Client", Name: "GetSecretValue", Reads: ReadsSecret, NameArg: -1, DefaultArg: -1, PtrArg: -1, Followed: true,
		SecretIn: []string{"secretsmanager.GetSecretValueOutput.SecretString", "secretsmanager.GetSecretValueOutput.SecretBinary"}},
	{Pkg: "github.com/aws/aws-sdk-go/service/secretsmanager", Recv: "SecretsManager", Name: "GetSecretValue", Reads: ReadsSecret, NameArg: -1, DefaultArg: -1, PtrArg: -1, Followed: true,
		SecretIn: []string{"secretsmanager.GetSecretValueOutput.SecretString", "secretsmanager.GetSecretValueOutput.SecretBinary"}},
	{Pkg: "github.com/aws/aws-sdk-go/service/secretsmanager", Recv: "SecretsManager", Name: "GetSecretValueWithContext", Reads: ReadsSecret, NameArg: -1, DefaultArg: -1, PtrArg: -1, Followed: true,
		SecretIn: []string{"secretsmanager.GetSecretValueOutput.SecretString", "secretsmanager.GetSecretValueOutput.SecretBinary"}},
	{Pkg: "cloud.google.com/go/secretmanager/apiv1", Recv: "Client", Name: "AccessSecretVersion", Reads: ReadsSecret, NameArg: -1, DefaultArg: -1, PtrArg: -1, Followed: true,
		SecretIn: []string{"secretmanagerpb.AccessSecretVersionResponse.Payload", "secretmanagerpb.AccessSecretVersionResponse.GetPayload", "secretmanagerpb.SecretPayload.Data", "secretmanagerpb.SecretPayload.GetData"}},
	{Pkg: "github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets", Recv: "Client", Name: "GetSecret", Reads: ReadsSecret, NameArg: -1, DefaultArg: -1, PtrArg: -1, Followed: true,
		SecretIn: []string{"azsecrets.GetSecretResponse.Value", "azsecrets.Secret.Value"}},
	{Pkg: "github.com/hashicorp/vault/api", Recv: "Logical", Name: "Read", Reads: ReadsSecret, NameArg: -1, DefaultArg: -1, PtrArg: -1, Followed: true,
		SecretIn: []string{"api.Secret.Data"}},
	{Pkg: "github.com/hashicorp/vault/api", Recv: "Logical", Name: "ReadWithContext", Reads: ReadsSecret, NameArg: -1, DefaultArg: -1, PtrArg: -1, Followed: true,
		SecretIn: []string{"api.Secret.Data"}},
	{Pkg: "github.com/hashicorp/vault/api", Recv: "KVv2", Name: "Get", Reads: ReadsSecret, NameArg: -1, DefaultArg: -1, PtrArg: -1, Followed: true,
		SecretIn: []string{"api.KVSecret.Data"}},
	{Pkg: "github.com/hashicorp/vault/api", Recv: "KVv1", Name: "Get", Reads: ReadsSecret, NameArg: -1, DefaultArg: -1, PtrArg: -1, Followed: true,
		SecretIn: []string{"api.KVSecret.Data"}},

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
var configFuncs = func() map[modelKey]*ConfigSource {
	m := make(map[modelKey]*ConfigSource)
	for i := range ConfigSources {
		if r := &ConfigSources[i]; r.IsFunc() {
			m[key(r.Pkg, r.Recv, r.Name)] = r
		}
	}
	return m
}()

// ConfigSourceOf returns the row of fn, or nil.
func ConfigSourceOf(fn *types.Func) *ConfigSource {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	return configFuncs[funcKey(fn)]
}

// secretMembers indexes SecretIn of every row.
var secretMembers = func() map[string]bool {
	m := make(map[string]bool)
	for _, r := range ConfigSources {
		for _, s := range r.SecretIn {
			m[s] = true
		}
	}
	return m
}()

// IsSecretMember reports whether member (a field or method) of a value of
// type t is on the path from a secret manager's result to the secret
// (jwtapi.ConfigSource.SecretIn). t may be a pointer.
func IsSecretMember(t types.Type, member string) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return secretMembers[n.Obj().Pkg().Name()+"."+n.Obj().Name()+"."+member]
}

// ConfigPackages returns the packages of the function rows: importing one
// can make a value depend on the environment, a flag or a config key.
// Secret managers are not among them: they give a value no default.
func ConfigPackages() map[string]bool {
	m := make(map[string]bool)
	for _, r := range ConfigSources {
		if r.IsFunc() && r.Reads != ReadsSecret {
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

// ConfigExcluded lists config sources left out because no fixture can use
// the real module.
var ConfigExcluded = []ExcludedLibrary{
	{"github.com/beego/beego/v2 (core/config DefaultString)", "the module proxy refuses it (403); gobuffalo/envy Get is the modelled getter with a default argument"},
	{"github.com/gookit/config/v2 (String(key, def))", "the module proxy refuses it (403)"},
	{"github.com/ilyakaznacheev/cleanenv", "served only from an earlier copy that is not an approved release; its env-default tag is a row, tested without importing the module"},
}

// ConfigSourcesMarkdown renders the table for docs/coverage.md.
func ConfigSourcesMarkdown() string {
	var b strings.Builder
	b.WriteString("\n## Config sources\n\nWhere a program reads a setting from outside its source (analyzers/jwtapi/configsrc.go); keyflow, weakkey and sharedkey read these rows, and adding a source is adding a row.\n\n")
	// One line per package and kind of source: os reads the environment
	// and files.
	type group struct{ pkg, reads string }
	var groups []group
	byGroup := map[group][]string{}
	for _, r := range ConfigSources {
		if !r.IsFunc() {
			continue
		}
		g := group{r.Pkg, string(r.Reads)}
		if _, ok := byGroup[g]; !ok {
			groups = append(groups, g)
		}
		name := r.Name
		if r.Recv != "" {
			name = r.Recv + "." + name
		}
		var notes []string
		if r.DefaultArg >= 0 {
			notes = append(notes, "default argument")
		}
		if r.DefaultReturned {
			notes = append(notes, "returned when unset")
		}
		if r.TellsUnset {
			notes = append(notes, "tells unset")
		}
		if len(notes) > 0 {
			name += " (" + strings.Join(notes, ", ") + ")"
		}
		byGroup[g] = append(byGroup[g], name)
	}
	for _, g := range groups {
		fmt.Fprintf(&b, "- `%s` (%s): %s.\n", g.pkg, g.reads, strings.Join(byGroup[g], ", "))
	}
	var defs, names []string
	for _, r := range DefaultTags() {
		t := "`" + r.Tag + "`"
		if r.TagOption != "" {
			t += " option `" + r.TagOption + "`"
		}
		defs = append(defs, t)
	}
	for _, r := range NameTags() {
		names = append(names, "`"+r.Tag+"`")
	}
	fmt.Fprintf(&b, "- struct tags giving a field's default: %s.\n", strings.Join(defs, ", "))
	fmt.Fprintf(&b, "- struct tags naming the setting a field is filled from: %s.\n", strings.Join(names, ", "))
	b.WriteString("\nSecret managers are an origin of their own: a key read from one is never in the source, and only the members of the response that hold the secret (column SecretIn) carry that origin.\n\nNot modelled:\n\n")
	for _, e := range ConfigExcluded {
		fmt.Fprintf(&b, "- `%s`: %s.\n", e.Module, e.Reason)
	}
	return b.String()
}
