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

// readURL reads a URL string, or an object's raw field, or its host and path joined. Variable
// is never nil, so that writing the URL back encodes it as an escaped object: go-postman-collection
// pastes a URL without variables between quotes as it is.
func readURL(data json.RawMessage) *URL {
	var s string
	if json.Unmarshal(data, &s) == nil {
		return &URL{Raw: s, Variable: []any{}}
	}
	var u struct {
		Raw      string          `json:"raw"`
		Protocol string          `json:"protocol"`
		Host     json.RawMessage `json:"host"`
		Path     json.RawMessage `json:"path"`
	}
	if json.Unmarshal(data, &u) != nil {
		return &URL{Variable: []any{}}
	}
	out := &URL{Raw: u.Raw, Protocol: u.Protocol, Host: stringList(u.Host, "."), Path: stringList(u.Path, "/"), Variable: []any{}}
	if out.Raw == "" && len(out.Host) > 0 {
		out.Raw = strings.Join(out.Host, ".")
		if len(out.Path) > 0 {
			out.Raw += "/" + strings.Join(out.Path, "/")
		}
		if out.Protocol != "" {
			out.Raw = out.Protocol + "://" + out.Raw
		}
	}
	return out
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
