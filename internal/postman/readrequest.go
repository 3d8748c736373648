package postman

import (
	"encoding/json"
	"fmt"
	"strings"

	postman "github.com/rbretecher/go-postman-collection"

	"github.com/gen-postman/gen-postman/internal/text"
)

// readRequest reads a request as the app does: a URL string, or an object whose method,
// URL, auth and description it returns. Nil when there is none.
func readRequest(data json.RawMessage) (*Request, error) {
	if len(data) == 0 || string(data) == "null" {
		return nil, nil
	}
	var s string
	if json.Unmarshal(data, &s) == nil {
		return &Request{URL: &URL{Raw: s, Variable: []any{}}, Method: postman.Get}, nil
	}
	var raw struct {
		Method      string          `json:"method"`
		URL         json.RawMessage `json:"url"`
		Auth        json.RawMessage `json:"auth"`
		Description json.RawMessage `json:"description"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrNotCollection, text.OneLine(err.Error(), 120))
	}
	req := &Request{URL: readURL(raw.URL)}
	if raw.Method == "" {
		raw.Method = "GET"
	}
	setAnyMethod(req, raw.Method)
	if d := descriptionText(raw.Description); d != "" {
		req.Description = d
	}
	var err error
	if req.Auth, err = readAuth(raw.Auth); err != nil {
		return nil, err
	}
	return req, nil
}

// readURL reads a URL string, or an object as Postman's SDK, and so Newman, reads one: from its
// protocol, host, port, path, query and hash, whatever its raw field says, each :name segment
// of the path taking its path variable's value (the last of a key); raw only when the object
// has no host. Variable is never nil, so that writing the URL back encodes it as an escaped
// object: go-postman-collection pastes a URL without variables between quotes as it is.
func readURL(data json.RawMessage) *URL {
	var s string
	if json.Unmarshal(data, &s) == nil {
		return &URL{Raw: s, Variable: []any{}}
	}
	var u struct {
		Raw      string          `json:"raw"`
		Protocol string          `json:"protocol"`
		Host     json.RawMessage `json:"host"`
		Port     json.RawMessage `json:"port"`
		Path     json.RawMessage `json:"path"`
		Query    json.RawMessage `json:"query"`
		Hash     string          `json:"hash"`
		Variable json.RawMessage `json:"variable"`
	}
	if json.Unmarshal(data, &u) != nil {
		return &URL{Variable: []any{}}
	}
	out := &URL{Raw: u.Raw, Protocol: u.Protocol, Host: stringList(u.Host, "."), Path: stringList(u.Path, "/"), Hash: u.Hash, Variable: []any{}}
	if len(out.Host) == 0 {
		return out
	}
	out.Port = valueText(u.Port)
	vars := pairs(u.Variable)
	path := make([]string, len(out.Path))
	for i, seg := range out.Path {
		path[i] = seg
		if name, ok := strings.CutPrefix(seg, ":"); ok && name != "" {
			if v, ok := lastValue(vars, name); ok {
				path[i] = v
			}
		}
	}
	var b strings.Builder
	if out.Protocol != "" {
		b.WriteString(strings.TrimSuffix(out.Protocol, "://") + "://")
	}
	b.WriteString(strings.Join(out.Host, "."))
	if out.Port != "" {
		b.WriteString(":" + out.Port)
	}
	if len(path) > 0 {
		b.WriteString("/" + strings.Join(path, "/"))
	}
	var query []string
	for _, q := range pairs(u.Query) {
		if q.disabled {
			continue
		}
		switch {
		case q.key == nil:
			query = append(query, q.value)
		default:
			query = append(query, *q.key+"="+q.value)
		}
	}
	if len(query) > 0 {
		b.WriteString("?" + strings.Join(query, "&"))
	}
	if out.Hash != "" {
		b.WriteString("#" + out.Hash)
	}
	out.Raw = b.String()
	return out
}

// pair is one {key, value, disabled} of a URL's query or path variables; key is nil when the
// file has none (a query parameter without =).
type pair struct {
	key      *string
	value    string
	disabled bool
}

// pairs reads a URL's query or variable list, leaving out what is not an object.
func pairs(data json.RawMessage) []pair {
	var list []struct {
		Key      *string         `json:"key"`
		ID       *string         `json:"id"`
		Value    json.RawMessage `json:"value"`
		Disabled bool            `json:"disabled"`
	}
	if json.Unmarshal(data, &list) != nil {
		return nil
	}
	out := make([]pair, 0, len(list))
	for _, el := range list {
		key := el.Key
		if key == nil {
			key = el.ID
		}
		out = append(out, pair{key: key, value: valueText(el.Value), disabled: el.Disabled})
	}
	return out
}

// lastValue is the value of the last pair named key, as Postman's lists resolve duplicates.
func lastValue(list []pair, key string) (string, bool) {
	for i := len(list) - 1; i >= 0; i-- {
		if list[i].key != nil && *list[i].key == key {
			return list[i].value, true
		}
	}
	return "", false
}

// stringList reads a host or path: an array of strings (objects in a path count by their
// value), or one string split on sep.
func stringList(data json.RawMessage, sep string) []string {
	var s string
	if json.Unmarshal(data, &s) == nil {
		if s == "" {
			return nil
		}
		return strings.Split(s, sep)
	}
	var list []json.RawMessage
	if json.Unmarshal(data, &list) != nil {
		return nil
	}
	out := make([]string, 0, len(list))
	for _, el := range list {
		if json.Unmarshal(el, &s) == nil {
			out = append(out, s)
			continue
		}
		var seg struct {
			Value string `json:"value"`
		}
		if json.Unmarshal(el, &seg) == nil {
			out = append(out, seg.Value)
		}
	}
	return out
}
