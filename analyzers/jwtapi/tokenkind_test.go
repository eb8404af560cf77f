package jwtapi_test

import (
	"testing"

	"github.com/jwtvet/jwtvet/analyzers/jwtapi"
)

func TestKinds(t *testing.T) {
	for in, want := range map[string]string{
		"refreshToken":            jwtapi.KindRefresh,
		"GenerateAccessToken":     jwtapi.KindAccess,
		"idToken":                 jwtapi.KindID,
		"passwordResetToken":      jwtapi.KindReset,
		"EmailVerificationToken":  jwtapi.KindVerify,
		"VerifyToken":             "",
		"accessKey":               "",
		"tokenPair":               "",
		"GenerateTokenForUserID":  "",
		"ResetCounter":            "",
		"accessAndRefreshSecrets": "",
	} {
		if got, _ := jwtapi.KindOf(jwtapi.Words(in)); got != want {
			t.Errorf("kindOf(%q) = %q, want %q", in, got, want)
		}
	}
}
