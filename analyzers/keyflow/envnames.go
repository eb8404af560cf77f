package keyflow

import "strings"

// The words of deployment environments: a selection by environment (a
// map keyed by it, a switch on it, per-environment declarations, files
// and build tags) is recognised by them.

// EnvName returns the canonical deployment environment a word names, or
// "".
func EnvName(w string) string {
	switch strings.ToLower(w) {
	case "dev", "develop", "development":
		return "development"
	case "local":
		return "local"
	case "test", "testing":
		return "test"
	case "ci":
		return "ci"
	case "qa":
		return "qa"
	case "uat":
		return "uat"
	case "stage", "staging", "stg":
		return "staging"
	case "preprod", "preproduction":
		return "preprod"
	case "sandbox":
		return "sandbox"
	case "demo":
		return "demo"
	case "prod", "production", "prd", "live":
		return "production"
	}
	return ""
}

// EnvOfValue returns the environment a whole string names ("prod",
// "Production", "pre-prod"), or "".
func EnvOfValue(s string) string {
	t := strings.ToLower(strings.TrimSpace(s))
	if e := EnvName(t); e != "" {
		return e
	}
	if t == "pre-prod" || t == "pre_prod" {
		return "preprod"
	}
	return ""
}

// SplitEnv finds exactly one environment word in ws and returns it with
// the remaining words; ok is false when there is none or more than one.
func SplitEnv(ws []string) (env string, rest []string, ok bool) {
	for _, w := range ws {
		if e := EnvName(w); e != "" {
			if env != "" {
				return "", nil, false
			}
			env = e
			continue
		}
		rest = append(rest, w)
	}
	return env, rest, env != ""
}
