// This file is suppressed whole for the probe rule.

//jwtvet:file-ignore probe generated fixtures mirror a partner's test vectors

package suppress

func more() {
	flag("file-wide")
}
