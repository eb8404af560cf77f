// Package users keeps accounts and ended sessions in memory, which is
// enough to run the demo.
package users

import (
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"sync"
	"time"
)

// ErrNotFound is returned for an unknown user or a wrong password.
var ErrNotFound = errors.New("user not found")

// User is an account.
type User struct {
	ID    string   `json:"id"`
	Email string   `json:"email"`
	Name  string   `json:"name"`
	Roles []string `json:"roles"`

	salt, hash []byte
}

// Store holds the accounts.
type Store struct {
	mu      sync.RWMutex
	byID    map[string]*User
	byEmail map[string]*User
}

// NewStore returns an empty Store.
func NewStore() *Store {
	return &Store{byID: map[string]*User{}, byEmail: map[string]*User{}}
}

// Add stores u with a hash of its password.
func (s *Store) Add(u User, password string) error {
	u.salt = make([]byte, 16)
	rand.Read(u.salt)
	hash, err := hashPassword(password, u.salt)
	if err != nil {
		return err
	}
	u.hash = hash
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byID[u.ID], s.byEmail[u.Email] = &u, &u
	return nil
}

// Authenticate returns the user with this email and password.
func (s *Store) Authenticate(email, password string) (User, error) {
	s.mu.RLock()
	u, ok := s.byEmail[email]
	s.mu.RUnlock()
	if !ok {
		return User{}, ErrNotFound
	}
	hash, err := hashPassword(password, u.salt)
	if err != nil || subtle.ConstantTimeCompare(hash, u.hash) != 1 {
		return User{}, ErrNotFound
	}
	return *u, nil
}

// Get returns the user with this ID.
func (s *Store) Get(id string) (User, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if u, ok := s.byID[id]; ok {
		return *u, nil
	}
	return User{}, ErrNotFound
}

// List returns every user.
func (s *Store) List() []User {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]User, 0, len(s.byID))
	for _, u := range s.byID {
		out = append(out, *u)
	}
	return out
}

func hashPassword(password string, salt []byte) ([]byte, error) {
	return pbkdf2.Key(sha256.New, password, salt, 600_000, 32)
}

// Sessions remembers ended sessions until their refresh tokens would have
// expired anyway.
type Sessions struct {
	mu    sync.Mutex
	ended map[string]time.Time
}

// End ends the session id; it is forgotten after until.
func (s *Sessions) End(id string, until time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended == nil {
		s.ended = map[string]time.Time{}
	}
	s.ended[id] = until
}

// Ended reports whether the session id has ended.
func (s *Sessions) Ended(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	until, ok := s.ended[id]
	if ok && time.Now().After(until) {
		delete(s.ended, id)
		return false
	}
	return ok
}
