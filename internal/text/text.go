// Package text prepares text that gen-postman did not write (a server's answer, a file's value)
// for a message of its own.
package text

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// OneLine folds s onto one line of at most limit runes: invalid UTF-8 is replaced, each run of
// white space becomes one space, characters that could steer a terminal are escaped (see
// [Visible]), and a longer text ends with "…".
func OneLine(s string, limit int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	space := false
	n := 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		out := escape(r)
		if n+utf8.RuneCountInString(out) > limit {
			b.WriteString("…")
			return b.String()
		}
		if space {
			if n+1+utf8.RuneCountInString(out) > limit {
				b.WriteString("…")
				return b.String()
			}
			b.WriteByte(' ')
			space = false
			n++
		}
		b.WriteString(out)
		n += utf8.RuneCountInString(out)
	}
	return b.String()
}

// Visible returns s with every character that could steer a terminal or hide text written out
// as an escape such as \x1b or \u202e: control characters other than tab and newline (ESC,
// carriage return, the C1 controls), and invisible format characters (bidirectional overrides,
// zero-width characters). Invalid UTF-8 is replaced.
func Visible(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r == utf8.RuneError || (r != '\n' && r != '\t' && hidden(r)) }) < 0 {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	for _, r := range s {
		if r == '\n' || r == '\t' {
			b.WriteRune(r)
			continue
		}
		b.WriteString(escape(r))
	}
	return b.String()
}

// hidden reports whether r acts on a terminal or is invisible: a control or format character.
func hidden(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// escape writes r as itself, or as a Go escape when it is hidden.
func escape(r rune) string {
	switch {
	case !hidden(r):
		return string(r)
	case r < 0x100:
		return fmt.Sprintf(`\x%02x`, r)
	case r <= 0xffff:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return fmt.Sprintf(`\U%08x`, r)
}
