package verify

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"sort"
	"strings"
)

// redacted replaces a secret wherever it would be shown.
const redacted = "[REDACTED]"

// redactor hides secrets in text that came from a server, and in the report as written. Each
// secret is hidden as it is and in the encodings a server might echo it in: form-encoded, path
// encoded, JSON-escaped, and inside the HTTP Basic credentials.
type redactor struct {
	r *strings.Replacer
}

// newRedactor hides each non-empty secret; basic is the HTTP Basic credentials to hide, as the
// form-encoded "id:secret" pair.
func newRedactor(secrets []string, basic []string) redactor {
	seen := map[string]bool{}
	var olds []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			olds = append(olds, s)
		}
	}
	for _, s := range secrets {
		if s == "" {
			continue
		}
		add(s)
		add(url.QueryEscape(s))
		add(url.PathEscape(s))
		for _, escaped := range jsonEscapes(s) {
			add(escaped)
		}
	}
	for _, b := range basic {
		if b != "" {
			add(base64.StdEncoding.EncodeToString([]byte(b)))
		}
	}
	if len(olds) == 0 {
		return redactor{}
	}
	// Longer forms first, so that a secret inside another is not half replaced.
	sort.SliceStable(olds, func(i, j int) bool { return len(olds[i]) > len(olds[j]) })
	pairs := make([]string, 0, 2*len(olds))
	for _, s := range olds {
		pairs = append(pairs, s, redacted)
	}
	return redactor{r: strings.NewReplacer(pairs...)}
}

// jsonEscapes returns s as it appears inside a JSON string, with and without HTML escaping.
func jsonEscapes(s string) []string {
	var out []string
	if data, err := json.Marshal(s); err == nil {
		out = append(out, string(data[1:len(data)-1]))
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err == nil {
		e := strings.TrimSuffix(b.String(), "\n")
		out = append(out, e[1:len(e)-1])
	}
	return out
}

// String hides the secrets in s.
func (r redactor) String(s string) string {
	if r.r == nil {
		return s
	}
	return r.r.Replace(s)
}

// values hides the secrets in every string of a decoded JSON object, in place.
func (r redactor) values(m map[string]any) {
	if r.r == nil {
		return
	}
	for k, v := range m {
		m[k] = r.value(v)
	}
}

func (r redactor) value(v any) any {
	switch v := v.(type) {
	case string:
		return r.String(v)
	case map[string]any:
		r.values(v)
	case []any:
		for i := range v {
			v[i] = r.value(v[i])
		}
	}
	return v
}
