//go:build linux

package buildtags3

const jwtKeyFile = `C:\keys\jwt.key`

var _ = jwtKeyFile
