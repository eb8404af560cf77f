// Package requests calls other services with a service token minted by
// go-jose v4: to a plain-HTTP host in a header and in a cookie (reported),
// and over https, to loopback, and to a URL from the settings (not
// reported).
package requests

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

var billingURL = os.Getenv("BILLING_URL")

func serviceToken() (string, error) {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: []byte(os.Getenv("SERVICE_SECRET"))}, nil)
	if err != nil {
		return "", err
	}
	claims := jwt.Claims{Issuer: "orders", Expiry: jwt.NewNumericDate(time.Now().Add(5 * time.Minute))}
	return jwt.Signed(signer).Claims(claims).Serialize()
}

func Invoices(ctx context.Context, customer string) (*http.Response, error) {
	tok, err := serviceToken()
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://billing.corp.example.com/v1/invoices?customer="+customer, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+tok) // want `JWT from \(\*jwt.Builder\).Serialize is sent in the Authorization header of a request to http://billing.corp.example.com, readable by anyone on the path: use https`
	return http.DefaultClient.Do(req)
}

func Legacy(customer string) (*http.Response, error) {
	tok, err := serviceToken()
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodGet, fmt.Sprintf("http://10.0.3.7:8080/customers/%s", customer), nil)
	if err != nil {
		return nil, err
	}
	req.AddCookie(&http.Cookie{Name: "auth", Value: tok}) // want `JWT from \(\*jwt.Builder\).Serialize is sent in a cookie of a request to http://10.0.3.7`
	return http.DefaultClient.Do(req)
}

func Report(id string) (*http.Response, error) {
	tok, err := serviceToken()
	if err != nil {
		return nil, err
	}
	url := fmt.Sprintf("http://reports.corp.example.com/v2/%s", id)
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("X-Service-Token", tok) // want `JWT from \(\*jwt.Builder\).Serialize is sent in the X-Service-Token header of a request to http://reports.corp.example.com`
	return http.DefaultClient.Do(req)
}

func Export(id string) (*http.Response, error) {
	tok, err := serviceToken()
	if err != nil {
		return nil, err
	}
	return http.Get("http://exports.corp.example.com/v1/" + id + "?access_token=" + tok) // want `JWT from \(\*jwt.Builder\).Serialize is sent in the URL of a request to http://exports.corp.example.com`
}

func Archive(id string) (*http.Response, error) {
	tok, err := serviceToken()
	if err != nil {
		return nil, err
	}
	client := &http.Client{Timeout: 10 * time.Second}
	return client.PostForm(fmt.Sprintf("http://archive.corp.example.com/v1/%s?jwt=%s", id, tok), nil) // want `JWT from \(\*jwt.Builder\).Serialize is sent in the URL of a request to http://archive.corp.example.com`
}

// Negatives.

func Secure(ctx context.Context) (*http.Response, error) {
	tok, err := serviceToken()
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://billing.corp.example.com/v1/invoices", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	return http.DefaultClient.Do(req)
}

func Sidecar() (*http.Response, error) {
	tok, err := serviceToken()
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodPost, "http://127.0.0.1:9901/token", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	v6, err := http.NewRequest(http.MethodPost, "http://[::1]:9901/token", nil)
	if err != nil {
		return nil, err
	}
	v6.Header.Add("X-Service-Token", tok)
	local, err := http.NewRequest(http.MethodGet, "http://localhost:8080/debug?token="+tok, nil)
	if err != nil {
		return nil, err
	}
	local.AddCookie(&http.Cookie{Name: "auth", Value: tok})
	return http.DefaultClient.Do(req)
}

func Configured() (*http.Response, error) {
	tok, err := serviceToken()
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodGet, billingURL+"/v1/invoices", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	return http.DefaultClient.Do(req)
}

func ExportSecure(id string) (*http.Response, error) {
	tok, err := serviceToken()
	if err != nil {
		return nil, err
	}
	return http.Get("https://exports.corp.example.com/v1/" + id + "?access_token=" + tok)
}

func Anonymous() (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, "http://status.corp.example.com/health", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return http.DefaultClient.Do(req)
}
