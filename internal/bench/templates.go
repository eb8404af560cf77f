package bench

import "text/template"

// parse parses a template of a Go file. {{tag "name"}} writes the struct
// tag `json:"name"`, which a raw string cannot hold.
func parse(name, text string) *template.Template {
	funcs := template.FuncMap{"tag": func(name string) string { return "`json:\"" + name + "\"`" }}
	return template.Must(template.New(name).Funcs(funcs).Parse(text))
}

var tmplConfig = parse("config", `// Package config reads the server configuration from the environment.
package config

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"
)

// Token defaults shared by every package that issues or checks tokens.
const (
	DefaultIssuer   = "benchapp"
	DefaultAudience = "benchapp-api"
	DefaultTTL      = 15 * time.Minute
	RefreshTTL      = 7 * 24 * time.Hour
	MinKeyLength    = 32
)

// ErrMissing is returned when a required variable is unset.
var ErrMissing = errors.New("config: required variable not set")

// Config is the process configuration.
type Config struct {
	Addr          string
	DatabaseURL   string
	SigningSecret string
	Issuer        string
	Audience      string
	TokenTTL      time.Duration
	MaxOpenConns  int
	ShutdownAfter time.Duration
}

// Load reads Config from the environment and checks the required values.
func Load() (Config, error) {
	cfg := Config{
		Addr:          getenv("ADDR", ":8080"),
		DatabaseURL:   os.Getenv("DATABASE_URL"),
		SigningSecret: os.Getenv("JWT_SIGNING_KEY"),
		Issuer:        getenv("JWT_ISSUER", DefaultIssuer),
		Audience:      getenv("JWT_AUDIENCE", DefaultAudience),
		TokenTTL:      DefaultTTL,
		MaxOpenConns:  10,
		ShutdownAfter: 20 * time.Second,
	}
	if cfg.DatabaseURL == "" {
		return Config{}, fmt.Errorf("%w: DATABASE_URL", ErrMissing)
	}
	if v := os.Getenv("JWT_TTL"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			return Config{}, fmt.Errorf("JWT_TTL: %w", err)
		}
		cfg.TokenTTL = d
	}
	if v := os.Getenv("DB_MAX_OPEN_CONNS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return Config{}, fmt.Errorf("DB_MAX_OPEN_CONNS: %w", err)
		}
		cfg.MaxOpenConns = n
	}
	if len(cfg.SigningSecret) < MinKeyLength {
		return Config{}, fmt.Errorf("JWT_SIGNING_KEY: need at least %d bytes", MinKeyLength)
	}
	return cfg, nil
}

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
`)

var tmplSecrets = parse("secrets", `// Package secrets hands out key material read from the environment.
package secrets

import (
	"crypto/rsa"
	"fmt"
	"os"

	"github.com/golang-jwt/jwt/v5"

	"{{.Module}}/internal/config"
)

const (
	envSigningKey = "JWT_SIGNING_KEY"
	envRefreshKey = "JWT_REFRESH_KEY"
	envRSAPrivate = "JWT_RSA_PRIVATE_KEY"
	envRSAPublic  = "JWT_RSA_PUBLIC_KEY"
)

// SigningKey returns the HMAC key for access tokens.
func SigningKey() []byte {
	return []byte(os.Getenv(envSigningKey))
}

// RefreshKey returns the HMAC key for refresh tokens. Local runs without
// the variable get a development key.
func RefreshKey() []byte {
	key := os.Getenv(envRefreshKey)
	if key == "" {
		key = "local-refresh-signing-key"
	}
	return []byte(key)
}

// FromEnv returns the key held by the named variable, refusing short keys.
func FromEnv(name string) ([]byte, error) {
	v := os.Getenv(name)
	if len(v) < config.MinKeyLength {
		return nil, fmt.Errorf("%s: key shorter than %d bytes", name, config.MinKeyLength)
	}
	return []byte(v), nil
}

// RSAPrivateKey parses the PEM private key held by the environment.
func RSAPrivateKey() (*rsa.PrivateKey, error) {
	key, err := jwt.ParseRSAPrivateKeyFromPEM([]byte(os.Getenv(envRSAPrivate)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", envRSAPrivate, err)
	}
	return key, nil
}

// RSAPublicKey parses the PEM public key held by the environment.
func RSAPublicKey() (*rsa.PublicKey, error) {
	key, err := jwt.ParseRSAPublicKeyFromPEM([]byte(os.Getenv(envRSAPublic)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", envRSAPublic, err)
	}
	return key, nil
}
`)

