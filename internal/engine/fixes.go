package engine

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// checkFixes puts the edits of each suggested fix in file order and
// rejects fixes a driver could not apply: edits outside one file, edits
// that overlap, two fixes with one message. x/tools' checker makes the
// same demands, so a fix that passes here passes under every driver.
func checkFixes(fset *token.FileSet, fixes []analysis.SuggestedFix) error {
	messages := make(map[string]bool)
	for i := range fixes {
		fix := &fixes[i]
		if messages[fix.Message] {
			return fmt.Errorf("two suggested fixes have the message %q", fix.Message)
		}
		messages[fix.Message] = true
		// Stable, so that insertions at one point keep their order.
		slices.SortStableFunc(fix.TextEdits, func(x, y analysis.TextEdit) int {
			return cmp.Or(cmp.Compare(x.Pos, y.Pos), cmp.Compare(x.End, y.End))
		})
		var prevEnd token.Pos
		for j := range fix.TextEdits {
			edit := &fix.TextEdits[j]
			file := fset.File(edit.Pos)
			if file == nil {
				return fmt.Errorf("fix %q: edit at an unknown position", fix.Message)
			}
			if !edit.End.IsValid() {
				edit.End = edit.Pos
			}
			eof := token.Pos(file.Base() + file.Size())
			switch {
			case edit.End < edit.Pos:
				return fmt.Errorf("fix %q: edit ends before it starts", fix.Message)
			case edit.End > eof:
				return fmt.Errorf("fix %q: edit runs past the end of %s", fix.Message, file.Name())
			case j > 0 && edit.Pos < prevEnd:
				return fmt.Errorf("fix %q: overlapping edits in %s", fix.Message, file.Name())
			}
			prevEnd = edit.End
		}
	}
	return nil
}
