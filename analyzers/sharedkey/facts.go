package sharedkey

import "fmt"

// EnvDefaultFact marks a function of the getenv(name, def) shape: it
// returns the environment variable named by parameter Name, or parameter
// Default when the variable is unset.
type EnvDefaultFact struct {
	Name    int
	Default int
}

func (*EnvDefaultFact) AFact() {}

func (f *EnvDefaultFact) String() string {
	return fmt.Sprintf("envDefault(name=%d, default=%d)", f.Name, f.Default)
}

// FallbackFact marks an exported package variable, struct field or
// function whose value falls back to a constant when a lookup finds
// nothing, and which its own package did not report (its name does not
// say it is a JWT secret and no key there reads it): a package that uses
// it as a key reports it.
type FallbackFact struct {
	Where  string // the constant, by place: never its value
	Lookup string // "environment variable JWT_SECRET", "config key jwt.secret"
	Via    string // the lookup: os.Getenv, cmp.Or, viper.SetDefault, ...
}

func (*FallbackFact) AFact() {}

func (f *FallbackFact) String() string {
	return "fallback(" + f.Via + ")"
}
