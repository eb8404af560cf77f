package sharedkey

// The configuration sources the rule knows, as data: functions that give a
// config key or flag a default, functions that read a config key, and
// struct tags that give a field a default. Adding a library means adding
// rows here.

// configDefault is a function that registers a default value for a named
// setting.
type configDefault struct {
	Pkg, Recv, Name string
	NameArg         int    // the setting's name
	DefaultArg      int    // the default value
	PtrArg          int    // the variable the setting is written to, or -1
	Lookup          string // what the name is: "config key", "flag"
}

var configDefaults = []configDefault{
	{Pkg: "github.com/spf13/viper", Name: "SetDefault", NameArg: 0, DefaultArg: 1, PtrArg: -1, Lookup: "config key"},
	{Pkg: "github.com/spf13/viper", Recv: "Viper", Name: "SetDefault", NameArg: 0, DefaultArg: 1, PtrArg: -1, Lookup: "config key"},
	{Pkg: "flag", Name: "String", NameArg: 0, DefaultArg: 1, PtrArg: -1, Lookup: "flag"},
	{Pkg: "flag", Name: "StringVar", NameArg: 1, DefaultArg: 2, PtrArg: 0, Lookup: "flag"},
	{Pkg: "flag", Recv: "FlagSet", Name: "String", NameArg: 0, DefaultArg: 1, PtrArg: -1, Lookup: "flag"},
	{Pkg: "flag", Recv: "FlagSet", Name: "StringVar", NameArg: 1, DefaultArg: 2, PtrArg: 0, Lookup: "flag"},
	{Pkg: "github.com/spf13/pflag", Name: "String", NameArg: 0, DefaultArg: 1, PtrArg: -1, Lookup: "flag"},
	{Pkg: "github.com/spf13/pflag", Name: "StringP", NameArg: 0, DefaultArg: 2, PtrArg: -1, Lookup: "flag"},
	{Pkg: "github.com/spf13/pflag", Name: "StringVar", NameArg: 1, DefaultArg: 2, PtrArg: 0, Lookup: "flag"},
	{Pkg: "github.com/spf13/pflag", Name: "StringVarP", NameArg: 1, DefaultArg: 3, PtrArg: 0, Lookup: "flag"},
	{Pkg: "github.com/spf13/pflag", Recv: "FlagSet", Name: "String", NameArg: 0, DefaultArg: 1, PtrArg: -1, Lookup: "flag"},
	{Pkg: "github.com/spf13/pflag", Recv: "FlagSet", Name: "StringP", NameArg: 0, DefaultArg: 2, PtrArg: -1, Lookup: "flag"},
	{Pkg: "github.com/spf13/pflag", Recv: "FlagSet", Name: "StringVar", NameArg: 1, DefaultArg: 2, PtrArg: 0, Lookup: "flag"},
	{Pkg: "github.com/spf13/pflag", Recv: "FlagSet", Name: "StringVarP", NameArg: 1, DefaultArg: 3, PtrArg: 0, Lookup: "flag"},
}

// configGetter is a function that reads a named setting.
type configGetter struct {
	Pkg, Recv, Name string
	NameArg         int
	Lookup          string
}

var configGetters = []configGetter{
	{Pkg: "os", Name: "Getenv", NameArg: 0, Lookup: "environment variable"},
	{Pkg: "os", Name: "LookupEnv", NameArg: 0, Lookup: "environment variable"},
	{Pkg: "syscall", Name: "Getenv", NameArg: 0, Lookup: "environment variable"},
	{Pkg: "github.com/spf13/viper", Name: "GetString", NameArg: 0, Lookup: "config key"},
	{Pkg: "github.com/spf13/viper", Name: "Get", NameArg: 0, Lookup: "config key"},
	{Pkg: "github.com/spf13/viper", Recv: "Viper", Name: "GetString", NameArg: 0, Lookup: "config key"},
	{Pkg: "github.com/spf13/viper", Recv: "Viper", Name: "Get", NameArg: 0, Lookup: "config key"},
}

// defaultTag is a struct tag key whose value is a field's default.
type defaultTag struct {
	Key string
	// Option: the default is an option of the Key tag ("NAME,default=x"),
	// not the tag's whole value.
	Option string
}

// defaultTags: envconfig, creasty/defaults and similar use `default`;
// caarlos0/env `envDefault`; cleanenv `env-default`; sethvargo/go-envconfig
// `env:"NAME, default=…"`.
var defaultTags = []defaultTag{
	{Key: "default"},
	{Key: "envDefault"},
	{Key: "env-default"},
	{Key: "env", Option: "default="},
}

// envNameTags name the environment variable (or config key) a field is
// read from.
var envNameTags = []string{"env", "envconfig", "mapstructure", "koanf", "yaml", "toml", "json"}
