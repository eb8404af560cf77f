// Package keys hands out the signing key through getters.
// Exercises: a getter as the identity of a key that packages share.
package keys

import "os"

// SigningKey returns the key of every token.
func SigningKey() []byte { return []byte(os.Getenv("GETTERS_SIGNING_KEY")) }

// AuditKey returns the key of audit tokens only.
func AuditKey() []byte { return []byte(os.Getenv("GETTERS_AUDIT_KEY")) }
