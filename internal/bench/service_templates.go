package bench

import (
	"strings"
	"text/template"
)

// parseSvc parses a template of the service shape, where ´ stands for the
// backquote a raw string cannot hold (struct tags).
func parseSvc(name, text string) *template.Template {
	return parse(name, strings.ReplaceAll(text, "´", "`"))
}

var svcSettings = parseSvc("settings", `// Package settings reads the service configuration with viper: a YAML
// file, overridden by APP_* environment variables.
package settings

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/viper"
)

// Settings is the service configuration.
type Settings struct {
	Env    string ´mapstructure:"env"´
	HTTP   HTTP   ´mapstructure:"http"´
	DB     DB     ´mapstructure:"db"´
	Redis  Redis  ´mapstructure:"redis"´
	AWS    AWS    ´mapstructure:"aws"´
	Auth   Auth   ´mapstructure:"auth"´
	Tracing Tracing ´mapstructure:"tracing"´
}

type HTTP struct {
	Addr            string        ´mapstructure:"addr"´
	ReadTimeout     time.Duration ´mapstructure:"read_timeout"´
	ShutdownTimeout time.Duration ´mapstructure:"shutdown_timeout"´
}

type DB struct {
	DSN          string ´mapstructure:"dsn"´
	MaxOpenConns int    ´mapstructure:"max_open_conns"´
	MaxIdleConns int    ´mapstructure:"max_idle_conns"´
}

type Redis struct {
	Addr     string ´mapstructure:"addr"´
	Password string ´mapstructure:"password"´
	DB       int    ´mapstructure:"db"´
}

type AWS struct {
	Region       string ´mapstructure:"region"´
	Bucket       string ´mapstructure:"bucket"´
	QueueURL     string ´mapstructure:"queue_url"´
	AuditTable   string ´mapstructure:"audit_table"´
	SigningKeyID string ´mapstructure:"signing_key_id"´
}

// Auth holds the token settings; the key itself lives in Secrets Manager
// under AWS.SigningKeyID.
type Auth struct {
	Issuer   string        ´mapstructure:"issuer"´
	Audience string        ´mapstructure:"audience"´
	TTL      time.Duration ´mapstructure:"ttl"´
}

type Tracing struct {
	Endpoint string  ´mapstructure:"endpoint"´
	Ratio    float64 ´mapstructure:"ratio"´
}

// ErrIncomplete is returned when a required setting is missing.
var ErrIncomplete = errors.New("settings: incomplete")

// Load reads the settings from path (if not empty) and the environment.
func Load(path string) (*Settings, error) {
	v := viper.New()
	v.SetDefault("env", "development")
	v.SetDefault("http.addr", ":8080")
	v.SetDefault("http.read_timeout", 10*time.Second)
	v.SetDefault("http.shutdown_timeout", 20*time.Second)
	v.SetDefault("db.max_open_conns", 20)
	v.SetDefault("db.max_idle_conns", 5)
	v.SetDefault("redis.addr", "localhost:6379")
	v.SetDefault("aws.region", "eu-west-1")
	v.SetDefault("auth.issuer", "benchservice")
	v.SetDefault("auth.audience", "benchservice-api")
	v.SetDefault("auth.ttl", 15*time.Minute)
	v.SetDefault("tracing.ratio", 0.1)
	v.SetEnvPrefix("APP")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	if path != "" {
		v.SetConfigFile(path)
		if err := v.ReadInConfig(); err != nil {
			return nil, fmt.Errorf("settings: %w", err)
		}
	}
	var s Settings
	if err := v.Unmarshal(&s); err != nil {
		return nil, fmt.Errorf("settings: %w", err)
	}
	if s.DB.DSN == "" || s.AWS.SigningKeyID == "" {
		return nil, fmt.Errorf("%w: db.dsn and aws.signing_key_id are required", ErrIncomplete)
	}
	return &s, nil
}

// Production reports whether the service runs in production.
func (s *Settings) Production() bool { return s.Env == "production" }
`)

var svcSettingsTest = parseSvc("settings_test", `package settings

import (
	"errors"
	"testing"
)

func TestLoadRequiresDSN(t *testing.T) {
	t.Setenv("APP_DB_DSN", "")
	if _, err := Load(""); !errors.Is(err, ErrIncomplete) {
		t.Fatalf("Load = %v, want ErrIncomplete", err)
	}
}
`)

var svcLogging = parseSvc("logging", `// Package logging builds the zap logger and the gin middleware that logs
// requests with it.
package logging

import (
	"time"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// New returns a JSON logger for production and a console one otherwise.
func New(production bool) (*zap.Logger, error) {
	if production {
		cfg := zap.NewProductionConfig()
		cfg.EncoderConfig.TimeKey = "ts"
		cfg.EncoderConfig.EncodeTime = zapcore.ISO8601TimeEncoder
		return cfg.Build()
	}
	return zap.NewDevelopment()
}

// Requests logs one line per request.
func Requests(log *zap.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		log.Info("request",
			zap.String("method", c.Request.Method),
			zap.String("route", c.FullPath()),
			zap.Int("status", c.Writer.Status()),
			zap.Duration("took", time.Since(start)),
			zap.String("client", c.ClientIP()),
		)
	}
}
`)

