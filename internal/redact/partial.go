package redact

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// dropPartial removes the end of s when it is the start of a secret, as it is when the text
// was cut in the middle of one.
func (r Redactor) dropPartial(s string) string {
	s = trimIncomplete(s)
	keep := len(s)
	for _, decode := range readings {
		c := canonical(s, decode, true)
		t := c.text
		if decode.repeat {
			// A cut inside an escape that was itself escaped leaves it unfinished only
			// once decoded: %252 reads as %2.
			t = trimPercentTail(t)
		}
		for _, secret := range r.secrets {
			if n := overlap(t, secret); n > 0 {
				keep = min(keep, int(c.spans[len(t)-n].start))
			}
		}
	}
	return s[:keep]
}

// trimPercentTail drops an unfinished percent escape (% or %X) from the end of t.
func trimPercentTail(t []byte) []byte {
	for n := 1; n <= min(len(t), 2); n++ {
		if tail := t[len(t)-n:]; tail[0] == '%' && allHex(string(tail[1:])) {
			return t[:len(t)-n]
		}
	}
	return t
}

// trimIncomplete drops what a cut left unfinished at the end of s: an escape (%X, \u00, a
// surrogate pair's first half, &am) or a UTF-8 sequence, so that what it stood for can be
// compared with the start of a secret.
func trimIncomplete(s string) string {
	// Twice: a surrogate pair cut in its second half leaves both halves unfinished.
	for range 2 {
		for n := 1; n <= min(len(s), 6); n++ {
			tail := s[len(s)-n:]
			if tail[0] == '%' && n <= 2 && allHex(tail[1:]) ||
				tail[0] == '\\' && n == 1 ||
				tail[0] == '\\' && n >= 2 && tail[1] == 'u' && allHex(tail[2:]) && (n < 6 || isSurrogate(tail[2:])) ||
				tail[0] == '&' && !strings.ContainsRune(tail, ';') {
				s = s[:len(s)-n]
				break
			}
		}
	}
	// A character percent-encoded byte by byte, cut before its last byte.
	for k := 1; k < utf8.UTFMax && len(s) >= 3*k; k++ {
		tail := s[len(s)-3*k:]
		var b []byte
		for j := 0; j < k; j++ {
			if n, d := decodeEscape(tail[3*j:]); n == 3 && tail[3*j] == '%' {
				b = append(b, d...)
			}
		}
		if len(b) == k && b[0] >= 0xc0 && !utf8.FullRune(b) {
			s = s[:len(s)-3*k]
			break
		}
	}
	for i := len(s) - 1; i >= 0 && i >= len(s)-utf8.UTFMax; i-- {
		if utf8.RuneStart(s[i]) {
			if !utf8.FullRuneInString(s[i:]) {
				return s[:i]
			}
			break
		}
	}
	return s
}

func isSurrogate(hex string) bool {
	r, ok := hex4(hex)
	return ok && utf16.IsSurrogate(r)
}

func allHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isHex(s[i]) {
			return false
		}
	}
	return true
}

// overlap is the length of the longest end of t that is the start of secret, shorter than
// secret: the Knuth-Morris-Pratt failure function, so long texts cost linear time.
func overlap(t []byte, secret string) int {
	m := len(secret)
	if m < 2 {
		return 0
	}
	fail := make([]int, m)
	for i, k := 1, 0; i < m; i++ {
		for k > 0 && secret[i] != secret[k] {
			k = fail[k-1]
		}
		if secret[i] == secret[k] {
			k++
		}
		fail[i] = k
	}
	if len(t) > m {
		t = t[len(t)-m:]
	}
	k := 0
	for _, c := range t {
		for k > 0 && (k == m || c != secret[k]) {
			k = fail[k-1]
		}
		if c == secret[k] {
			k++
		}
	}
	if k == m {
		return 0 // a whole secret: hidden by String
	}
	return k
}
