package verify

import (
	"encoding/base64"
	"encoding/json"
	"sort"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/gen-postman/gen-postman/internal/text"
)

// redacted replaces a secret wherever it would be shown.
const redacted = "[REDACTED]"

// redactor is the one boundary for text that came from a server: status lines and transport
// errors, headers, bodies, discovery and key set fields, the token's header and claims. Each
// passes through it before it is cut, folded, stored or printed; text gen-postman writes
// itself never does, so a server cannot rewrite the report.
//
// It hides each secret however a server may have written it: as it is, percent-encoded in
// either case, form-encoded, JSON-escaped (\uXXXX, \/ and the short escapes), HTML-escaped,
// with its white space changed into other white space, or with invisible characters inside
// it; and the HTTP Basic credentials in base64. It does so by comparing canonical forms (see
// canonical), so no list of encodings has to be complete.
type redactor struct {
	secrets []string // canonical, longest first
}

// newRedactor hides each non-empty secret; basic is the HTTP Basic credentials to hide, as the
// "id:secret" pairs that are base64-encoded.
func newRedactor(secrets []string, basic []string) redactor {
	forms := append([]string(nil), secrets...)
	for _, b := range basic {
		if b != "" {
			forms = append(forms, base64.StdEncoding.EncodeToString([]byte(b)))
		}
	}
	seen := map[string]bool{}
	var r redactor
	for _, s := range forms {
		// A server's text is decoded once: a secret written as it is decodes as the text
		// around it does, an encoded secret decodes to the secret itself.
		for _, decode := range readings {
			c := strings.TrimSpace(string(canonical(s, decode, true).text))
			if c != "" && !seen[c] {
				seen[c] = true
				r.secrets = append(r.secrets, c)
			}
		}
	}
	sort.SliceStable(r.secrets, func(i, j int) bool { return len(r.secrets[i]) > len(r.secrets[j]) })
	return r
}

// String hides the secrets in s.
func (r redactor) String(s string) string {
	if len(r.secrets) == 0 || s == "" {
		return s
	}
	spans := r.find(s)
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		b.WriteString(s[last:sp.start])
		b.WriteString(redacted)
		last = int(sp.end)
	}
	b.WriteString(s[last:])
	return b.String()
}

// line is server text for one line of a report: secrets hidden, then folded onto one line of
// at most limit runes with terminal controls escaped.
func (r redactor) line(s string, limit int) string {
	return text.OneLine(r.String(s), limit)
}

// visible is server text kept whole (a value, a body): secrets hidden, terminal controls
// escaped, line breaks kept.
func (r redactor) visible(s string) string {
	return text.Visible(r.String(s))
}

// block is server text kept as a block of at most limit bytes: secrets hidden in the whole of
// it, then cut. cut says the text was already cut short where it was read: a secret that the
// cut split is hidden too.
func (r redactor) block(s string, limit int, cut bool) string {
	if cut {
		s = r.dropPartial(s)
	}
	s = r.visible(s)
	if len(s) <= limit {
		return s
	}
	s = s[:limit]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s + "…"
}

