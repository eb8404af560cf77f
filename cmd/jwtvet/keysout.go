package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

func (d *driver) writeKeys(w io.Writer, format string, inv *keyInventory) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(inv)
	case "markdown":
		return writeKeysMarkdown(w, inv)
	}
	return writeKeysText(w, inv)
}

func orDash(xs []string) string {
	if len(xs) == 0 {
		return "-"
	}
	return strings.Join(xs, ", ")
}

// sites lists a key's uses in order: signing first.
func (e *keyEntry) sites() []struct {
	use  string
	site *keySite
} {
	var out []struct {
		use  string
		site *keySite
	}
	for _, g := range []struct {
		use   string
		sites []*keySite
	}{{"sign", e.Sign}, {"verify", e.Verify}, {"config", e.Config}} {
		for _, s := range g.sites {
			out = append(out, struct {
				use  string
				site *keySite
			}{g.use, s})
		}
	}
	return out
}

func siteNote(use string, s *keySite) string {
	var notes []string
	if s.Kind != "" {
		notes = append(notes, s.Kind)
	}
	if s.Alg != "" {
		notes = append(notes, s.Alg)
	}
	if s.Lifetime != "" {
		notes = append(notes, "exp "+s.Lifetime)
	}
	if s.SelectsBy != "" {
		notes = append(notes, "selects by "+s.SelectsBy)
	}
	return strings.Join(notes, ", ")
}

// writeKeysText prints a summary table of the keys, then a table of
// their sites.
func writeKeysText(w io.Writer, inv *keyInventory) error {
	var buf bytes.Buffer
	if err := writeKeysTable(&buf, inv); err != nil {
		return err
	}
	// Every cell ends in a tab so that the columns line up; the padding
	// of an empty last cell is not output.
	bw := bufio.NewWriter(w)
	for _, line := range strings.SplitAfter(buf.String(), "\n") {
		if trimmed := strings.TrimRight(line, " \n"); line != "" {
			bw.WriteString(trimmed)
			if strings.HasSuffix(line, "\n") {
				bw.WriteString("\n")
			}
		}
	}
	return bw.Flush()
}

func writeKeysTable(w io.Writer, inv *keyInventory) error {
	bw := bufio.NewWriter(w)
	if len(inv.Keys) == 0 {
		fmt.Fprintln(bw, "no JWT keys found")
		return bw.Flush()
	}
	tw := tabwriter.NewWriter(bw, 0, 4, 2, ' ', 0)
	// The origin, the longest column, comes last.
	fmt.Fprintln(tw, "KEY\tALG\tTOKENS\tLIFETIME\tROTATION\tSIGN\tVERIFY\tORIGIN")
	for _, e := range inv.Keys {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\t%d\t%s\n", e.Key, orDash(e.Algorithms), orDash(e.TokenKinds), orDash(e.Lifetimes), e.Rotation, len(e.Sign), len(e.Verify)+len(e.Config), e.Origin)
	}
	tw.Flush()
	fmt.Fprintln(bw)
	tw = tabwriter.NewWriter(bw, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KEY\tUSE\tSITE\tAPI\tNOTES")
	for _, e := range inv.Keys {
		for _, s := range e.sites() {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", e.Key, s.use, s.site.Position, s.site.API, siteNote(s.use, s.site))
		}
	}
	tw.Flush()
	return bw.Flush()
}

// mdCell escapes a table cell.
func mdCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}

// writeKeysMarkdown prints a review document: a summary table and a
// section per key with its sites.
func writeKeysMarkdown(w io.Writer, inv *keyInventory) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# JWT keys\n\n")
	if len(inv.Keys) == 0 {
		fmt.Fprintf(bw, "No JWT keys found.\n")
		return bw.Flush()
	}
	fmt.Fprintf(bw, "%d keys. Rotation: **ready** when verification selects among keys by `kid` or accepts a key set, **static** when one key verifies everything, **-** when the program only signs.\n\n", len(inv.Keys))
	fmt.Fprintf(bw, "| Key | Origin | Algorithms | Tokens | Lifetime | Rotation | Sign | Verify |\n")
	fmt.Fprintf(bw, "|---|---|---|---|---|---|---|---|\n")
	for _, e := range inv.Keys {
		fmt.Fprintf(bw, "| [%d](#key-%d) | %s | %s | %s | %s | %s | %d | %d |\n", e.Key, e.Key, mdCell(e.Origin), orDash(e.Algorithms), orDash(e.TokenKinds), orDash(e.Lifetimes), e.Rotation, len(e.Sign), len(e.Verify)+len(e.Config))
	}
	for _, e := range inv.Keys {
		fmt.Fprintf(bw, "\n## Key %d\n\n", e.Key)
		fmt.Fprintf(bw, "- Origin: %s\n", e.Origin)
		fmt.Fprintf(bw, "- Source: %s\n", e.Source)
		fmt.Fprintf(bw, "- Algorithms: %s\n", orDash(e.Algorithms))
		fmt.Fprintf(bw, "- Token kinds: %s\n", orDash(e.TokenKinds))
		fmt.Fprintf(bw, "- Lifetime of minted tokens: %s\n", orDash(e.Lifetimes))
		fmt.Fprintf(bw, "- Rotation: %s\n\n", e.Rotation)
		fmt.Fprintf(bw, "| Use | Site | API | Notes |\n|---|---|---|---|\n")
		for _, s := range e.sites() {
			fmt.Fprintf(bw, "| %s | `%s` | `%s` | %s |\n", s.use, s.site.Position, s.site.API, mdCell(siteNote(s.use, s.site)))
		}
	}
	return bw.Flush()
}