var svcAWSSecrets = parseSvc("awssecrets", `// Package awssecrets reads secrets from AWS Secrets Manager and caches
// them for a while.
package awssecrets

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
)

// ErrEmpty is returned for a secret without a value.
var ErrEmpty = errors.New("awssecrets: empty secret")

type entry struct {
	value   []byte
	fetched time.Time
}

// Store reads secrets by id.
type Store struct {
	client *secretsmanager.Client
	ttl    time.Duration

	mu    sync.Mutex
	cache map[string]entry
}

// New returns a Store for region using the default credential chain.
func New(ctx context.Context, region string, ttl time.Duration) (*Store, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))
	if err != nil {
		return nil, fmt.Errorf("awssecrets: %w", err)
	}
	return &Store{client: secretsmanager.NewFromConfig(cfg), ttl: ttl, cache: make(map[string]entry)}, nil
}

// Bytes returns the secret id, from the cache while it is fresh.
func (s *Store) Bytes(ctx context.Context, id string) ([]byte, error) {
	s.mu.Lock()
	e, ok := s.cache[id]
	s.mu.Unlock()
	if ok && time.Since(e.fetched) < s.ttl {
		return e.value, nil
	}
	out, err := s.client.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(id)})
	if err != nil {
		return nil, fmt.Errorf("awssecrets: %s: %w", id, err)
	}
	var value []byte
	switch {
	case out.SecretBinary != nil:
		value = out.SecretBinary
	case out.SecretString != nil:
		value, err = base64.StdEncoding.DecodeString(aws.ToString(out.SecretString))
		if err != nil {
			value = []byte(aws.ToString(out.SecretString))
		}
	}
	if len(value) == 0 {
		return nil, fmt.Errorf("%w: %s", ErrEmpty, id)
	}
	s.mu.Lock()
	s.cache[id] = entry{value: value, fetched: time.Now()}
	s.mu.Unlock()
	return value, nil
}
`)

var svcAuthn = parseSvc("authn", `// Package authn is the shared gin middleware of the domains without an
// auth package of their own: HS256 access tokens signed with a key kept in
// Secrets Manager.
package authn

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"

	"{{.Module}}/internal/awssecrets"
	"{{.Module}}/internal/settings"
	"{{.Module}}/pkg/tokens"
)

// ContextUser is the gin context key of the authenticated user's id.
const ContextUser = "user_id"

// Verifier checks access tokens.
type Verifier struct {
	store  *awssecrets.Store
	keyID  string
	parser *jwt.Parser
}

// NewVerifier returns a Verifier for the configured issuer and audience.
func NewVerifier(store *awssecrets.Store, cfg *settings.Settings) *Verifier {
	return &Verifier{
		store: store,
		keyID: cfg.AWS.SigningKeyID,
		parser: jwt.NewParser(
			jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
			jwt.WithIssuer(cfg.Auth.Issuer),
			jwt.WithAudience(cfg.Auth.Audience),
			jwt.WithExpirationRequired(),
		),
	}
}

// Verify checks raw and returns its claims.
func (v *Verifier) Verify(ctx context.Context, raw string) (*tokens.Claims, error) {
	key, err := v.store.Bytes(ctx, v.keyID)
	if err != nil {
		return nil, err
	}
	claims := new(tokens.Claims)
	if _, err := v.parser.ParseWithClaims(raw, claims, tokens.HMACKeyfunc(key)); err != nil {
		return nil, fmt.Errorf("authn: %w", err)
	}
	return claims, nil
}

// Issue signs an access token for userID.
func (v *Verifier) Issue(ctx context.Context, userID string, cfg *settings.Settings) (string, error) {
	key, err := v.store.Bytes(ctx, v.keyID)
	if err != nil {
		return "", err
	}
	claims := tokens.NewClaims(userID, []string{"user"}, cfg.Auth.TTL)
	claims.Issuer = cfg.Auth.Issuer
	claims.Audience = jwt.ClaimStrings{cfg.Auth.Audience}
	return tokens.Sign(claims, key)
}

// Required rejects requests without a valid bearer token.
func (v *Verifier) Required() gin.HandlerFunc {
	return func(c *gin.Context) {
		raw, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
		if !ok || raw == "" {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "missing token"})
			return
		}
		claims, err := v.Verify(c.Request.Context(), raw)
		if err != nil {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid token"})
			return
		}
		c.Set(ContextUser, claims.UserID)
		c.Next()
	}
}
`)

