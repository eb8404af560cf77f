//go:build windows

package buildtags3

const jwtKeyFile = `C:\keys\jwt.key`
