package redact

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"testing"
)

// redactCanary has spaces and the characters each encoding changes.
const redactCanary = `c4n4ry s3cr%t+/:é<&>"x\y 😀`

// encodings are the ways a server may write a secret back.
var encodings = map[string]func(string) string{
	"raw":        func(s string) string { return s },
	"form":       url.QueryEscape,
	"form-lower": func(s string) string { return lowerHex(url.QueryEscape(s)) },
	"path":       url.PathEscape,
	// A URL carried in a query parameter of another URL, once or more.
	"form-twice":  func(s string) string { return url.QueryEscape(url.QueryEscape(s)) },
	"path-thrice": func(s string) string { return url.PathEscape(url.PathEscape(url.PathEscape(s))) },
	"form-twice-lower": func(s string) string {
		return lowerHex(url.QueryEscape(url.QueryEscape(s)))
	},
	"json": func(s string) string { d, _ := json.Marshal(s); return string(d[1 : len(d)-1]) },
	"json-slashes": func(s string) string {
		d, _ := json.Marshal(s)
		return strings.ReplaceAll(string(d[1:len(d)-1]), "/", `\/`)
	},
	"json-ascii": jsonASCII,
	"newlines":   func(s string) string { return strings.ReplaceAll(s, " ", "\r\n\t") },
	"invisible":  func(s string) string { return strings.Join(strings.Split(s, ""), "\u200b") },
	"basic":      func(s string) string { return base64.StdEncoding.EncodeToString([]byte("id:" + url.QueryEscape(s))) },
}

func lowerHex(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			b.WriteString("%" + strings.ToLower(s[i+1:i+3]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// jsonASCII escapes every character outside ASCII as \uXXXX, with surrogate pairs.
func jsonASCII(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r > 0xffff:
			r -= 0x10000
			b.WriteString(`\u` + hex4s(0xd800+(r>>10)) + `\u` + hex4s(0xdc00+(r&0x3ff)))
		default:
			b.WriteString(`\u` + hex4s(r))
		}
	}
	return b.String()
}

func hex4s(r rune) string { return fmt.Sprintf("%04X", r) }

func canaryRedactor() Redactor {
	return New([]string{redactCanary}, []string{"id:" + url.QueryEscape(redactCanary)})
}

// leaks says which piece of the canary out shows, read as a server's text is read (decoded,
// white space folded), or "" when none does. A piece is any 5 characters of the canary.
func leaks(out string) string {
	secret := []rune(string(canonical(redactCanary, decoding{}, false).text))
	for _, decode := range readings {
		seen := string(canonical(out, decode, false).text)
		for i := 0; i+5 <= len(secret); i++ {
			if piece := string(secret[i : i+5]); strings.Contains(seen, piece) {
				return piece
			}
		}
	}
	if b64 := encodings["basic"](redactCanary); strings.Contains(out, b64[:len(b64)/2]) {
		return b64[:len(b64)/2]
	}
	return ""
}

// TestRedactorAroundCuts places the canary, in each encoding, at every offset around the cut
// points of line and block, and cuts the text where it is read at every offset inside the
// canary: no piece of the secret is ever shown.
func TestRedactorAroundCuts(t *testing.T) {
	red := canaryRedactor()
	const limit = 200
	for name, encode := range encodings {
		enc := encode(redactCanary)
		for offset := limit - len(enc) - 5; offset <= limit+5; offset++ {
			if offset < 0 {
				continue
			}
			text := strings.Repeat("~", offset) + enc + strings.Repeat("~", 40)
			for fn, out := range map[string]string{
				"line":  red.Line(text, limit),
				"block": red.Block(text, limit, false),
			} {
				if piece := leaks(out); piece != "" {
					t.Errorf("%s at offset %d: %s shows %q: %q", name, offset, fn, piece, out)
				}
			}
		}
		for cut := 1; cut < len(enc); cut++ {
			text := strings.Repeat("~", 10) + enc[:cut]
			if out := red.Block(text, 4<<10, true); leaks(out) != "" {
				t.Errorf("%s read up to byte %d of the secret: block shows %q", name, cut, out)
			}
		}
	}
}

// FuzzRedactor: the canary in any encoding, at any offset, with any text around it and any
// limit, never shows through line or block, and a text cut inside it never shows its start.
func FuzzRedactor(f *testing.F) {
	f.Add("before ", " after", uint8(0), uint16(200), uint16(10))
	f.Add(strings.Repeat("x", 190), "", uint8(1), uint16(200), uint16(5))
	f.Add("", "\n", uint8(6), uint16(30), uint16(40))
	names := make([]string, 0, len(encodings))
	for name := range encodings {
		names = append(names, name)
	}
	sort.Strings(names)
	red := canaryRedactor()
	f.Fuzz(func(t *testing.T, before, after string, which uint8, limit, cut uint16) {
		if leaks(before) != "" || leaks(after) != "" || leaks(before+after) != "" {
			return // the text around holds the canary itself, or half of it
		}
		name := names[int(which)%len(names)]
		enc := encodings[name](redactCanary)
		text := before + enc + after
		for fn, out := range map[string]string{
			"line":  red.Line(text, int(limit)),
			"block": red.Block(text, int(limit), false),
		} {
			if piece := leaks(out); piece != "" {
				t.Fatalf("%s in %q: %s shows %q: %q", name, text, fn, piece, out)
			}
		}
		if c := int(cut) % (len(enc) + 1); c > 0 {
			short := before + enc[:c]
			if piece := leaks(red.Block(short, 1<<20, true)); piece != "" {
				t.Fatalf("%s cut at %d: block shows %q", name, c, piece)
			}
		}
	})
}