var svcStorage = parseSvc("storage", `// Package storage keeps uploaded files in S3.
package storage

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// Uploader stores objects in one bucket.
type Uploader struct {
	client  *s3.Client
	presign *s3.PresignClient
	bucket  string
}

// New returns an Uploader for bucket in region.
func New(ctx context.Context, region, bucket string) (*Uploader, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))
	if err != nil {
		return nil, fmt.Errorf("storage: %w", err)
	}
	client := s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true })
	return &Uploader{client: client, presign: s3.NewPresignClient(client), bucket: bucket}, nil
}

// Put stores body under key, encrypted at rest.
func (u *Uploader) Put(ctx context.Context, key, contentType string, body io.Reader) error {
	_, err := u.client.PutObject(ctx, &s3.PutObjectInput{
		Bucket:               aws.String(u.bucket),
		Key:                  aws.String(key),
		Body:                 body,
		ContentType:          aws.String(contentType),
		ServerSideEncryption: types.ServerSideEncryptionAes256,
	})
	if err != nil {
		return fmt.Errorf("storage: put %s: %w", key, err)
	}
	return nil
}

// URL returns a presigned download URL valid for ttl.
func (u *Uploader) URL(ctx context.Context, key string, ttl time.Duration) (string, error) {
	req, err := u.presign.PresignGetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String(u.bucket),
		Key:    aws.String(key),
	}, s3.WithPresignExpires(ttl))
	if err != nil {
		return "", fmt.Errorf("storage: presign %s: %w", key, err)
	}
	return req.URL, nil
}

// Delete removes key.
func (u *Uploader) Delete(ctx context.Context, key string) error {
	_, err := u.client.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String(u.bucket), Key: aws.String(key)})
	return err
}

// List returns the keys under prefix, at most limit of them.
func (u *Uploader) List(ctx context.Context, prefix string, limit int32) ([]string, error) {
	var keys []string
	p := s3.NewListObjectsV2Paginator(u.client, &s3.ListObjectsV2Input{
		Bucket:  aws.String(u.bucket),
		Prefix:  aws.String(prefix),
		MaxKeys: aws.Int32(limit),
	})
	for p.HasMorePages() && len(keys) < int(limit) {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, obj := range page.Contents {
			keys = append(keys, aws.ToString(obj.Key))
		}
	}
	return keys, nil
}
`)

var svcDatabase = parseSvc("database", `// Package database opens the Postgres database through gorm.
package database

import (
	"context"
	"fmt"
	"time"

	"go.uber.org/zap"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"{{.Module}}/internal/settings"
)

// Open connects to the database and sizes the pool.
func Open(cfg settings.DB, log *zap.Logger) (*gorm.DB, error) {
	db, err := gorm.Open(postgres.Open(cfg.DSN), &gorm.Config{
		Logger:                 logger.Default.LogMode(logger.Warn),
		SkipDefaultTransaction: true,
		PrepareStmt:            true,
	})
	if err != nil {
		return nil, fmt.Errorf("database: %w", err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(cfg.MaxOpenConns)
	sqlDB.SetMaxIdleConns(cfg.MaxIdleConns)
	sqlDB.SetConnMaxLifetime(30 * time.Minute)
	log.Info("database open", zap.Int("max_open", cfg.MaxOpenConns))
	return db, nil
}

// Ping checks the connection within a second.
func Ping(ctx context.Context, db *gorm.DB) error {
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return sqlDB.PingContext(ctx)
}
`)

var svcCache = parseSvc("cache", `// Package cache keeps JSON values and rate-limit counters in Redis.
package cache

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"{{.Module}}/internal/settings"
)

// Cache wraps a Redis client.
type Cache struct {
	rdb *redis.Client
}

// New connects to Redis.
func New(cfg settings.Redis) *Cache {
	return &Cache{rdb: redis.NewClient(&redis.Options{Addr: cfg.Addr, Password: cfg.Password, DB: cfg.DB})}
}

// GetJSON decodes the value of key into v; it reports false on a miss.
func (c *Cache) GetJSON(ctx context.Context, key string, v any) (bool, error) {
	data, err := c.rdb.Get(ctx, key).Bytes()
	if errors.Is(err, redis.Nil) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, json.Unmarshal(data, v)
}

// SetJSON stores v under key for ttl.
func (c *Cache) SetJSON(ctx context.Context, key string, v any, ttl time.Duration) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.rdb.Set(ctx, key, data, ttl).Err()
}

// Delete removes keys.
func (c *Cache) Delete(ctx context.Context, keys ...string) error {
	return c.rdb.Del(ctx, keys...).Err()
}

// Allow counts one hit of key in the current window and reports whether
// the count is within limit.
func (c *Cache) Allow(ctx context.Context, key string, limit int64, window time.Duration) (bool, error) {
	k := fmt.Sprintf("rl:%s:%d", key, time.Now().Unix()/int64(window.Seconds()))
	pipe := c.rdb.TxPipeline()
	incr := pipe.Incr(ctx, k)
	pipe.Expire(ctx, k, window)
	if _, err := pipe.Exec(ctx); err != nil {
		return false, err
	}
	return incr.Val() <= limit, nil
}
`)

var svcQueue = parseSvc("queue", `// Package queue publishes and receives domain events over SQS.
package queue

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// Event is one message on the queue.
type Event struct {
	Kind    string          ´json:"kind"´
	Payload json.RawMessage ´json:"payload"´
}

// Publisher sends events to one queue.
type Publisher struct {
	client *sqs.Client
	url    string
}

// New returns a Publisher for the queue at url.
func New(ctx context.Context, region, url string) (*Publisher, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	return &Publisher{client: sqs.NewFromConfig(cfg), url: url}, nil
}

// Publish sends v as an event of kind.
func (p *Publisher) Publish(ctx context.Context, kind string, v any) error {
	payload, err := json.Marshal(v)
	if err != nil {
		return err
	}
	body, err := json.Marshal(Event{Kind: kind, Payload: payload})
	if err != nil {
		return err
	}
	_, err = p.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:    aws.String(p.url),
		MessageBody: aws.String(string(body)),
		MessageAttributes: map[string]types.MessageAttributeValue{
			"kind": {DataType: aws.String("String"), StringValue: aws.String(kind)},
		},
	})
	return err
}

// Receive waits for up to ten events and hands each to fn; the events fn
// accepts are deleted from the queue.
func (p *Publisher) Receive(ctx context.Context, fn func(context.Context, Event) error) error {
	out, err := p.client.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{
		QueueUrl:            aws.String(p.url),
		MaxNumberOfMessages: 10,
		WaitTimeSeconds:     20,
	})
	if err != nil {
		return err
	}
	for _, m := range out.Messages {
		var e Event
		if err := json.Unmarshal([]byte(aws.ToString(m.Body)), &e); err != nil {
			continue
		}
		if err := fn(ctx, e); err != nil {
			continue
		}
		if _, err := p.client.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: aws.String(p.url), ReceiptHandle: m.ReceiptHandle}); err != nil {
			return err
		}
	}
	return nil
}
`)

