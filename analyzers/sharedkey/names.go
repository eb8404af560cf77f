package sharedkey

// Token kinds a key signs or verifies.
const (
	kindAccess  = "access"
	kindRefresh = "refresh"
	kindID      = "id"
	kindReset   = "reset"
	kindVerify  = "verification"
	kindInvite  = "invitation"
	kindMagic   = "magic-link"
)

var kindLabels = map[string]string{
	kindAccess:  "access tokens",
	kindRefresh: "refresh tokens",
	kindID:      "ID tokens",
	kindReset:   "password-reset tokens",
	kindVerify:  "verification tokens",
	kindInvite:  "invitation tokens",
	kindMagic:   "magic-link tokens",
}

// kindsIn returns the token kinds the words name.
func kindsIn(ws []string) map[string]bool {
	out := map[string]bool{}
	for i, w := range ws {
		next := ""
		if i+1 < len(ws) {
			next = ws[i+1]
		}
		switch w {
		case "refresh":
			out[kindRefresh] = true
		case "access":
			if next != "key" {
				out[kindAccess] = true
			}
		case "id":
			if next == "token" || next == "tokens" || next == "claims" {
				out[kindID] = true
			}
		case "idtoken":
			out[kindID] = true
		case "reset":
			// resetToken, passwordReset; not a function that resets
			// something else.
			if has(ws, "password", "pwd", "passwd") || next == "token" || next == "link" || next == "claims" {
				out[kindReset] = true
			}
		case "verification", "confirmation", "activation":
			// Nouns only: VerifyToken verifies any token.
			out[kindVerify] = true
		case "invite", "invitation":
			out[kindInvite] = true
		case "magic":
			out[kindMagic] = true
		}
	}
	return out
}

// kindOf returns the one token kind the words name, or "" when they name
// none or several.
func kindOf(ws []string) (kind string, ambiguous bool) {
	ks := kindsIn(ws)
	if len(ks) > 1 {
		return "", true
	}
	for k := range ks {
		return k, false
	}
	return "", false
}
