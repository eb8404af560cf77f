package echojwt

import (
	"errors"
	"log"

	"github.com/kelseyhightower/envconfig"
	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
)

// Settings are filled from the environment by envconfig; nothing requires
// the signing key. Handing it to the middleware inside e.Group is no check.
type Settings struct {
	SigningKey string `envconfig:"BACKOFFICE_SIGNING_KEY"` // want SigningKey:`unchecked\(field SigningKey, filled by its envconfig tag "BACKOFFICE_SIGNING_KEY"\)`
}

func MountBackoffice(e *echo.Echo) {
	var s Settings
	if err := envconfig.Process("", &s); err != nil {
		log.Fatal(err)
	}
	e.Group("/backoffice", echojwt.JWT([]byte(s.SigningKey))) // want `JWT key may be empty: echojwt.JWT uses field SigningKey, filled by its envconfig tag "BACKOFFICE_SIGNING_KEY"`
}

// Negative: the partner settings refuse a short key before use.
type PartnerSettings struct {
	PartnerKey string `envconfig:"PARTNER_SIGNING_KEY"`
}

func MountPartner(e *echo.Echo) error {
	var s PartnerSettings
	if err := envconfig.Process("", &s); err != nil {
		return err
	}
	if len(s.PartnerKey) < 32 {
		return errors.New("PARTNER_SIGNING_KEY must hold at least 32 bytes")
	}
	e.Group("/partner", echojwt.JWT([]byte(s.PartnerKey)))
	return nil
}
