package sharedkey

const doc = `report one JWT secret shared by environments or token kinds

A JWT secret must differ per environment (development, staging,
production) and per purpose. A default written into the code runs in every
environment where the variable is missing (CWE-1392, CWE-798), a secret
copied between environments lets a token minted in one be accepted in the
other, and one key for access and refresh tokens lets one kind of token
pass for the other.

The analyzer reports:

  - an environment or config lookup with a constant fallback: os.Getenv or
    os.LookupEnv followed by "if v == "" { v = … }", cmp.Or(os.Getenv(…),
    "…"), getenv(name, def) helpers of any package of the program, viper
    SetDefault, flag defaults, and the default, envDefault and env-default
    struct tags of envconfig, caarlos0/env and cleanenv; when the value
    reaches a JWT key or its name says it is a JWT secret (jwt_secret,
    signingKey, REFRESH_TOKEN_SECRET, …);
  - per-environment values that are equal: map and struct literals keyed by
    environment names, switch statements and if-else chains on an
    environment name, files for different build tags (//go:build prod vs
    dev), and embedded YAML, JSON, TOML and .env files named after
    environments;
  - one key used for two kinds of token (access and refresh, password
    reset, email verification, …) or two audiences or issuers, in one
    package or across packages.

A fallback that fails closed (log.Fatal, a returned error) is not
reported. Messages name places, never values. Findings in _test.go files
are reported only with -sharedkey.tests.`