var tmplDB = parse("db", `// Package db opens the SQL database and runs transactions.
package db

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"{{.Module}}/internal/config"
)

// Open connects to the database named by cfg and checks the connection.
func Open(ctx context.Context, cfg config.Config) (*sql.DB, error) {
	conn, err := sql.Open("pgx", cfg.DatabaseURL)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	conn.SetMaxOpenConns(cfg.MaxOpenConns)
	conn.SetConnMaxLifetime(30 * time.Minute)
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := conn.PingContext(ctx); err != nil {
		conn.Close()
		return nil, fmt.Errorf("ping database: %w", err)
	}
	return conn, nil
}

// Tx runs fn in a transaction, rolling back when fn fails.
func Tx(ctx context.Context, conn *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		if rbErr := tx.Rollback(); rbErr != nil {
			return fmt.Errorf("%w (rollback: %v)", err, rbErr)
		}
		return err
	}
	return tx.Commit()
}
`)

var tmplHTTPX = parse("httpx", `// Package httpx holds the JSON and header helpers every handler uses.
package httpx

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
)

// ErrNoToken is returned when a request carries no bearer token.
var ErrNoToken = errors.New("httpx: no bearer token")

// WriteJSON writes v as the JSON body of a response with status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// Error writes an error body.
func Error(w http.ResponseWriter, status int, msg string) {
	WriteJSON(w, status, map[string]string{"error": msg})
}

// DecodeJSON reads a JSON request body of at most 1 MiB into v.
func DecodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// BearerToken returns the token of an "Authorization: Bearer" header.
func BearerToken(r *http.Request) (string, error) {
	raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || strings.TrimSpace(raw) == "" {
		return "", ErrNoToken
	}
	return strings.TrimSpace(raw), nil
}
`)

var tmplTokens = parse("tokens", `// Package tokens holds the claims, parser and keyfunc that the access
// tokens of every domain share.
package tokens

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"{{.Module}}/internal/config"
)

// ErrUnexpectedMethod is returned for a token signed with another
// algorithm family.
var ErrUnexpectedMethod = errors.New("tokens: unexpected signing method")

// Claims are the claims of an access token.
type Claims struct {
	UserID string   {{tag "uid"}}
	Roles  []string {{tag "roles,omitempty"}}
	jwt.RegisteredClaims
}

// HasRole reports whether the token grants role.
func (c *Claims) HasRole(role string) bool {
	return slices.Contains(c.Roles, role)
}

// DefaultParser accepts HS256 tokens of our issuer and audience that carry
// an expiry.
var DefaultParser = jwt.NewParser(
	jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
	jwt.WithIssuer(config.DefaultIssuer),
	jwt.WithAudience(config.DefaultAudience),
	jwt.WithExpirationRequired(),
	jwt.WithLeeway(30*time.Second),
)

// NewClaims returns the claims of a token for userID valid for ttl.
func NewClaims(userID string, roles []string, ttl time.Duration) Claims {
	now := time.Now()
	return Claims{
		UserID: userID,
		Roles:  roles,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    config.DefaultIssuer,
			Subject:   userID,
			Audience:  jwt.ClaimStrings{config.DefaultAudience},
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(ttl)),
		},
	}
}

// HMACKeyfunc returns a keyfunc that accepts HMAC tokens signed with key.
func HMACKeyfunc(key []byte) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("%w: %v", ErrUnexpectedMethod, t.Header["alg"])
		}
		return key, nil
	}
}

// Sign signs claims with HS256 and key.
func Sign(claims Claims, key []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}
`)

var tmplTokensTest = parse("tokens_test", `package tokens

import (
	"testing"
	"time"
)

func TestSignParse(t *testing.T) {
	key := []byte("test-only-key-0123456789abcdef0123")
	raw, err := Sign(NewClaims("u1", []string{"admin"}, time.Minute), key)
	if err != nil {
		t.Fatal(err)
	}
	var got Claims
	if _, err := DefaultParser.ParseWithClaims(raw, &got, HMACKeyfunc(key)); err != nil {
		t.Fatal(err)
	}
	if got.UserID != "u1" || !got.HasRole("admin") {
		t.Errorf("claims = %+v", got)
	}
}
`)

var tmplStrutil = parse("strutil", `// Package strutil holds string helpers.
package strutil

import (
	"strings"
	"unicode"
)

// Slug lower-cases s and replaces runs of other characters with one dash.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// Truncate cuts s to at most n runes.
func Truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

// NormalizeEmail trims and lower-cases an address.
func NormalizeEmail(s string) string {
	return strings.ToLower(strings.TrimSpace(s))
}

// SplitList splits a comma-separated list, dropping empty items.
func SplitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
`)

var tmplTimeutil = parse("timeutil", `// Package timeutil holds time helpers.
package timeutil

import (
	"fmt"
	"time"
)

// StartOfDay returns midnight of t's day in t's location.
func StartOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// ParseDate parses a YYYY-MM-DD date in UTC.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q: %w", s, err)
	}
	return t, nil
}

// Expired reports whether deadline has passed at now.
func Expired(deadline, now time.Time) bool {
	return !deadline.IsZero() && now.After(deadline)
}
`)

