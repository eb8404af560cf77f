// Package nested has two findings whose fixes overlap: only the first
// can be applied.
package nested

import "jwtvet.test/driver/keys"

// Twice calls Danger inside Danger.
func Twice(s string) (string, int) {
	return keys.Danger(keys.Danger(s)), keys.Len(s)
}