var svcAudit = parseSvc("audit", `// Package audit writes an audit trail to DynamoDB.
package audit

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// Record is one audited action.
type Record struct {
	Actor    string    ´dynamodbav:"actor"´
	Action   string    ´dynamodbav:"action"´
	Resource string    ´dynamodbav:"resource"´
	At       time.Time ´dynamodbav:"at"´
}

// Log writes records to one table.
type Log struct {
	client *dynamodb.Client
	table  string
}

// New returns a Log for table in region.
func New(ctx context.Context, region, table string) (*Log, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	return &Log{client: dynamodb.NewFromConfig(cfg), table: table}, nil
}

// Write stores r.
func (l *Log) Write(ctx context.Context, r Record) error {
	item, err := attributevalue.MarshalMap(r)
	if err != nil {
		return err
	}
	_, err = l.client.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(l.table), Item: item})
	return err
}

// ByActor returns the records of actor, newest first.
func (l *Log) ByActor(ctx context.Context, actor string, limit int32) ([]Record, error) {
	out, err := l.client.Query(ctx, &dynamodb.QueryInput{
		TableName:              aws.String(l.table),
		KeyConditionExpression: aws.String("actor = :a"),
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":a": &types.AttributeValueMemberS{Value: actor},
		},
		ScanIndexForward: aws.Bool(false),
		Limit:            aws.Int32(limit),
	})
	if err != nil {
		return nil, err
	}
	var records []Record
	return records, attributevalue.UnmarshalListOfMaps(out.Items, &records)
}
`)

var svcAuthz = parseSvc("authz", `// Package authz decides, with casbin, which role may do what.
package authz

import (
	"net/http"

	"github.com/casbin/casbin/v2"
	"github.com/casbin/casbin/v2/model"
	"github.com/gin-gonic/gin"
)

const rbac = ´
[request_definition]
r = sub, obj, act

[policy_definition]
p = sub, obj, act

[role_definition]
g = _, _

[policy_effect]
e = some(where (p.eft == allow))

[matchers]
m = g(r.sub, p.sub) && keyMatch2(r.obj, p.obj) && r.act == p.act
´

// New returns an enforcer with the built-in policy.
func New() (*casbin.Enforcer, error) {
	m, err := model.NewModelFromString(rbac)
	if err != nil {
		return nil, err
	}
	e, err := casbin.NewEnforcer(m)
	if err != nil {
		return nil, err
	}
	for _, act := range []string{"GET", "POST", "PUT", "DELETE"} {
		if _, err := e.AddPolicy("admin", "/api/*", act); err != nil {
			return nil, err
		}
	}
	if _, err := e.AddPolicy("user", "/api/*", "GET"); err != nil {
		return nil, err
	}
	return e, nil
}

// Middleware lets a request through if the role found under roleKey in
// the gin context may perform it.
func Middleware(e *casbin.Enforcer, roleKey string) gin.HandlerFunc {
	return func(c *gin.Context) {
		role := c.GetString(roleKey)
		if role == "" {
			role = "user"
		}
		ok, err := e.Enforce(role, c.Request.URL.Path, c.Request.Method)
		if err != nil || !ok {
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		c.Next()
	}
}
`)

var svcAuthzTest = parseSvc("authz_test", `package authz

import "testing"

func TestPolicy(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := e.Enforce("user", "/api/orders", "DELETE"); ok {
		t.Error("user may delete")
	}
	if ok, _ := e.Enforce("admin", "/api/orders", "DELETE"); !ok {
		t.Error("admin may not delete")
	}
}
`)

var svcTelemetry = parseSvc("telemetry", `// Package telemetry sets up tracing (OTLP over gRPC) and the Prometheus
// metrics of the HTTP server.
package telemetry

import (
	"context"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

var (
	requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "http_requests_total",
		Help: "HTTP requests by route and status.",
	}, []string{"route", "status"})
	latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "http_request_duration_seconds",
		Help:    "HTTP request latency by route.",
		Buckets: prometheus.DefBuckets,
	}, []string{"route"})
)

func init() {
	prometheus.MustRegister(requests, latency)
}

// Metrics records every request.
func Metrics() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		route := c.FullPath()
		requests.WithLabelValues(route, strconv.Itoa(c.Writer.Status())).Inc()
		latency.WithLabelValues(route).Observe(time.Since(start).Seconds())
	}
}

// Tracing installs a tracer provider exporting to endpoint and returns its
// shutdown function.
func Tracing(ctx context.Context, service, endpoint string, ratio float64) (func(context.Context) error, error) {
	exp, err := otlptracegrpc.New(ctx, otlptracegrpc.WithEndpoint(endpoint), otlptracegrpc.WithInsecure())
	if err != nil {
		return nil, err
	}
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(exp),
		sdktrace.WithSampler(sdktrace.ParentBased(sdktrace.TraceIDRatioBased(ratio))),
		sdktrace.WithResource(resource.NewWithAttributes("", attribute.String("service.name", service))),
	)
	otel.SetTracerProvider(tp)
	return tp.Shutdown, nil
}
`)

