// Package embedded ships per-environment config files inside the binary.
// Exercises: YAML, JSON, TOML and .env files named after environments
// (config/dev.yaml, .env.production, settings/prod/app.yml) embedded with
// //go:embed, where a JWT-secret key holds the same value in two
// environments; placeholders, non-secret keys, a base file without an
// environment and distinct values are not reported.
package embedded

import (
	"embed"
	_ "embed"
)

//go:embed config/*.yaml config/*.json config/*.toml
var configFiles embed.FS // want `jwt secret auth.signing_key is the same in embedded config/local.toml and config/test.toml: one secret serves several environments; give each environment its own secret` `jwt secret jwt.secret is the same in embedded config/dev.yaml, config/prod.yaml and config/staging.json`

//go:embed all:envfiles
var envFiles embed.FS // want `jwt secret JWT_SECRET is the same in embedded envfiles/.env.development and envfiles/.env.production`

//go:embed settings
var settingsFS embed.FS

//go:embed config/prod.yaml
var prodOnly []byte

var _, _, _, _ = configFiles, envFiles, settingsFS, prodOnly
