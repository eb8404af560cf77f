package leak

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestFind(t *testing.T) {
	secrets := []string{"secret", "a-long-signing-key-value"}
	out := "1\tk := \"secret\"\n" +
		"load it from a secret manager\n" +
		`"message": "uses \"secret\""` + "\n" +
		"x := `secret`\n" +
		"key a-long-signing-key-value leaked\n" +
		"k := \"***\"\n"
	want := []string{
		"1\tk := \"secret\"",
		`"message": "uses \"secret\""`,
		"x := `secret`",
		"key a-long-signing-key-value leaked",
	}
	if got := Find(out, secrets); !slices.Equal(got, want) {
		t.Errorf("Find = %q, want %q", got, want)
	}
}

func TestDemoSecrets(t *testing.T) {
	secrets, err := ReadSecrets(filepath.Join("..", "..", "testdata", "demo"))
	if err != nil {
		t.Fatal(err)
	}
	if len(secrets) < 5 {
		t.Errorf("only %d demo secrets: %q", len(secrets), secrets)
	}
	if _, err := ReadSecrets(t.TempDir()); err == nil {
		t.Error("ReadSecrets of a directory without secrets.txt: no error")
	}
}
