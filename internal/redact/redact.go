// Package redact is the one boundary for text that came from a server: it hides secrets
// however a server may have written them, and makes what is left safe to show on a terminal.
package redact

import (
	"encoding/base64"
	"encoding/json"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/gen-postman/gen-postman/internal/text"
)

// Placeholder replaces a secret wherever it would be shown.
const Placeholder = "[REDACTED]"

// Redactor is the one boundary for text that came from a server: status lines and transport
// errors, headers, bodies, discovery and key set fields, the token's header and claims. Each
// passes through it before it is cut, folded, stored or printed; text gen-postman writes
// itself never does, so a server cannot rewrite the report.
//
// It hides each secret however a server may have written it: as it is, percent-encoded in
// either case, form-encoded, JSON-escaped (\uXXXX, \/ and the short escapes), HTML-escaped,
// with its white space changed into other white space, or with invisible characters inside
// it; and the HTTP Basic credentials in base64. It does so by comparing canonical forms (see
// canonical), so no list of encodings has to be complete.
//
// The zero Redactor hides nothing, but still makes text safe to show.
type Redactor struct {
	secrets []string // canonical, longest first
}

// New returns a Redactor that hides each non-empty secret; basic is the HTTP Basic credentials
// to hide, as the "id:secret" pairs that are base64-encoded. It hides every part of a secret a
// server could give back separately (see parts), so that no output holds a usable credential
// even in pieces.
func New(secrets, basic []string) Redactor {
	var forms []string
	for _, s := range secrets {
		if s != "" {
			forms = append(forms, parts(s)...)
		}
	}
	for _, b := range basic {
		if b != "" {
			forms = append(forms, base64.StdEncoding.EncodeToString([]byte(b)))
		}
	}
	seen := map[string]bool{}
	var r Redactor
	for _, s := range forms {
		// A server's text is decoded once: a secret written as it is decodes as the text
		// around it does, an encoded secret decodes to the secret itself.
		for _, decode := range readings {
			c := strings.TrimSpace(string(canonical(s, decode, false).text))
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
func (r Redactor) String(s string) string {
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
		b.WriteString(Placeholder)
		last = int(sp.end)
	}
	b.WriteString(s[last:])
	return b.String()
}

// Line is server text for one line of a report: secrets hidden, then folded onto one line of
// at most limit runes with terminal controls escaped.
func (r Redactor) Line(s string, limit int) string {
	return text.OneLine(r.String(s), limit)
}

// Visible is server text kept whole (a value, a body): secrets hidden, terminal controls
// escaped, line breaks kept.
func (r Redactor) Visible(s string) string {
	return text.Visible(r.String(s))
}

// Block is server text kept as a block of at most limit bytes: secrets hidden in the whole of
// it, then cut. cut says the text was already cut short where it was read: a secret that the
// cut split is hidden too.
func (r Redactor) Block(s string, limit int, cut bool) string {
	if cut {
		s = r.dropPartial(s)
	}
	s = r.Visible(s)
	if len(s) <= limit {
		return s
	}
	s = s[:limit]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s + "…"
}

// Contains reports whether s holds a secret, in any of the ways String would find it.
func (r Redactor) Contains(s string) bool {
	return len(r.secrets) > 0 && len(r.find(s)) > 0
}

// find returns the byte ranges of s that hold a secret, sorted and merged.
//
// The text is read in each of readings: decoding alone would miss a secret written after a
// stray "%" that makes its first characters look like an escape.
func (r Redactor) find(s string) []span {
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

// Values hides the secrets in every key and string of a decoded JSON object and makes them
// visible, in place: keys as well as values, since a server chooses both.
func (r Redactor) Values(m map[string]any) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for _, k := range keys {
		v := r.value(m[k])
		if clean := r.Visible(k); clean != k {
			delete(m, k)
			k = clean
		}
		m[k] = v
	}
}

func (r Redactor) value(v any) any {
	switch v := v.(type) {
	case string:
		return r.Visible(v)
	case json.Number:
		if hidden := r.String(string(v)); hidden != string(v) {
			return hidden
		}
	case map[string]any:
		r.Values(v)
	case []any:
		for i := range v {
			v[i] = r.value(v[i])
		}
	}
	return v
}
