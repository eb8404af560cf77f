// Package leak finds secret values in a tool's output, for the tests that
// check that jwtvet never prints one.
package leak

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// ReadSecrets reads the secrets.txt of dir (one value a line, # comments)
// and checks that each value is written in some .go file under dir, so a
// check against a stale list cannot pass by default.
func ReadSecrets(dir string) ([]string, error) {
	f, err := os.Open(filepath.Join(dir, "secrets.txt"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var secrets []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			secrets = append(secrets, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(secrets) == 0 {
		return nil, fmt.Errorf("%s/secrets.txt lists no secret", dir)
	}
	var source strings.Builder
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		source.Write(data)
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, s := range secrets {
		if len(Find(source.String(), []string{s})) == 0 {
			return nil, fmt.Errorf("secret %q of secrets.txt is not in the source under %s", s, dir)
		}
	}
	return secrets, nil
}

// minBare is the length from which a secret is looked for anywhere, not
// only as a quoted literal: shorter values ("secret") are ordinary words
// in messages.
const minBare = 12

// Find returns the lines of out that show one of secrets: as a Go or JSON
// string literal ("v", `v`, \"v\"), or for values of minBare bytes or
// more, anywhere.
func Find(out string, secrets []string) []string {
	var res []*regexp.Regexp
	for _, s := range secrets {
		q := regexp.QuoteMeta(s)
		if len(s) >= minBare {
			res = append(res, regexp.MustCompile(q))
		} else {
			res = append(res, regexp.MustCompile("[\"`]"+q+"\\\\?[\"`]"))
		}
	}
	var found []string
	for _, line := range strings.Split(out, "\n") {
		for _, re := range res {
			if re.MatchString(line) {
				found = append(found, line)
				break
			}
		}
	}
	return found
}