var tmplMain = parse("main", `// Command server runs the HTTP API.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"{{.Module}}/internal/config"
	"{{.Module}}/internal/platform/db"
{{- range .Domains}}
	{{.Alias "api"}} "{{.Path "api"}}"
	{{.Alias "service"}} "{{.Path "service"}}"
	{{.Alias "store"}} "{{.Path "store"}}"
{{- end}}
)

func main() {
	cfg, err := config.Load()
	if err != nil {
		log.Fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	conn, err := db.Open(ctx, cfg)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	mux := http.NewServeMux()
{{- range .Domains}}
	{{.Name}}Svc := {{.Alias "service"}}.New({{.Alias "store"}}.New(conn){{range .Deps}}, {{.Name}}Svc{{end}})
	{{.Alias "api"}}.New({{.Name}}Svc).Routes(mux)
{{- end}}

	srv := &http.Server{Addr: cfg.Addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownAfter)
		defer cancel()
		_ = srv.Shutdown(shutdownCtx)
	}()
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}
`)

var tmplModel = parse("model", `// Package model holds the {{.Name}} domain types.
package model

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Status is the lifecycle state of a {{.Type}}.
type Status string

const (
	StatusActive   Status = "active"
	StatusArchived Status = "archived"
	MaxNameLength         = 120
)

// ErrInvalid is wrapped by validation errors.
var ErrInvalid = errors.New("{{.Name}}: invalid")

// {{.Type}} is one {{.Name}} record.
type {{.Type}} struct {
	ID        string    {{tag "id"}}
	OwnerID   string    {{tag "owner_id"}}
	Name      string    {{tag "name"}}
	Status    Status    {{tag "status"}}
	Amount    int64     {{tag "amount"}}
	CreatedAt time.Time {{tag "created_at"}}
	UpdatedAt time.Time {{tag "updated_at"}}
{{- range .Extras}}
	{{.}}
{{- end}}
}

// Validate checks the fields a client controls.
func (x *{{.Type}}) Validate() error {
	name := strings.TrimSpace(x.Name)
	switch {
	case name == "":
		return fmt.Errorf("%w: empty name", ErrInvalid)
	case len(name) > MaxNameLength:
		return fmt.Errorf("%w: name longer than %d", ErrInvalid, MaxNameLength)
	case x.Amount < 0:
		return fmt.Errorf("%w: negative amount", ErrInvalid)
	}
	return nil
}

// CreateRequest is the body of a create call.
type CreateRequest struct {
	Name   string {{tag "name"}}
	Amount int64  {{tag "amount"}}
}

// ToModel returns the record a create request describes.
func (r CreateRequest) ToModel(owner string, now time.Time) {{.Type}} {
	return {{.Type}}{
		OwnerID:   owner,
		Name:      strings.TrimSpace(r.Name),
		Status:    StatusActive,
		Amount:    r.Amount,
		CreatedAt: now,
		UpdatedAt: now,
	}
}
`)

var tmplModelTest = parse("model_test", `package model

import (
	"errors"
	"testing"
)

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		in   {{.Type}}
		want error
	}{
		{ {{.Type}}{Name: "ok"}, nil},
		{ {{.Type}}{Name: "  "}, ErrInvalid},
		{ {{.Type}}{Name: "x", Amount: -1}, ErrInvalid},
	} {
		if err := tc.in.Validate(); !errors.Is(err, tc.want) {
			t.Errorf("Validate(%+v) = %v, want %v", tc.in, err, tc.want)
		}
	}
}
`)

var tmplStore = parse("store", `// Package store keeps {{.Name}} records in SQL.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"{{.Module}}/domains/{{.Name}}/model"
)

// ErrNotFound is returned for an unknown id.
var ErrNotFound = errors.New("{{.Name}}: not found")

const columns = "id, owner_id, name, status, amount, created_at, updated_at"

// Repo reads and writes the {{.Table}} table.
type Repo struct {
	db *sql.DB
}

// New returns a Repo on db.
func New(db *sql.DB) *Repo {
	return &Repo{db: db}
}

type scanner interface {
	Scan(dest ...any) error
}

func scan(s scanner) (model.{{.Type}}, error) {
	var x model.{{.Type}}
	err := s.Scan(&x.ID, &x.OwnerID, &x.Name, &x.Status, &x.Amount, &x.CreatedAt, &x.UpdatedAt)
	return x, err
}

// Get returns the record with id.
func (r *Repo) Get(ctx context.Context, id string) (model.{{.Type}}, error) {
	x, err := scan(r.db.QueryRowContext(ctx, "SELECT "+columns+" FROM {{.Table}} WHERE id = $1", id))
	if errors.Is(err, sql.ErrNoRows) {
		return model.{{.Type}}{}, ErrNotFound
	}
	if err != nil {
		return model.{{.Type}}{}, fmt.Errorf("get {{.Name}} %s: %w", id, err)
	}
	return x, nil
}

// ListByOwner returns up to limit records of owner, newest first.
func (r *Repo) ListByOwner(ctx context.Context, owner string, limit int) ([]model.{{.Type}}, error) {
	rows, err := r.db.QueryContext(ctx,
		"SELECT "+columns+" FROM {{.Table}} WHERE owner_id = $1 ORDER BY created_at DESC LIMIT $2", owner, limit)
	if err != nil {
		return nil, fmt.Errorf("list {{.Table}}: %w", err)
	}
	defer rows.Close()
	var out []model.{{.Type}}
	for rows.Next() {
		x, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// Insert stores a new record.
func (r *Repo) Insert(ctx context.Context, x model.{{.Type}}) error {
	_, err := r.db.ExecContext(ctx,
		"INSERT INTO {{.Table}} ("+columns+") VALUES ($1, $2, $3, $4, $5, $6, $7)",
		x.ID, x.OwnerID, x.Name, x.Status, x.Amount, x.CreatedAt, x.UpdatedAt)
	if err != nil {
		return fmt.Errorf("insert {{.Name}}: %w", err)
	}
	return nil
}

// Archive marks a record archived.
func (r *Repo) Archive(ctx context.Context, id string, now time.Time) error {
	res, err := r.db.ExecContext(ctx, "UPDATE {{.Table}} SET status = $1, updated_at = $2 WHERE id = $3",
		model.StatusArchived, now, id)
	if err != nil {
		return fmt.Errorf("archive {{.Name}}: %w", err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return ErrNotFound
	}
	return nil
}
`)

