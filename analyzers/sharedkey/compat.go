package sharedkey

import "github.com/jwtvet/jwtvet/analyzers/keyflow"

// The names the rule's other files use for keyflow's naming of keys.
var (
	words        = keyflow.Words
	has          = keyflow.HasWord
	isSecretName = keyflow.IsSecretName
	envName      = keyflow.EnvName
	envOfValue   = keyflow.EnvOfValue
	splitEnv     = keyflow.SplitEnv
	kindOf       = keyflow.TokenKindOf
	kindLabels   = keyflow.TokenKindLabels
)

const (
	kindAccess = keyflow.TokenAccess
	kindID     = keyflow.TokenID
)

// The rule's facts, defined in keyflow.
type (
	EnvDefaultFact = keyflow.EnvDefaultFact
	FallbackFact   = keyflow.FallbackFact
	SignerFact     = keyflow.SignerFact
	KeyUsesFact    = keyflow.KeyUsesFact
	KeyUse         = keyflow.KeyUse
)
