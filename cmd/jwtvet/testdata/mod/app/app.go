// Package app has two fixable findings in one file (their fixes add the
// same import), one finding without a fix, and a line with non-ASCII text
// before a finding.
package app

import "jwtvet.test/driver/keys"

// Token reports both rules.
func Token(user string) string {
	id := keys.Danger(user)
	return id + "magic"
}

// Refresh has the second fixable finding.
func Refresh(user string) (string, int) {
	return keys.Danger(user), keys.Len(user)
}

// Clé puts a non-ASCII string before the finding on its line.
func Clé() string { s := "clé"; return s + "magic" }