var tmplService = parse("service", `// Package service holds the {{.Name}} business rules.
package service

import (
	"context"
	"fmt"
	"time"

	"{{.Module}}/domains/{{.Name}}/model"
	"{{.Module}}/domains/{{.Name}}/store"
	"{{.Module}}/pkg/strutil"
	"{{.Module}}/pkg/timeutil"
{{- range .Deps}}
	{{.Alias "service"}} "{{.Path "service"}}"
{{- end}}
)

// PageSize is the number of records a list returns.
const PageSize = 50

// Service is the {{.Name}} API behind the handlers.
type Service struct {
	repo *store.Repo
	now  func() time.Time
{{- range .Deps}}
	{{.Name}} *{{.Alias "service"}}.Service
{{- end}}
}

// New returns a Service over repo.
func New(repo *store.Repo{{range .Deps}}, {{.Name}} *{{.Alias "service"}}.Service{{end}}) *Service {
	return &Service{repo: repo, now: time.Now{{range .Deps}}, {{.Name}}: {{.Name}}{{end}} }
}

// Get returns one record.
func (s *Service) Get(ctx context.Context, id string) (model.{{.Type}}, error) {
	return s.repo.Get(ctx, id)
}

// Create validates and stores a new record for owner.
func (s *Service) Create(ctx context.Context, owner string, req model.CreateRequest) (model.{{.Type}}, error) {
	x := req.ToModel(owner, s.now())
	if err := x.Validate(); err != nil {
		return model.{{.Type}}{}, err
	}
	x.ID = fmt.Sprintf("%s-%d", strutil.Slug(strutil.Truncate(x.Name, 32)), x.CreatedAt.UnixNano())
{{- range .Deps}}
	if _, err := s.{{.Name}}.ListForOwner(ctx, owner); err != nil {
		return model.{{$.Type}}{}, fmt.Errorf("checking {{.Name}} of %s: %w", owner, err)
	}
{{- end}}
	if err := s.repo.Insert(ctx, x); err != nil {
		return model.{{.Type}}{}, err
	}
	return x, nil
}

// ListForOwner returns the first page of owner's records created today.
func (s *Service) ListForOwner(ctx context.Context, owner string) ([]model.{{.Type}}, error) {
	all, err := s.repo.ListByOwner(ctx, owner, PageSize)
	if err != nil {
		return nil, err
	}
	today := timeutil.StartOfDay(s.now())
	var out []model.{{.Type}}
	for _, x := range all {
		if !x.CreatedAt.Before(today) {
			out = append(out, x)
		}
	}
	return out, nil
}

// Archive archives one record.
func (s *Service) Archive(ctx context.Context, id string) error {
	return s.repo.Archive(ctx, id, s.now())
}
`)

