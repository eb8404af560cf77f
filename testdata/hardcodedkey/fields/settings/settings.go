// Package settings fills exported key fields of its config types; the
// package fields reads them. A fact on each field carries the constant
// its writes here give it.
package settings

// JWT is set by Load only.
type JWT struct{ SigningKey []byte }

func Load() *JWT {
	j := &JWT{}
	j.SigningKey = []byte("settings-signing-key-set-by-load-0123")
	return j
}

// Service is set here to a default the reader replaces.
type Service struct{ Secret string }

func Defaults() Service { return Service{Secret: "service-default-replaced-by-reader-00"} }

// File is set here to a default the reader decodes over.
type File struct{ HMACKey string }

func Template() *File { return &File{HMACKey: "file-template-key-decoded-over-000000"} }
