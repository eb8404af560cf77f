// Package service keeps its signing key in an unexported field of a
// service struct that a constructor fills from the environment. A key the
// constructor checks before storing it is not empty; one it stores as read
// may be.
package service

import (
	"errors"
	"log"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

// Billing refuses to start without a long enough key: no finding.
type Billing struct{ key []byte }

func NewBilling() (*Billing, error) {
	k := os.Getenv("BILLING_JWT_KEY")
	if len(k) < 32 {
		return nil, errors.New("BILLING_JWT_KEY must hold at least 32 bytes")
	}
	return &Billing{key: []byte(k)}, nil
}

func (b *Billing) Sign(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString(b.key)
}

// Worker assigns the field after a fatal check: no finding.
type Worker struct{ secret []byte }

func NewWorker() Worker {
	var w Worker
	s := os.Getenv("WORKER_JWT_KEY")
	if s == "" {
		log.Fatal("WORKER_JWT_KEY is not set")
	}
	w.secret = []byte(s)
	return w
}

func (w Worker) Sign(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString(w.secret)
}

// Reports stores the key as read: an unset variable signs with an empty key.
type Reports struct{ key []byte }

func NewReports() *Reports {
	return &Reports{key: []byte(os.Getenv("REPORTS_JWT_KEY"))}
}

func (r *Reports) Sign(sub string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": 1}).SignedString(r.key) // want `JWT key may be empty: .* uses field key, set from environment variable REPORTS_JWT_KEY, which nothing checks before use`
}
