package main

import "testing"

func TestMaskLiterals(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"string", "package p\n\nvar k = []byte(\"hunter2-signing-key\")\n",
			"package p\n\nvar k = []byte(\"***\")\n"},
		{"raw multi-line", "package p\n\nconst pem = `-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY-----`\n\nvar x = 1\n",
			"package p\n\nconst pem = `***\n***\n***`\n\nvar x = 1\n"},
		{"raw starting with a newline", "package p\n\nconst pem = `\nMHcCAQEEIB\n`\n",
			"package p\n\nconst pem = `\n***\n`\n"},
		{"byte slice elements", "package p\n\nvar k = []byte{0x73, 'e',\n\t99}\nvar n = []int{1, 2}\n",
			"package p\n\nvar k = []byte{***, ***,\n\t***}\nvar n = []int{1, 2}\n"},
		{"byte array", "package p\n\nvar k = [3]uint8{1, 2, 3}\n",
			"package p\n\nvar k = [3]uint8{***, ***, ***}\n"},
		{"public words stay", "package p\n\nvar m = map[string]any{\"alg\": \"none\", \"exp\": 1, \"sub\": \"alice\"}\n",
			"package p\n\nvar m = map[string]any{\"alg\": \"none\", \"exp\": 1, \"sub\": \"***\"}\n"},
		{"empty string", "package p\n\nvar s = \"\"\n", "package p\n\nvar s = \"***\"\n"},
		{"does not parse", "package p\n\nfunc f( { k := \"s3cr3t\" }\n",
			"package p\n\nfunc f( { k := \"***\" }\n"},
	} {
		if got := string(maskLiterals([]byte(tc.src))); got != tc.want {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", tc.name, got, tc.want)
		}
	}
}
