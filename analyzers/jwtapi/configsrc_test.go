package jwtapi

import (
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"testing"
)

// TestConfigSourcesConsistent checks the table on its own terms: every row
// is a function or a tag, no row is listed twice, argument indexes are
// distinct and in range, and each column is set only where it means
// something.
func TestConfigSourcesConsistent(t *testing.T) {
	reads := map[ConfigReads]bool{ReadsEnv: true, ReadsFlag: true, ReadsConfigKey: true, ReadsFile: true, ReadsSecret: true, ReadsKeyFile: true}
	funcs := map[[3]string]bool{}
	tags := map[[2]string]bool{}
	for i, r := range ConfigSources {
		if (r.Name == "") == (r.Tag == "") {
			t.Errorf("row %d: exactly one of Name (%q) and Tag (%q) must be set", i, r.Name, r.Tag)
			continue
		}
		if !reads[r.Reads] {
			t.Errorf("row %d (%s%s): unknown Reads %q", i, r.Name, r.Tag, r.Reads)
		}
		if r.IsFunc() {
			k := [3]string{r.Pkg, r.Recv, r.Name}
			if funcs[k] {
				t.Errorf("row %d: %s.%s.%s listed twice", i, r.Pkg, r.Recv, r.Name)
			}
			funcs[k] = true
			if r.Pkg == "" {
				t.Errorf("row %d (%s): no package", i, r.Name)
			}
			seen := map[int]string{}
			for what, a := range map[string]int{"NameArg": r.NameArg, "DefaultArg": r.DefaultArg, "PtrArg": r.PtrArg} {
				if a < -1 || a > 8 {
					t.Errorf("row %d (%s): %s %d out of range", i, r.Name, what, a)
				}
				if a < 0 {
					continue
				}
				if other, ok := seen[a]; ok {
					t.Errorf("row %d (%s): %s and %s are both argument %d", i, r.Name, what, other, a)
				}
				seen[a] = what
			}
			if r.PtrArg >= 0 && r.DefaultArg < 0 {
				t.Errorf("row %d (%s): a row that writes through PtrArg must register a default", i, r.Name)
			}
			if r.TagDefault || r.TagOption != "" || r.Loader {
				t.Errorf("row %d (%s): tag columns set on a function row", i, r.Name)
			}
			if r.DefaultReturned && (r.DefaultArg < 0 || r.PtrArg >= 0 || r.Handle) {
				t.Errorf("row %d (%s): DefaultReturned needs a DefaultArg and no PtrArg or handle", i, r.Name)
			}
			if (r.Reads == ReadsSecret) != (len(r.SecretIn) > 0) {
				t.Errorf("row %d (%s): SecretIn is set exactly on secret manager rows", i, r.Name)
			}
			if r.Reads == ReadsSecret && (!r.Followed || r.DefaultArg >= 0 || r.IsGetter()) {
				t.Errorf("row %d (%s): a secret manager row is followed, registers no default and is no getter by name", i, r.Name)
			}
			for _, m := range r.SecretIn {
				if strings.Count(m, ".") != 2 {
					t.Errorf("row %d (%s): SecretIn %q is not pkg.Type.Member", i, r.Name, m)
				}
			}
			if r.Handle && r.IsGetter() {
				t.Errorf("row %d (%s): a handle is not a getter", i, r.Name)
			}
			if r.TellsUnset && r.Handle {
				t.Errorf("row %d (%s): TellsUnset on a handle", i, r.Name)
			}
			continue
		}
		k := [2]string{r.Tag, r.TagOption}
		if !r.TagDefault {
			k[1] = "name"
		}
		if tags[k] {
			t.Errorf("row %d: tag %q listed twice", i, r.Tag)
		}
		tags[k] = true
		if r.Pkg != "" || r.Recv != "" || r.Handle || r.TellsUnset || r.Followed || r.DefaultReturned || len(r.SecretIn) > 0 {
			t.Errorf("row %d (tag %s): function columns set on a tag row", i, r.Tag)
		}
		if r.TagOption != "" && !r.TagDefault {
			t.Errorf("row %d (tag %s): TagOption on a tag that names a setting", i, r.Tag)
		}
		if r.TagDefault && r.Loader {
			t.Errorf("row %d (tag %s): Loader applies to tags that name a setting", i, r.Tag)
		}
	}
	if len(DefaultTags()) == 0 || len(NameTags()) == 0 || len(DefaultTags())+len(NameTags())+len(funcs) != len(ConfigSources) {
		t.Errorf("rows do not split into functions (%d), default tags (%d) and name tags (%d)", len(funcs), len(DefaultTags()), len(NameTags()))
	}
	for p := range ConfigPackages() {
		if p == "" {
			t.Errorf("empty package among ConfigPackages")
		}
	}
}