var svcHTTPServer = parseSvc("httpserver", `// Package httpserver builds the gin engine every route is mounted on and
// runs it with a graceful shutdown.
package httpserver

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	swaggerfiles "github.com/swaggo/files"
	ginswagger "github.com/swaggo/gin-swagger"
	"go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin"
	"go.uber.org/zap"

	"{{.Module}}/internal/logging"
	"{{.Module}}/internal/settings"
	"{{.Module}}/internal/telemetry"
)

// Engine returns the gin engine with the common middleware and the
// operational routes.
func Engine(cfg *settings.Settings, log *zap.Logger) *gin.Engine {
	if cfg.Production() {
		gin.SetMode(gin.ReleaseMode)
	}
	r := gin.New()
	r.Use(gin.Recovery(), otelgin.Middleware("benchservice"), telemetry.Metrics(), logging.Requests(log))
	r.GET("/healthz", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"status": "ok"}) })
	r.GET("/metrics", gin.WrapH(promhttp.Handler()))
	if !cfg.Production() {
		r.GET("/swagger/*any", ginswagger.WrapHandler(swaggerfiles.Handler))
	}
	return r
}

// Run serves h until ctx is done, then shuts down within the configured
// timeout.
func Run(ctx context.Context, cfg settings.HTTP, h http.Handler) error {
	srv := &http.Server{Addr: cfg.Addr, Handler: h, ReadHeaderTimeout: cfg.ReadTimeout}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), max(cfg.ShutdownTimeout, time.Second))
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
`)

var svcMainAPI = parseSvc("main-api", `// Command api runs the HTTP API.
package main

import (
	"context"
	"flag"
	"os"
	"os/signal"
	"syscall"
	"time"

	"go.uber.org/zap"

	"{{.Module}}/internal/audit"
	"{{.Module}}/internal/authn"
	"{{.Module}}/internal/authz"
	"{{.Module}}/internal/awssecrets"
	"{{.Module}}/internal/cache"
	"{{.Module}}/internal/database"
	"{{.Module}}/internal/httpserver"
	"{{.Module}}/internal/logging"
	"{{.Module}}/internal/queue"
	"{{.Module}}/internal/settings"
	"{{.Module}}/internal/storage"
	"{{.Module}}/internal/telemetry"
{{- range .Domains}}
	{{.Alias "handler"}} "{{.Path "handler"}}"
	{{.Alias "repo"}} "{{.Path "repo"}}"
	{{.Alias "service"}} "{{.Path "service"}}"
{{- end}}
)

func main() {
	configPath := flag.String("config", "", "configuration file")
	flag.Parse()
	cfg, err := settings.Load(*configPath)
	if err != nil {
		panic(err)
	}
	log, err := logging.New(cfg.Production())
	if err != nil {
		panic(err)
	}
	defer log.Sync()
	if err := run(cfg, log); err != nil {
		log.Fatal("api", zap.Error(err))
	}
}

func run(cfg *settings.Settings, log *zap.Logger) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	shutdown, err := telemetry.Tracing(ctx, "benchservice", cfg.Tracing.Endpoint, cfg.Tracing.Ratio)
	if err != nil {
		return err
	}
	defer shutdown(context.Background())
	db, err := database.Open(cfg.DB, log)
	if err != nil {
		return err
	}
	secretStore, err := awssecrets.New(ctx, cfg.AWS.Region, 5*time.Minute)
	if err != nil {
		return err
	}
	files, err := storage.New(ctx, cfg.AWS.Region, cfg.AWS.Bucket)
	if err != nil {
		return err
	}
	events, err := queue.New(ctx, cfg.AWS.Region, cfg.AWS.QueueURL)
	if err != nil {
		return err
	}
	trail, err := audit.New(ctx, cfg.AWS.Region, cfg.AWS.AuditTable)
	if err != nil {
		return err
	}
	enforcer, err := authz.New()
	if err != nil {
		return err
	}
	kv := cache.New(cfg.Redis)
	verifier := authn.NewVerifier(secretStore, cfg)

	r := httpserver.Engine(cfg, log)
	api := r.Group("/api", authz.Middleware(enforcer, "role"))
{{- range .Domains}}
	{{.Name}}Svc := {{.Alias "service"}}.New({{.Alias "repo"}}.New(db), kv, events, log{{if .Audited}}, trail{{end}}{{range .SvcDeps}}, {{.Name}}Svc{{end}})
	{{.Alias "handler"}}.New({{.Name}}Svc{{if not .Auth}}, verifier{{end}}{{if .Uploads}}, files{{end}}).Register(api)
{{- end}}
	return httpserver.Run(ctx, cfg.HTTP, r)
}
`)

