package keyflow

import (
	"reflect"
	"testing"
)

func TestFileEnv(t *testing.T) {
	for in, want := range map[string]string{
		"config/dev.yaml":             "development",
		"config/application-prod.yml": "production",
		".env.staging":                "staging",
		"settings/prod/app.toml":      "production",
		"config/base.yaml":            "",
		"config/dev-to-prod.yaml":     "",
		"testdata/config.json":        "",
	} {
		if got := fileEnv(in); got != want {
			t.Errorf("fileEnv(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseDotenv(t *testing.T) {
	got := parseDotenv([]byte("# c\nexport A=\"x y\"\nB='z'\nC=w # note\nD\n"))
	want := map[string]string{"A": "x y", "B": "z", "C": "w"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseDotenv = %v, want %v", got, want)
	}
}