// The auth templates share one surface (Claims with a UserID field,
// Issue, Verify, Keyfunc) so the middleware and the api package are the
// same for every variant.
var authTemplates = [numAuthVariants]*template.Template{
	authEnvGetter: parse("auth-env", `// Package auth issues and checks the {{.Name}} access tokens.
package auth

import (
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"{{.Module}}/internal/config"
	"{{.Module}}/internal/secrets"
)

// Scope is the scope claim of {{.Name}} tokens.
const Scope = "{{.Name}}"

// Claims are the claims of a {{.Name}} token.
type Claims struct {
	UserID string {{tag "uid"}}
	Scope  string {{tag "scope"}}
	jwt.RegisteredClaims
}

func signingKey() ([]byte, error) {
	return secrets.FromEnv("{{.KeyEnv}}")
}

// Issue returns a signed token for userID.
func Issue(userID string) (string, error) {
	key, err := signingKey()
	if err != nil {
		key = secrets.SigningKey()
	}
	now := time.Now()
	claims := Claims{
		UserID: userID,
		Scope:  Scope,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    config.DefaultIssuer,
			Subject:   userID,
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(config.DefaultTTL)),
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethod{{.HMACAlg}}, claims).SignedString(key)
}

// Keyfunc returns the key of {{.Name}} tokens.
func Keyfunc(t *jwt.Token) (any, error) {
	if t.Method != jwt.SigningMethod{{.HMACAlg}} {
		return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
	}
	if key, err := signingKey(); err == nil {
		return key, nil
	}
	return secrets.SigningKey(), nil
}

// Verify checks a token and returns its claims.
func Verify(raw string) (*Claims, error) {
	claims := new(Claims)
	_, err := jwt.ParseWithClaims(raw, claims, Keyfunc,
		jwt.WithValidMethods([]string{"{{.HMACAlg}}"}),
		jwt.WithIssuer(config.DefaultIssuer),
		jwt.WithExpirationRequired())
	if err != nil {
		return nil, fmt.Errorf("{{.Name}} token: %w", err)
	}
	if claims.Scope != Scope {
		return nil, fmt.Errorf("{{.Name}} token: scope %q", claims.Scope)
	}
	return claims, nil
}
`),
	authStruct: parse("auth-struct", `// Package auth issues and checks the {{.Name}} access tokens.
package auth

import (
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"{{.Module}}/internal/config"
	"{{.Module}}/internal/secrets"
)

// Options configure an Authenticator.
type Options struct {
	Secret   []byte
	TTL      time.Duration
	Issuer   string
	Audience string
}

// Claims are the claims of a {{.Name}} token.
type Claims struct {
	UserID string {{tag "uid"}}
	jwt.RegisteredClaims
}

// Authenticator issues and verifies tokens with one HMAC key.
type Authenticator struct {
	opts   Options
	parser *jwt.Parser
}

// New returns an Authenticator; it rejects keys shorter than the minimum.
func New(opts Options) (*Authenticator, error) {
	if len(opts.Secret) < config.MinKeyLength {
		return nil, errors.New("{{.Name}} auth: secret too short")
	}
	if opts.TTL == 0 {
		opts.TTL = config.DefaultTTL
	}
	return &Authenticator{
		opts: opts,
		parser: jwt.NewParser(
			jwt.WithValidMethods([]string{jwt.SigningMethod{{.HMACAlg}}.Alg()}),
			jwt.WithIssuer(opts.Issuer),
			jwt.WithAudience(opts.Audience),
			jwt.WithExpirationRequired(),
		),
	}, nil
}

// Issue returns a signed token for userID.
func (a *Authenticator) Issue(userID string) (string, error) {
	now := time.Now()
	tok := jwt.NewWithClaims(jwt.SigningMethod{{.HMACAlg}}, Claims{
		UserID: userID,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    a.opts.Issuer,
			Audience:  jwt.ClaimStrings{a.opts.Audience},
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(a.opts.TTL)),
		},
	})
	return tok.SignedString(a.opts.Secret)
}

func (a *Authenticator) keyfunc(t *jwt.Token) (any, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
	}
	return a.opts.Secret, nil
}

// Verify checks a token and returns its claims.
func (a *Authenticator) Verify(raw string) (*Claims, error) {
	claims := new(Claims)
	if _, err := a.parser.ParseWithClaims(raw, claims, a.keyfunc); err != nil {
		return nil, fmt.Errorf("{{.Name}} token: %w", err)
	}
	return claims, nil
}

var std, stdErr = New(Options{
	Secret:   secrets.SigningKey(),
	Issuer:   config.DefaultIssuer,
	Audience: config.DefaultAudience,
})

// Issue issues a token with the process-wide Authenticator.
func Issue(userID string) (string, error) {
	if stdErr != nil {
		return "", stdErr
	}
	return std.Issue(userID)
}

// Verify verifies a token with the process-wide Authenticator.
func Verify(raw string) (*Claims, error) {
	if stdErr != nil {
		return nil, stdErr
	}
	return std.Verify(raw)
}

// Keyfunc is the process-wide Authenticator's keyfunc.
func Keyfunc(t *jwt.Token) (any, error) {
	if stdErr != nil {
		return nil, stdErr
	}
	return std.keyfunc(t)
}
`),
	authRSA: parse("auth-rsa", `// Package auth issues and checks the {{.Name}} access tokens.
package auth

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"{{.Module}}/internal/config"
	"{{.Module}}/internal/secrets"
)

// Claims are the claims of a {{.Name}} token.
type Claims struct {
	UserID string {{tag "uid"}}
	jwt.RegisteredClaims
}

var (
	keysOnce   sync.Once
	privateKey *rsa.PrivateKey
	publicKey  *rsa.PublicKey
	keysErr    error
)

func loadKeys() error {
	keysOnce.Do(func() {
		privateKey, keysErr = secrets.RSAPrivateKey()
		if keysErr == nil {
			publicKey, keysErr = secrets.RSAPublicKey()
		}
	})
	return keysErr
}

var parser = jwt.NewParser(
	jwt.WithValidMethods([]string{jwt.SigningMethodRS256.Alg()}),
	jwt.WithAudience(config.DefaultAudience),
	jwt.WithExpirationRequired(),
)

// Issue returns a signed token for userID.
func Issue(userID string) (string, error) {
	if err := loadKeys(); err != nil {
		return "", err
	}
	now := time.Now()
	tok := jwt.NewWithClaims(jwt.SigningMethodRS256, Claims{
		UserID: userID,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    config.DefaultIssuer,
			Audience:  jwt.ClaimStrings{config.DefaultAudience},
			ExpiresAt: jwt.NewNumericDate(now.Add(config.DefaultTTL)),
			NotBefore: jwt.NewNumericDate(now),
		},
	})
	return tok.SignedString(privateKey)
}

// Keyfunc returns the public key of {{.Name}} tokens.
func Keyfunc(t *jwt.Token) (any, error) {
	if _, ok := t.Method.(*jwt.SigningMethodRSA); !ok {
		return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
	}
	if err := loadKeys(); err != nil {
		return nil, err
	}
	return publicKey, nil
}

// Verify checks a token and returns its claims.
func Verify(raw string) (*Claims, error) {
	tok, err := parser.ParseWithClaims(raw, &Claims{}, Keyfunc)
	if err != nil {
		return nil, fmt.Errorf("{{.Name}} token: %w", err)
	}
	claims, ok := tok.Claims.(*Claims)
	if !ok || !tok.Valid {
		return nil, errors.New("{{.Name}} token: invalid claims")
	}
	return claims, nil
}
`),
	authShared: parse("auth-shared", `// Package auth issues and checks the {{.Name}} access tokens.
package auth

import (
	"fmt"

	"github.com/golang-jwt/jwt/v5"

	"{{.Module}}/internal/config"
	"{{.Module}}/internal/secrets"
	"{{.Module}}/pkg/tokens"
)

// Claims are the shared access-token claims.
type Claims = tokens.Claims

// Role is the role {{.Name}} tokens carry.
const Role = "{{.Name}}"

// Issue returns a signed token for userID.
func Issue(userID string) (string, error) {
	return tokens.Sign(tokens.NewClaims(userID, []string{Role}, config.DefaultTTL), secrets.SigningKey())
}

// Keyfunc returns the shared HMAC key.
func Keyfunc(t *jwt.Token) (any, error) {
	return tokens.HMACKeyfunc(secrets.SigningKey())(t)
}

// Verify checks a token and returns its claims.
func Verify(raw string) (*Claims, error) {
	claims := new(Claims)
	if _, err := tokens.DefaultParser.ParseWithClaims(raw, claims, Keyfunc); err != nil {
		return nil, fmt.Errorf("{{.Name}} token: %w", err)
	}
	if !claims.HasRole(Role) {
		return nil, fmt.Errorf("{{.Name}} token: missing role %s", Role)
	}
	return claims, nil
}
`),
	authRefresh: parse("auth-refresh", `// Package auth checks {{.PrevAuth.Name}} access tokens and issues the
// refresh tokens that renew them.
package auth

import (
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"

	{{.PrevAuth.Alias "auth"}} "{{.PrevAuth.Path "auth"}}"
	"{{.Module}}/internal/config"
	"{{.Module}}/internal/secrets"
)

// Claims are the claims of a refresh token.
type Claims struct {
	UserID string {{tag "uid"}}
	jwt.RegisteredClaims
}

// Issue returns a refresh token for userID.
func Issue(userID string) (string, error) {
	now := time.Now()
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, Claims{
		UserID: userID,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    config.DefaultIssuer,
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(config.RefreshTTL)),
		},
	})
	return tok.SignedString(secrets.RefreshKey())
}

// Keyfunc returns the refresh-token key.
func Keyfunc(t *jwt.Token) (any, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
	}
	return secrets.RefreshKey(), nil
}

// Refresh exchanges a refresh token for a new access token.
func Refresh(raw string) (string, error) {
	claims := new(Claims)
	_, err := jwt.ParseWithClaims(raw, claims, Keyfunc,
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())
	if err != nil {
		return "", fmt.Errorf("refresh token: %w", err)
	}
	return {{.PrevAuth.Alias "auth"}}.Issue(claims.UserID)
}

// Verify checks an access token of {{.PrevAuth.Name}}.
func Verify(raw string) (*Claims, error) {
	access, err := {{.PrevAuth.Alias "auth"}}.Verify(raw)
	if err != nil {
		return nil, err
	}
	return &Claims{UserID: access.UserID}, nil
}
`),
	authFallback: parse("auth-fallback", `// Package auth issues and checks the {{.Name}} access tokens.
package auth

import (
	"fmt"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"{{.Module}}/internal/config"
)

// Claims are the claims of a {{.Name}} token.
type Claims struct {
	UserID string {{tag "uid"}}
	jwt.RegisteredClaims
}

var secret = loadSecret()

func loadSecret() []byte {
	if s := os.Getenv("{{.KeyEnv}}"); s != "" {
		return []byte(s)
	}
	return []byte("{{.Name}}-dev-secret")
}

// Issue returns a signed token for userID.
func Issue(userID string) (string, error) {
	claims := Claims{
		UserID: userID,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    config.DefaultIssuer,
			ExpiresAt: jwt.NewNumericDate(time.Now().Add(config.DefaultTTL)),
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethod{{.HMACAlg}}, claims).SignedString(secret)
}

// Keyfunc returns the {{.Name}} key.
func Keyfunc(t *jwt.Token) (any, error) {
	return secret, nil
}

// Verify checks a token and returns its claims.
func Verify(raw string) (*Claims, error) {
	claims := new(Claims)
	if _, err := jwt.ParseWithClaims(raw, claims, Keyfunc, jwt.WithValidMethods([]string{"{{.HMACAlg}}"})); err != nil {
		return nil, fmt.Errorf("{{.Name}} token: %w", err)
	}
	return claims, nil
}
`),
	authMapClaims: parse("auth-mapclaims", `// Package auth issues and checks the {{.Name}} access tokens.
package auth

import (
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"{{.Module}}/internal/config"
	"{{.Module}}/internal/secrets"
)

// Claims is what handlers learn from a token.
type Claims struct {
	UserID string
}

// Issue returns a signed token for userID.
func Issue(userID string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": userID,
		"iss": config.DefaultIssuer,
		"iat": time.Now().Unix(),
	})
	return tok.SignedString(secrets.SigningKey())
}

// Keyfunc returns the shared key.
func Keyfunc(t *jwt.Token) (any, error) {
	return secrets.SigningKey(), nil
}

// Verify checks a token and returns its claims.
func Verify(raw string) (*Claims, error) {
	tok, err := jwt.Parse(raw, Keyfunc)
	if err != nil {
		return nil, fmt.Errorf("{{.Name}} token: %w", err)
	}
	sub, err := tok.Claims.GetSubject()
	if err != nil {
		return nil, err
	}
	return &Claims{UserID: sub}, nil
}

// PeekSubject returns a token's subject for request logs.
func PeekSubject(raw string) string {
	tok, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		return ""
	}
	sub, _ := tok.Claims.GetSubject()
	return sub
}
`),
	authConstant: parse("auth-constant", `// Package auth issues and checks the {{.Name}} tokens that internal
// services exchange.
package auth

import (
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"{{.Module}}/internal/config"
)

// signingSecret is shared with the services that call {{.Name}}.
var signingSecret = []byte("{{.Name}}-internal-signing-secret-v1")

// Claims are the claims of a {{.Name}} service token.
type Claims struct {
	UserID string {{tag "uid"}}
	jwt.RegisteredClaims
}

// Issue returns a signed token for userID.
func Issue(userID string) (string, error) {
	claims := Claims{
		UserID: userID,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    config.DefaultIssuer,
			ExpiresAt: jwt.NewNumericDate(time.Now().Add(config.DefaultTTL)),
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingSecret)
}

// Keyfunc returns the {{.Name}} key.
func Keyfunc(t *jwt.Token) (any, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
	}
	return signingSecret, nil
}

// Verify checks a token and returns its claims.
func Verify(raw string) (*Claims, error) {
	claims := new(Claims)
	_, err := jwt.ParseWithClaims(raw, claims, Keyfunc,
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())
	if err != nil {
		return nil, fmt.Errorf("{{.Name}} token: %w", err)
	}
	return claims, nil
}
`),
}

