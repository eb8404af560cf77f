package diag

import (
	"go/format"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestAddImportMerges checks the import convention: the edits two rules
// make to add two imports to one file never overlap except where they are
// byte-identical, so drivers that merge fixes take both, and the result
// is goimports-grouped Go.
func TestAddImportMerges(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"single", "package p\n\nimport \"example.com/jwt\"\n\nvar _ = jwt.X\n",
			"import (\n\t\"os\"\n\t\"time\"\n\n\t\"example.com/jwt\"\n)"},
		{"single std", "package p\n\nimport \"fmt\"\n\nvar _ = fmt.X\n",
			"import (\n\t\"fmt\"\n\t\"os\"\n\t\"time\"\n)"},
		{"group of modules", "package p\n\nimport (\n\t\"example.com/jwt\"\n)\n\nvar _ = jwt.X\n",
			"import (\n\t\"os\"\n\t\"time\"\n\n\t\"example.com/jwt\"\n)"},
		{"grouped", "package p\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/jwt\"\n)\n\nvar _ = jwt.X\n",
			"import (\n\t\"fmt\"\n\t\"os\"\n\t\"time\"\n\n\t\"example.com/jwt\"\n)"},
		// Declarations of their own, in the order the fixes come;
		// formatting by the driver merges them.
		{"none", "package p\n\nvar x = 1\n", "import \"os\"\n"},
		{"cgo", "package p\n\n// #include <stdio.h>\nimport \"C\"\n\nvar x = 1\n", "import \"C\"\n\nimport \""},
		{"none, time", "package p\n\nvar x = 1\n", "import \"time\"\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "p.go", tc.src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			// Each order, and one rule adding the same import twice.
			for _, paths := range [][]string{{"os", "time"}, {"time", "os"}, {"os", "time", "os"}} {
				var edits []analysis.TextEdit
				for _, p := range paths {
					edits = append(edits, addImport(f, p)...)
				}
				out := apply(t, fset.File(f.Pos()), tc.src, edits)
				formatted, err := format.Source([]byte(out))
				if err != nil {
					t.Fatalf("%v: fixed file does not parse: %v\n%s", paths, err, out)
				}
				if !strings.Contains(string(formatted), tc.want) {
					t.Errorf("%v: got\n%s\nwant it to contain\n%s", paths, formatted, tc.want)
				}
			}
		})
	}
}

// apply applies edits the way golangci-lint and jwtvet do: identical
// edits once, insertions at one point in order, any other overlap fails.
func apply(t *testing.T, tf *token.File, src string, edits []analysis.TextEdit) string {
	type edit struct {
		start, end int
		text       string
	}
	var es []edit
	for _, e := range edits {
		x := edit{tf.Offset(e.Pos), tf.Offset(e.End), string(e.NewText)}
		if !slices.Contains(es, x) {
			es = append(es, x)
		}
	}
	slices.SortStableFunc(es, func(a, b edit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return a.end - b.end
	})
	var b strings.Builder
	pos := 0
	for _, e := range es {
		if e.start < pos {
			t.Fatalf("overlapping edits: %+v", es)
		}
		b.WriteString(src[pos:e.start])
		b.WriteString(e.text)
		pos = e.end
	}
	b.WriteString(src[pos:])
	return b.String()
}
