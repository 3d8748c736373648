// Package text prepares text that gen-postman did not write (a server's answer, a file's value)
// for a message of its own.
package text

import "strings"

// OneLine folds s onto one line of at most limit runes: invalid UTF-8 is replaced, runs of
// spaces and control characters become one space, and a longer text ends with "…".
func OneLine(s string, limit int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	space := false
	n := 0
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == ' ' {
			space = b.Len() > 0
			continue
		}
		if n >= limit {
			b.WriteString("…")
			return b.String()
		}
		if space {
			b.WriteByte(' ')
			space = false
			n++
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