// dropPartial removes the end of s when it is the start of a secret, as it is when the text
// was cut in the middle of one.
func (r redactor) dropPartial(s string) string {
	s = trimIncomplete(s)
	keep := len(s)
	for _, decode := range readings {
		c := canonical(s, decode, true)
		for _, secret := range r.secrets {
			if n := overlap(c.text, secret); n > 0 {
				keep = min(keep, int(c.spans[len(c.text)-n].start))
			}
		}
	}
	return s[:keep]
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

// find returns the byte ranges of s that hold a secret, sorted and merged.
//
// The text is read in each of readings: decoding alone would miss a secret written after a
// stray "%" that makes its first characters look like an escape.
func (r redactor) find(s string) []span {
	var found []span
	for _, decode := range readings {
		c := canonical(s, decode, true)
		t := string(c.text)
		for _, secret := range r.secrets {
			for from := 0; from <= len(t)-len(secret); {
				i := strings.Index(t[from:], secret)
				if i < 0 {
					break
				}
				a, b := from+i, from+i+len(secret)
				found = append(found, span{c.spans[a].start, c.spans[b-1].end})
				from = b
			}
		}
	}
	if len(found) == 0 {
		return nil
	}
	sort.Slice(found, func(i, j int) bool { return found[i].start < found[j].start })
	merged := found[:1]
	for _, sp := range found[1:] {
		last := &merged[len(merged)-1]
		if sp.start <= last.end {
			last.end = max(last.end, sp.end)
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

// decoding says which escapes canonical decodes.
type decoding struct{ percent, other bool }

// readings are the ways a text is read: decoded, as it is, and with only JSON and HTML
// escapes decoded.
var readings = []decoding{{true, true}, {false, false}, {false, true}}

// span is a byte range [start, end) of the text that was made canonical; int32 keeps the
// ranges of a body at the size limit small.
type span struct{ start, end int32 }

// canonicalText is a text's canonical form, each byte with the range of the original it came
// from when spans were asked for.
type canonicalText struct {
	text  []byte
	spans []span
}

// canonical decodes what a server may have done to a secret, so that one comparison finds it
// however it was written. It decodes the escapes decode asks for: percent, %XX in either case
// and + for a space; other, JSON escapes (\uXXXX with surrogate pairs, \/ \" \\ \n \t \r \b
// \f) and the HTML entities a page escapes with. Then each run of white space becomes one space, and control and format
// characters, invisible or escaped when shown, are dropped.
func canonical(s string, decode decoding, withSpans bool) canonicalText {
	decoded := canonicalText{text: make([]byte, 0, len(s))}
	if withSpans {
		decoded.spans = make([]span, 0, len(s))
	}
	emit := func(b []byte, start, end int) {
		for _, c := range b {
			decoded.text = append(decoded.text, c)
			if withSpans {
				decoded.spans = append(decoded.spans, span{int32(start), int32(end)})
			}
		}
	}
	for i := 0; i < len(s); {
		if n, b := decodeEscape(s[i:]); n > 0 && (s[i] == '%' && decode.percent || s[i] != '%' && decode.other) {
			emit(b, i, i+n)
			i += n
			continue
		}
		if s[i] == '+' && decode.percent {
			emit([]byte{' '}, i, i+1)
		} else {
			emit([]byte{s[i]}, i, i+1)
		}
		i++
	}
	out := canonicalText{text: make([]byte, 0, len(decoded.text))}
	if withSpans {
		out.spans = make([]span, 0, len(decoded.text))
	}
	add := func(c byte, sp span) {
		out.text = append(out.text, c)
		if withSpans {
			out.spans = append(out.spans, sp)
		}
	}
	widen := func(sp span) {
		if withSpans && len(out.spans) > 0 {
			out.spans[len(out.spans)-1].end = sp.end
		}
	}
	space := false
	for i := 0; i < len(decoded.text); {
		r, n := utf8.DecodeRune(decoded.text[i:])
		var sp span
		if withSpans {
			sp = span{decoded.spans[i].start, decoded.spans[i+n-1].end}
		}
		switch {
		case r == utf8.RuneError && n == 1:
			// A %XX that makes no character was likely no escape: a stray % before text
			// such as "c4…". Keep it as it was written.
			if o := s[sp.start:sp.end]; len(o) == 3 && o[0] == '%' {
				for k := range 3 {
					add(o[k], span{sp.start + int32(k), sp.start + int32(k) + 1})
				}
			} else {
				add(decoded.text[i], sp)
			}
			space = false
		case unicode.IsSpace(r):
			if space {
				widen(sp)
			} else {
				add(' ', sp)
				space = true
			}
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			widen(sp)
		default:
			for k := range n {
				add(decoded.text[i+k], sp)
			}
			space = false
		}
		i += n
	}
	return out
}

// htmlEntities are the entities a page escapes text with.
var htmlEntities = map[string]byte{"&amp;": '&', "&lt;": '<', "&gt;": '>', "&quot;": '"', "&apos;": '\'', "&#39;": '\'', "&#x27;": '\'', "&#43;": '+', "&#x2b;": '+', "&#x2B;": '+'}

// decodeEscape decodes one escape at the start of s: how many bytes it takes and what it
// stands for, or 0 when s does not start with one.
func decodeEscape(s string) (int, []byte) {
	switch {
	case len(s) >= 3 && s[0] == '%' && isHex(s[1]) && isHex(s[2]):
		return 3, []byte{unhex(s[1])<<4 | unhex(s[2])}
	case len(s) >= 2 && s[0] == '\\':
		switch s[1] {
		case '/', '"', '\\', '\'':
			return 2, []byte{s[1]}
		case 'n':
			return 2, []byte{'\n'}
		case 't':
			return 2, []byte{'\t'}
		case 'r':
			return 2, []byte{'\r'}
		case 'b':
			return 2, []byte{'\b'}
		case 'f':
			return 2, []byte{'\f'}
		case 'u':
			r1, ok := hex4(s[2:])
			if !ok {
				return 0, nil
			}
			if utf16.IsSurrogate(r1) {
				if len(s) >= 12 && s[6] == '\\' && s[7] == 'u' {
					if r2, ok := hex4(s[8:]); ok {
						if r := utf16.DecodeRune(r1, r2); r != utf8.RuneError {
							return 12, utf8.AppendRune(nil, r)
						}
					}
				}
				return 6, utf8.AppendRune(nil, utf8.RuneError)
			}
			return 6, utf8.AppendRune(nil, r1)
		}
	case len(s) >= 4 && s[0] == '&':
		end := strings.IndexByte(s[:min(len(s), 8)], ';')
		if end > 0 {
			if b, ok := htmlEntities[s[:end+1]]; ok {
				return end + 1, []byte{b}
			}
		}
	}
	return 0, nil
}

func hex4(s string) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var r rune
	for i := range 4 {
		if !isHex(s[i]) {
			return 0, false
		}
		r = r<<4 | rune(unhex(s[i]))
	}
	return r, true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// values hides the secrets in every key and string of a decoded JSON object and makes them
// visible, in place: keys as well as values, since a server chooses both.
func (r redactor) values(m map[string]any) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for _, k := range keys {
		v := r.value(m[k])
		if clean := r.visible(k); clean != k {
			delete(m, k)
			k = clean
		}
		m[k] = v
	}
}

func (r redactor) value(v any) any {
	switch v := v.(type) {
	case string:
		return r.visible(v)
	case json.Number:
		if hidden := r.String(string(v)); hidden != string(v) {
			return hidden
		}
	case map[string]any:
		r.values(v)
	case []any:
		for i := range v {
			v[i] = r.value(v[i])
		}
	}
	return v
}