var svcMainWorker = parseSvc("main-worker", `// Command worker consumes the domain events of the queue.
package main

import (
	"context"
	"os"
	"os/signal"
	"strings"

	"go.uber.org/zap"

	"{{.Module}}/internal/cache"
	"{{.Module}}/internal/logging"
	"{{.Module}}/internal/queue"
	"{{.Module}}/internal/settings"
)

func main() {
	cfg, err := settings.Load(os.Getenv("APP_CONFIG"))
	if err != nil {
		panic(err)
	}
	log, err := logging.New(cfg.Production())
	if err != nil {
		panic(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	events, err := queue.New(ctx, cfg.AWS.Region, cfg.AWS.QueueURL)
	if err != nil {
		log.Fatal("queue", zap.Error(err))
	}
	kv := cache.New(cfg.Redis)
	for ctx.Err() == nil {
		err := events.Receive(ctx, func(ctx context.Context, e queue.Event) error {
			domain, _, _ := strings.Cut(e.Kind, ".")
			log.Info("event", zap.String("kind", e.Kind))
			return kv.Delete(ctx, "list:"+domain)
		})
		if err != nil {
			log.Warn("receive", zap.Error(err))
		}
	}
}
`)

var svcModel = parseSvc("svc-model", `// Package model holds the {{.Name}} records.
package model

import (
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Status is the life-cycle state of a {{.Name}}.
type Status string

const (
	StatusActive   Status = "active"
	StatusArchived Status = "archived"
)

// ErrInvalid is returned for a {{.Name}} that breaks a rule.
var ErrInvalid = errors.New("{{.Name}}: invalid")

// {{.Type}} is one row of {{.Table}}.
type {{.Type}} struct {
	ID        uint           ´gorm:"primaryKey" json:"id"´
	OwnerID   string         ´gorm:"size:64;index" json:"owner_id"´
	Name      string         ´gorm:"size:200" json:"name"´
	Status    Status         ´gorm:"size:16;index" json:"status"´
	Amount    int64          ´json:"amount"´
{{- if .Uploads}}
	ObjectKey string         ´gorm:"size:512" json:"object_key,omitempty"´
{{- end}}
	CreatedAt time.Time      ´json:"created_at"´
	UpdatedAt time.Time      ´json:"updated_at"´
	DeletedAt gorm.DeletedAt ´gorm:"index" json:"-"´
}

// TableName names the table for gorm.
func ({{.Type}}) TableName() string { return "{{.Table}}" }

// BeforeSave normalizes and checks the row before every write.
func (x *{{.Type}}) BeforeSave(*gorm.DB) error {
	x.Name = strings.TrimSpace(x.Name)
	return x.Validate()
}

// Validate checks the fields.
func (x *{{.Type}}) Validate() error {
	switch {
	case x.OwnerID == "":
		return errors.Join(ErrInvalid, errors.New("no owner"))
	case x.Name == "" || len(x.Name) > 200:
		return errors.Join(ErrInvalid, errors.New("bad name"))
	case x.Amount < 0:
		return errors.Join(ErrInvalid, errors.New("negative amount"))
	}
	return nil
}

// CreateRequest is the body of a create call.
type CreateRequest struct {
	Name   string ´json:"name" binding:"required,max=200"´
	Amount int64  ´json:"amount" binding:"gte=0"´
}

// ToModel returns the new row for owner.
func (r CreateRequest) ToModel(owner string) {{.Type}} {
	return {{.Type}}{OwnerID: owner, Name: r.Name, Amount: r.Amount, Status: StatusActive}
}
`)

var svcModelTest = parseSvc("svc-model-test", `package model

import (
	"errors"
	"testing"
)

func TestValidate(t *testing.T) {
	x := CreateRequest{Name: "  ", Amount: 1}.ToModel("u1")
	if err := x.BeforeSave(nil); !errors.Is(err, ErrInvalid) {
		t.Errorf("blank name: %v", err)
	}
	x = CreateRequest{Name: "ok", Amount: 1}.ToModel("u1")
	if err := x.Validate(); err != nil {
		t.Error(err)
	}
}
`)

