package handlers

import (
	"crypto/rand"
	"log/slog"
	"net/http"
	"os"
)

// Browser sign-in for the web console: the tokens travel in cookies
// instead of the JSON body, so the page's scripts never hold them.

// secureCookies is off only on a developer's plain-HTTP setup.
var secureCookies = os.Getenv("INSECURE_COOKIES") != "1"

// WebLogin signs a browser in and keeps its tokens in cookies.
func (h *Handlers) WebLogin(w http.ResponseWriter, r *http.Request) {
	user, err := h.users.Authenticate(r.FormValue("email"), r.FormValue("password"))
	if err != nil {
		writeError(w, http.StatusUnauthorized, "wrong email or password")
		return
	}
	access, err := h.issuer.IssueAccess(user.ID, user.Roles)
	if err != nil {
		slog.Error("issue access token", "err", err)
		writeError(w, http.StatusInternalServerError, "could not sign in")
		return
	}
	refresh, err := h.issuer.IssueRefresh(user.ID)
	if err != nil {
		slog.Error("issue refresh token", "err", err)
		writeError(w, http.StatusInternalServerError, "could not sign in")
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name:     "access_token",
		Value:    access,
		Path:     "/",
		MaxAge:   int(h.issuer.AccessTTL().Seconds()),
		HttpOnly: true,
		SameSite: http.SameSiteLaxMode,
	})
	http.SetCookie(w, &http.Cookie{
		Name:     "refresh_token",
		Value:    refresh,
		Path:     "/v1/token/refresh",
		HttpOnly: true,
		Secure:   secureCookies,
		SameSite: http.SameSiteStrictMode,
	})
	// The CSRF cookie is read by the page's script: no JWT, no HttpOnly.
	http.SetCookie(w, &http.Cookie{Name: "csrf_token", Value: rand.Text(), Path: "/", SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/console/", http.StatusSeeOther)
}
