// Look-alikes outside JWT handling: a compression setting named "alg" whose
// "none" means "store as is". The struct has no other JOSE header field and
// the package uses no JWT library, so nothing here is a header (silent).
package handrolled

import (
	"bytes"
	"compress/gzip"
	"fmt"
)

type codecConfig struct {
	Alg   string `json:"alg"`
	Level int    `json:"level"`
}

func compress(cfg codecConfig, data []byte) ([]byte, error) {
	switch cfg.Alg {
	case "gzip":
		var buf bytes.Buffer
		w, err := gzip.NewWriterLevel(&buf, cfg.Level)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
		return buf.Bytes(), w.Close()
	case "none":
		return data, nil
	default:
		return nil, fmt.Errorf("unknown compression %q", cfg.Alg)
	}
}

func compressFromOptions(opts map[string]string, data []byte) ([]byte, error) {
	if alg := opts["alg"]; alg != "gzip" && alg != "none" {
		return nil, fmt.Errorf("unknown compression %q", alg)
	}
	return compress(codecConfig{Alg: opts["alg"]}, data)
}