var svcRepo = parseSvc("svc-repo", `// Package repo keeps {{.Name}} records in Postgres through gorm.
package repo

import (
	"context"
	"errors"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"{{.Path "model"}}"
)

// ErrNotFound is returned for a missing {{.Name}}.
var ErrNotFound = errors.New("{{.Name}}: not found")

// Repo reads and writes {{.Table}}.
type Repo struct {
	db *gorm.DB
}

// New returns a Repo on db.
func New(db *gorm.DB) *Repo { return &Repo{db: db} }

// Get returns the {{.Name}} with id.
func (r *Repo) Get(ctx context.Context, id uint) (model.{{.Type}}, error) {
	var x model.{{.Type}}
	err := r.db.WithContext(ctx).First(&x, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return x, ErrNotFound
	}
	return x, err
}

// ListByOwner returns a page of the owner's active records, newest first.
func (r *Repo) ListByOwner(ctx context.Context, owner string, limit, offset int) ([]model.{{.Type}}, error) {
	var xs []model.{{.Type}}
	err := r.db.WithContext(ctx).
		Where("owner_id = ? AND status = ?", owner, model.StatusActive).
		Order("created_at DESC").
		Limit(limit).Offset(offset).
		Find(&xs).Error
	return xs, err
}

// Create inserts x and sets its id.
func (r *Repo) Create(ctx context.Context, x *model.{{.Type}}) error {
	return r.db.WithContext(ctx).Create(x).Error
}

// Upsert inserts x or updates the row with its id.
func (r *Repo) Upsert(ctx context.Context, x *model.{{.Type}}) error {
	return r.db.WithContext(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{ {Name: "id"} },
		DoUpdates: clause.AssignmentColumns([]string{"name", "status", "amount", "updated_at"}),
	}).Create(x).Error
}

// Archive marks the record archived.
func (r *Repo) Archive(ctx context.Context, id uint) error {
	return r.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&model.{{.Type}}{}).Where("id = ?", id).Update("status", model.StatusArchived)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		return nil
	})
}

// TotalByOwner sums the amounts of the owner's records.
func (r *Repo) TotalByOwner(ctx context.Context, owner string) (int64, error) {
	var total int64
	err := r.db.WithContext(ctx).Model(&model.{{.Type}}{}).
		Where("owner_id = ?", owner).
		Select("COALESCE(SUM(amount), 0)").
		Scan(&total).Error
	return total, err
}
`)

var svcService = parseSvc("svc-service", `// Package service holds the {{.Name}} business rules.
package service

import (
	"context"
	"fmt"
	"time"

	"go.uber.org/zap"

	"{{.Path "model"}}"
	"{{.Path "repo"}}"
{{- if .Audited}}
	"{{.Module}}/internal/audit"
{{- end}}
	"{{.Module}}/internal/cache"
	"{{.Module}}/internal/queue"
{{- range .SvcDeps}}
	{{.Alias "service"}} "{{.Path "service"}}"
{{- end}}
)

// PageSize is the number of records of one page.
const PageSize = 50

// Service is the {{.Name}} use cases.
type Service struct {
	repo   *repo.Repo
	cache  *cache.Cache
	events *queue.Publisher
	log    *zap.Logger
{{- if .Audited}}
	trail  *audit.Log
{{- end}}
{{- range .SvcDeps}}
	{{.Name}} *{{.Alias "service"}}.Service
{{- end}}
}

// New returns the service.
func New(r *repo.Repo, c *cache.Cache, q *queue.Publisher, log *zap.Logger{{if .Audited}}, trail *audit.Log{{end}}{{range .SvcDeps}}, {{.Name}} *{{.Alias "service"}}.Service{{end}}) *Service {
	return &Service{repo: r, cache: c, events: q, log: log.Named("{{.Name}}"){{if .Audited}}, trail: trail{{end}}{{range .SvcDeps}}, {{.Name}}: {{.Name}}{{end}}}
}

func cacheKey(id uint) string { return fmt.Sprintf("{{.Name}}:%d", id) }

// Get returns the {{.Name}} with id, from the cache when it can.
func (s *Service) Get(ctx context.Context, id uint) (model.{{.Type}}, error) {
	var x model.{{.Type}}
	if ok, err := s.cache.GetJSON(ctx, cacheKey(id), &x); err == nil && ok {
		return x, nil
	}
	x, err := s.repo.Get(ctx, id)
	if err != nil {
		return x, err
	}
	if err := s.cache.SetJSON(ctx, cacheKey(id), x, 5*time.Minute); err != nil {
		s.log.Warn("cache", zap.Uint("id", id), zap.Error(err))
	}
	return x, nil
}

// Create stores a new {{.Name}} for owner and announces it.
func (s *Service) Create(ctx context.Context, owner string, req model.CreateRequest) (model.{{.Type}}, error) {
{{- range .SvcDeps}}
	if _, err := s.{{.Name}}.List(ctx, owner, 0); err != nil {
		return model.{{$.Type}}{}, fmt.Errorf("checking {{.Name}}: %w", err)
	}
{{- end}}
	x := req.ToModel(owner)
	if err := s.repo.Create(ctx, &x); err != nil {
		return x, err
	}
	if err := s.events.Publish(ctx, "{{.Name}}.created", x); err != nil {
		s.log.Warn("publish", zap.Error(err))
	}
{{- if .Audited}}
	if err := s.trail.Write(ctx, audit.Record{Actor: owner, Action: "create", Resource: cacheKey(x.ID), At: time.Now()}); err != nil {
		s.log.Warn("audit", zap.Error(err))
	}
{{- end}}
	return x, nil
}

// List returns a page of the owner's records.
func (s *Service) List(ctx context.Context, owner string, page int) ([]model.{{.Type}}, error) {
	return s.repo.ListByOwner(ctx, owner, PageSize, page*PageSize)
}

// Archive archives the {{.Name}} with id.
func (s *Service) Archive(ctx context.Context, id uint) error {
	if err := s.repo.Archive(ctx, id); err != nil {
		return err
	}
	return s.cache.Delete(ctx, cacheKey(id))
}
{{- if .Uploads}}

// Attach records the object key of an uploaded file.
func (s *Service) Attach(ctx context.Context, id uint, key string) error {
	x, err := s.repo.Get(ctx, id)
	if err != nil {
		return err
	}
	x.ObjectKey = key
	if err := s.repo.Upsert(ctx, &x); err != nil {
		return err
	}
	return s.cache.Delete(ctx, cacheKey(id))
}
{{- end}}
`)

