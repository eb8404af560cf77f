// Package testsflag has its JWT code only in a _test.go file, to check the
// -RULE.tests switch of every rule that skips test files by default.
package testsflag
