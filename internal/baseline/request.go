package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"

	"github.com/gen-postman/gen-postman/internal/postman"
)

// RequestView is a request member read for reading its parts and editing them: its members in
// file order, its URL's members, and the lists of query parameters, headers and path
// variables as the file writes each element. [RequestView.Encode] writes back what was read,
// with the changes made since.
type RequestView struct {
	Object postman.Object
	Method string
	// URL holds the members of a structured URL; URLText is set instead for a URL written as a
	// string.
	URL                     postman.Object
	URLText                 *string
	Query, Header, Variable []json.RawMessage
	// URLChanged says the URL's parts were changed: [RequestView.Encode] then writes the URL
	// again, url.raw made again from its parts.
	URLChanged bool
}

// errNotRequest reports a request member that is neither a URL nor an object.
var errNotRequest = errors.New("a request is neither a URL string nor an object")

// Read reads a request member: an object, or a URL string, which v2 allows for a GET.
func (r *RequestView) Read(raw json.RawMessage) error {
	*r = RequestView{Method: "GET"}
	var s string
	if readsAs(raw, '"') && json.Unmarshal(raw, &s) == nil {
		r.URLText = &s
		r.Object.SetRaw("url", raw, requestOrder)
		r.Object.SetRaw("method", json.RawMessage(`"GET"`), requestOrder)
		return nil
	}
	if err := json.Unmarshal(raw, &r.Object); err != nil {
		return errNotRequest
	}
	var method string
	if r.Object.Decode("method", &method) == nil && method != "" {
		r.Method = strings.ToUpper(method)
	}
	_ = r.Object.Decode("header", &r.Header) // a header list written as a string holds no headers
	u, _ := r.Object.Get("url")
	if readsAs(u, '"') && json.Unmarshal(u, &s) == nil {
		r.URLText = &s
		return nil
	}
	if len(u) == 0 || json.Unmarshal(u, &r.URL) != nil {
		return nil
	}
	_ = r.URL.Decode("query", &r.Query)
	_ = r.URL.Decode("variable", &r.Variable)
	return nil
}

// Path is the URL's host and path, without the query: "{{baseUrl}}/api/v1/users/:id".
func (r *RequestView) Path() string {
	if r.URLText != nil {
		path, _, _ := strings.Cut(*r.URLText, "?")
		return path
	}
	return segments(member(&r.URL, "host"), ".") + "/" + segments(member(&r.URL, "path"), "/")
}

// segments joins a host or path written as a list of segments, or returns it as written.
func segments(raw json.RawMessage, sep string) string {
	var s string
	if readsAs(raw, '"') && json.Unmarshal(raw, &s) == nil {
		return strings.TrimPrefix(s, "/")
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		return ""
	}
	out := make([]string, 0, len(list))
	for _, e := range list {
		var seg struct {
			Value string `json:"value"`
		}
		if readsAs(e, '"') && json.Unmarshal(e, &s) == nil {
			out = append(out, s)
		} else if json.Unmarshal(e, &seg) == nil {
			out = append(out, seg.Value)
		}
	}
	return strings.Join(out, sep)
}

// Encode writes the request back: its members in their order, the lists of parameters in
// their places, and url.raw, when the URL has one, made again from its parts.
func (r *RequestView) Encode() (json.RawMessage, error) {
	if r.URLChanged && r.URLText == nil && len(r.URL.Keys()) > 0 {
		setList(&r.URL, "query", r.Query)
		setList(&r.URL, "variable", r.Variable)
		if _, ok := r.URL.Get("raw"); ok {
			raw, err := postman.Marshal(r.rawURL())
			if err != nil {
				return nil, err
			}
			r.URL.SetRaw("raw", raw, nil)
		}
		u, err := r.URL.MarshalJSON()
		if err != nil {
			return nil, err
		}
		r.Object.SetRaw("url", u, requestOrder)
	}
	setList(&r.Object, "header", r.Header)
	return r.Object.MarshalJSON()
}

// requestOrder is where new members go in a request, as go-postman-collection writes them.
var requestOrder = []string{"url", "auth", "proxy", "certificate", "method", "description", "header", "body"}

// rawURL is the URL as the app shows it: host, path, and the query parameters that are on.
func (r *RequestView) rawURL() string {
	var b strings.Builder
	b.WriteString(r.Path())
	sep := "?"
	for _, q := range r.Query {
		var p struct {
			Key      string  `json:"key"`
			Value    *string `json:"value"`
			Disabled bool    `json:"disabled"`
		}
		if json.Unmarshal(q, &p) != nil || p.Disabled {
			continue
		}
		b.WriteString(sep + p.Key)
		if p.Value != nil {
			b.WriteString("=" + *p.Value)
		}
		sep = "&"
	}
	return b.String()
}

// setList writes a list into the member key. An empty list is left as the object had it:
// absent, or empty as the SDK writes it; one emptied by removals is left out, as generated.
func setList(o *postman.Object, key string, list []json.RawMessage) {
	if len(list) == 0 {
		if old, ok := o.Get(key); ok && !isEmptyList(old) {
			o.Delete(key)
		}
		return
	}
	data, err := postman.Marshal(list)
	if err != nil {
		return // raw messages that were read as JSON always encode
	}
	o.SetRaw(key, data, nil)
}

// isEmptyList reports whether a member's text is an empty list.
func isEmptyList(raw json.RawMessage) bool {
	var list []json.RawMessage
	return json.Unmarshal(raw, &list) == nil && len(list) == 0
}

// readsAs reports whether JSON text may decode into a Go value whose JSON form opens with
// first ('"' a string, '{' a struct): its first byte is that or the n of null, which decodes
// into anything. Text that it is not fails to decode there anyway; asking first spares reading
// a whole request or list to learn that it is not a string.
func readsAs(raw json.RawMessage, first byte) bool {
	raw = bytes.TrimLeft(raw, " \t\r\n")
	return len(raw) > 0 && (raw[0] == first || raw[0] == 'n')
}