var svcHandler = parseSvc("svc-handler", `// Package handler serves the {{.Name}} endpoints on gin.
package handler

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
{{- if .Uploads}}
	"time"
{{- end}}

	"github.com/gin-gonic/gin"

	"{{.Path "model"}}"
	"{{.Path "repo"}}"
	"{{.Path "service"}}"
{{- if .Auth}}
	"{{.Path "auth"}}"
{{- else}}
	"{{.Module}}/internal/authn"
{{- end}}
{{- if .Uploads}}
	"{{.Module}}/internal/storage"
{{- end}}
)

// Handler holds the dependencies of the endpoints.
type Handler struct {
	svc *service.Service
{{- if not .Auth}}
	verifier *authn.Verifier
{{- end}}
{{- if .Uploads}}
	files *storage.Uploader
{{- end}}
}

// New returns the handler.
func New(svc *service.Service{{if not .Auth}}, verifier *authn.Verifier{{end}}{{if .Uploads}}, files *storage.Uploader{{end}}) *Handler {
	return &Handler{svc: svc{{if not .Auth}}, verifier: verifier{{end}}{{if .Uploads}}, files: files{{end}}}
}

// Register mounts the routes under /{{.Name}}.
func (h *Handler) Register(r *gin.RouterGroup) {
	g := r.Group("/{{.Name}}")
{{- if .Auth}}
	g.Use(auth.Gin())
	g.POST("/token", h.token)
{{- else}}
	g.Use(h.verifier.Required())
{{- end}}
	g.GET("", h.list)
	g.POST("", h.create)
	g.GET("/:id", h.get)
	g.DELETE("/:id", h.archive)
{{- if .Uploads}}
	g.PUT("/:id/file", h.upload)
	g.GET("/:id/file", h.download)
{{- end}}
}

func owner(c *gin.Context) string { return c.GetString("user_id") }

func id(c *gin.Context) (uint, bool) {
	n, err := strconv.ParseUint(c.Param("id"), 10, 64)
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "bad id"})
		return 0, false
	}
	return uint(n), true
}

func (h *Handler) fail(c *gin.Context, err error) {
	switch {
	case errors.Is(err, repo.ErrNotFound):
		c.JSON(http.StatusNotFound, gin.H{"error": "not found"})
	case errors.Is(err, model.ErrInvalid):
		c.JSON(http.StatusUnprocessableEntity, gin.H{"error": err.Error()})
	default:
		_ = c.Error(err)
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
	}
}

func (h *Handler) get(c *gin.Context) {
	n, ok := id(c)
	if !ok {
		return
	}
	x, err := h.svc.Get(c.Request.Context(), n)
	if err != nil {
		h.fail(c, err)
		return
	}
	if x.OwnerID != owner(c) {
		c.JSON(http.StatusNotFound, gin.H{"error": "not found"})
		return
	}
	c.JSON(http.StatusOK, x)
}

func (h *Handler) list(c *gin.Context) {
	page, _ := strconv.Atoi(c.DefaultQuery("page", "0"))
	xs, err := h.svc.List(c.Request.Context(), owner(c), page)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": xs, "page": page})
}

func (h *Handler) create(c *gin.Context) {
	var req model.CreateRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	x, err := h.svc.Create(c.Request.Context(), owner(c), req)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Location", fmt.Sprintf("/api/{{.Name}}/%d", x.ID))
	c.JSON(http.StatusCreated, x)
}

func (h *Handler) archive(c *gin.Context) {
	n, ok := id(c)
	if !ok {
		return
	}
	if err := h.svc.Archive(c.Request.Context(), n); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
{{- if .Auth}}

// token issues a fresh token to an authenticated caller.
func (h *Handler) token(c *gin.Context) {
	tok, err := auth.Issue(owner(c))
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"token": tok})
}
{{- end}}
{{- if .Uploads}}

func objectKey(n uint) string { return fmt.Sprintf("{{.Name}}/%d", n) }

func (h *Handler) upload(c *gin.Context) {
	n, ok := id(c)
	if !ok {
		return
	}
	file, err := c.FormFile("file")
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "no file"})
		return
	}
	f, err := file.Open()
	if err != nil {
		h.fail(c, err)
		return
	}
	defer f.Close()
	if err := h.files.Put(c.Request.Context(), objectKey(n), file.Header.Get("Content-Type"), f); err != nil {
		h.fail(c, err)
		return
	}
	if err := h.svc.Attach(c.Request.Context(), n, objectKey(n)); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func (h *Handler) download(c *gin.Context) {
	n, ok := id(c)
	if !ok {
		return
	}
	url, err := h.files.URL(c.Request.Context(), objectKey(n), 10*time.Minute)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusTemporaryRedirect, url)
}
{{- end}}
`)

var svcAuthGin = parseSvc("svc-auth-gin", `package auth

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// Gin rejects requests without a valid {{.Name}} token and stores the
// caller's id under "user_id".
func Gin() gin.HandlerFunc {
	return func(c *gin.Context) {
		raw, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
		if !ok || raw == "" {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "missing token"})
			return
		}
		claims, err := Verify(raw)
		if err != nil {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid token"})
			return
		}
		c.Set("user_id", claims.UserID)
		c.Next()
	}
}
`)