// TestConfigSourceOf checks that functions and methods (on pointer or
// value receivers) find their rows, and that a method does not take the
// row of a function of the same name.
func TestConfigSourceOf(t *testing.T) {
	str := types.Typ[types.String]
	param := func(name string) *types.Var { return types.NewParam(token.NoPos, nil, name, str) }

	osPkg := types.NewPackage("os", "os")
	getenv := types.NewFunc(token.NoPos, osPkg, "Getenv",
		types.NewSignatureType(nil, nil, nil, types.NewTuple(param("key")), types.NewTuple(param("")), false))
	if r := ConfigSourceOf(getenv); r == nil || r.Reads != ReadsEnv || !r.IsGetter() || !r.Followed {
		t.Errorf("os.Getenv: got %+v", r)
	}

	viper := types.NewPackage("github.com/spf13/viper", "viper")
	named := types.NewNamed(types.NewTypeName(token.NoPos, viper, "Viper", nil), types.NewStruct(nil, nil), nil)
	recv := types.NewParam(token.NoPos, viper, "v", types.NewPointer(named))
	method := types.NewFunc(token.NoPos, viper, "SetDefault",
		types.NewSignatureType(recv, nil, nil, types.NewTuple(param("key"), param("value")), nil, false))
	r := ConfigSourceOf(method)
	if r == nil || r.Recv != "Viper" || !r.RegistersDefault() || r.Reads != ReadsConfigKey {
		t.Errorf("(*viper.Viper).SetDefault: got %+v", r)
	}

	fs := types.NewPackage("flag", "flag")
	fsNamed := types.NewNamed(types.NewTypeName(token.NoPos, fs, "FlagSet", nil), types.NewStruct(nil, nil), nil)
	fsMethod := types.NewFunc(token.NoPos, fs, "Lookup",
		types.NewSignatureType(types.NewParam(token.NoPos, fs, "f", fsNamed), nil, nil, types.NewTuple(param("name")), nil, false))
	if r := ConfigSourceOf(fsMethod); r != nil {
		t.Errorf("(flag.FlagSet).Lookup has no row, got the row of %s.%s", r.Pkg, r.Name)
	}
	if ConfigSourceOf(nil) != nil {
		t.Errorf("nil function has a row")
	}
}

func TestTagDefault(t *testing.T) {
	for _, tc := range []struct {
		tag      reflect.StructTag
		def, key string
	}{
		{`env:"JWT_SECRET, default=devsecret"`, "devsecret", "env"},
		{`env:"JWT_SECRET" envDefault:"abc"`, "abc", "envDefault"},
		{`default:"" env-default:"xyz"`, "xyz", "env-default"},
		{`default:"one" envDefault:"two"`, "one", "default"},
		{`env:"JWT_SECRET" json:"secret"`, "", ""},
	} {
		def, key := TagDefault(tc.tag)
		if def != tc.def || key != tc.key {
			t.Errorf("TagDefault(%s) = %q, %q; want %q, %q", tc.tag, def, key, tc.def, tc.key)
		}
	}
}

// TestIsSecretMember checks that the members on a secret manager's path to
// the secret are found through pointers, and that other members of the
// same type, and a type of the same name in another package, are not.
func TestIsSecretMember(t *testing.T) {
	sm := types.NewPackage("github.com/aws/aws-sdk-go-v2/service/secretsmanager", "secretsmanager")
	out := types.NewNamed(types.NewTypeName(token.NoPos, sm, "GetSecretValueOutput", nil), types.NewStruct(nil, nil), nil)
	if !IsSecretMember(types.NewPointer(out), "SecretString") || !IsSecretMember(out, "SecretBinary") {
		t.Errorf("GetSecretValueOutput.SecretString and .SecretBinary are the secret")
	}
	if IsSecretMember(out, "ARN") {
		t.Errorf("GetSecretValueOutput.ARN is not the secret")
	}
	mine := types.NewPackage("example.com/app", "app")
	other := types.NewNamed(types.NewTypeName(token.NoPos, mine, "GetSecretValueOutput", nil), types.NewStruct(nil, nil), nil)
	if IsSecretMember(other, "SecretString") || IsSecretMember(types.Typ[types.String], "SecretString") {
		t.Errorf("a type of another package is not a secret manager's result")
	}
	for _, r := range ConfigSources {
		if r.Reads == ReadsSecret && ConfigPackages()[r.Pkg] {
			t.Errorf("%s: secret managers give no default and are not config packages", r.Pkg)
		}
	}
}
