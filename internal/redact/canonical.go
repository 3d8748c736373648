package redact

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// decoding says which escapes canonical decodes; repeat decodes percent escapes again, up to
// maxPercentDepth times in all, as long as one is left; joined drops white space altogether,
// so that a secret split by a line break or with its dots spaced reads whole.
type decoding struct{ percent, other, repeat, joined bool }

// maxPercentDepth bounds how many times a text is percent-decoded: a secret encoded twice or
// more (%2541 for A) is still found, and no text makes the work grow without end.
const maxPercentDepth = 4

// readings are the ways a text is read: decoded, as it is, with only JSON and HTML escapes
// decoded, decoded with percent escapes decoded again, and decoded with white space dropped.
var readings = []decoding{
	{percent: true, other: true},
	{},
	{other: true},
	{percent: true, other: true, repeat: true},
	{percent: true, other: true, joined: true},
}

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
// \f) and the HTML entities a page escapes with. Then each run of white space becomes one
// space, and control and format characters, invisible or escaped when shown, are dropped.
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
	for depth := 1; decode.repeat && depth < maxPercentDepth; depth++ {
		next, changed := decodePercent(decoded, withSpans)
		if !changed {
			break
		}
		decoded = next
	}
	if decode.repeat {
		// Which level of encoding a + came from is unknown: a space form-encoded and then
		// percent-encoded reads as +, so every + reads as the space it may stand for.
		for i, c := range decoded.text {
			if c == '+' {
				decoded.text[i] = ' '
			}
		}
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
		case unicode.IsSpace(r) && decode.joined:
			// Dropped: a secret found across it still covers it, one beside it does not.
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

// decodePercent decodes the %XX escapes of an already decoded text once more, each byte
// keeping the range of the original it came from.
func decodePercent(in canonicalText, withSpans bool) (canonicalText, bool) {
	out := canonicalText{text: make([]byte, 0, len(in.text))}
	if withSpans {
		out.spans = make([]span, 0, len(in.text))
	}
	changed := false
	for i := 0; i < len(in.text); {
		t := in.text[i:]
		if len(t) >= 3 && t[0] == '%' && isHex(t[1]) && isHex(t[2]) {
			out.text = append(out.text, unhex(t[1])<<4|unhex(t[2]))
			if withSpans {
				out.spans = append(out.spans, span{in.spans[i].start, in.spans[i+2].end})
			}
			changed = true
			i += 3
			continue
		}
		out.text = append(out.text, t[0])
		if withSpans {
			out.spans = append(out.spans, in.spans[i])
		}
		i++
	}
	return out, changed
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