var tmplMiddleware = parse("middleware", `package auth

import (
	"context"
	"net/http"

	"{{.Module}}/internal/platform/httpx"
)

type ctxKey struct{}

// Middleware rejects requests without a valid token and stores its claims
// in the request context.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, err := httpx.BearerToken(r)
		if err != nil {
			httpx.Error(w, http.StatusUnauthorized, "missing token")
			return
		}
		claims, err := Verify(raw)
		if err != nil {
			httpx.Error(w, http.StatusUnauthorized, "invalid token")
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, claims)))
	})
}

// UserID returns the user of an authenticated request.
func UserID(ctx context.Context) (string, bool) {
	claims, ok := ctx.Value(ctxKey{}).(*Claims)
	if !ok || claims.UserID == "" {
		return "", false
	}
	return claims.UserID, true
}
`)

var tmplAuthTest = parse("auth_test", `package auth

import "testing"

func TestVerifyRejectsGarbage(t *testing.T) {
	if _, err := Verify("not.a.token"); err == nil {
		t.Fatal("Verify accepted a malformed token")
	}
}
{{- if eq .Variant 1}}

func TestRoundTrip(t *testing.T) {
	a, err := New(Options{Secret: []byte("test-only-secret-0123456789abcdef"), Issuer: "test", Audience: "test"})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := a.Issue("u1")
	if err != nil {
		t.Fatal(err)
	}
	claims, err := a.Verify(raw)
	if err != nil || claims.UserID != "u1" {
		t.Fatalf("Verify = %+v, %v", claims, err)
	}
}
{{- end}}
`)

var tmplAPI = parse("api", `// Package api serves the {{.Name}} HTTP endpoints.
package api

import (
	"errors"
	"net/http"

	"{{.Module}}/domains/{{.Name}}/auth"
	"{{.Module}}/domains/{{.Name}}/model"
	"{{.Module}}/domains/{{.Name}}/service"
	"{{.Module}}/domains/{{.Name}}/store"
	"{{.Module}}/internal/platform/httpx"
)

// Handler serves /{{.Table}}.
type Handler struct {
	svc *service.Service
}

// New returns a Handler over svc.
func New(svc *service.Service) *Handler {
	return &Handler{svc: svc}
}

// Routes registers the endpoints on mux.
func (h *Handler) Routes(mux *http.ServeMux) {
	mux.Handle("GET /{{.Table}}/{id}", auth.Middleware(http.HandlerFunc(h.get)))
	mux.Handle("GET /{{.Table}}", auth.Middleware(http.HandlerFunc(h.list)))
	mux.Handle("POST /{{.Table}}", auth.Middleware(http.HandlerFunc(h.create)))
	mux.Handle("DELETE /{{.Table}}/{id}", auth.Middleware(http.HandlerFunc(h.archive)))
	mux.Handle("POST /{{.Table}}/token", auth.Middleware(http.HandlerFunc(h.token)))
}

func (h *Handler) get(w http.ResponseWriter, r *http.Request) {
	x, err := h.svc.Get(r.Context(), r.PathValue("id"))
	if errors.Is(err, store.ErrNotFound) {
		httpx.Error(w, http.StatusNotFound, "not found")
		return
	}
	if err != nil {
		httpx.Error(w, http.StatusInternalServerError, "internal error")
		return
	}
	httpx.WriteJSON(w, http.StatusOK, x)
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	owner, ok := auth.UserID(r.Context())
	if !ok {
		httpx.Error(w, http.StatusUnauthorized, "no user")
		return
	}
	xs, err := h.svc.ListForOwner(r.Context(), owner)
	if err != nil {
		httpx.Error(w, http.StatusInternalServerError, "internal error")
		return
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"items": xs, "count": len(xs)})
}

func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	owner, ok := auth.UserID(r.Context())
	if !ok {
		httpx.Error(w, http.StatusUnauthorized, "no user")
		return
	}
	var req model.CreateRequest
	if err := httpx.DecodeJSON(w, r, &req); err != nil {
		httpx.Error(w, http.StatusBadRequest, err.Error())
		return
	}
	x, err := h.svc.Create(r.Context(), owner, req)
	if errors.Is(err, model.ErrInvalid) {
		httpx.Error(w, http.StatusUnprocessableEntity, err.Error())
		return
	}
	if err != nil {
		httpx.Error(w, http.StatusInternalServerError, "internal error")
		return
	}
	httpx.WriteJSON(w, http.StatusCreated, x)
}

func (h *Handler) archive(w http.ResponseWriter, r *http.Request) {
	if err := h.svc.Archive(r.Context(), r.PathValue("id")); err != nil {
		httpx.Error(w, http.StatusNotFound, "not found")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// token issues a fresh token to an authenticated caller.
func (h *Handler) token(w http.ResponseWriter, r *http.Request) {
	owner, ok := auth.UserID(r.Context())
	if !ok {
		httpx.Error(w, http.StatusUnauthorized, "no user")
		return
	}
	tok, err := auth.Issue(owner)
	if err != nil {
		httpx.Error(w, http.StatusInternalServerError, "cannot issue token")
		return
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]string{"token": tok})
}
`)

var tmplJob = parse("job", `// Package {{.Name}} reports the {{.Target.Name}} records of an owner
// periodically.
package {{.Name}}

import (
	"context"
	"log"
	"time"

	"{{.Target.Path "service"}}"
)

// Interval is the time between runs.
const Interval = 10 * time.Minute

// Run reports owner's records every Interval until ctx ends.
func Run(ctx context.Context, svc *service.Service, owner string) {
	ticker := time.NewTicker(Interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			xs, err := svc.ListForOwner(ctx, owner)
			if err != nil {
				log.Printf("{{.Name}}: %v", err)
				continue
			}
			log.Printf("{{.Name}}: %d {{.Target.Table}} today", len(xs))
		}
	}
}
`)
