package postman

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	postman "github.com/rbretecher/go-postman-collection"

	"github.com/gen-postman/gen-postman/internal/text"
)

// MaxFileSize bounds a collection or environment file that is read.
const MaxFileSize = 10 << 20

// maxItemDepth bounds folder nesting; deeper items are not read.
const maxItemDepth = 32

// ReadCollection reads a collection as the Postman app imports it: v2.1.0 or v2.0.0, with auth
// as a key/value array or an object, requests as a string or an object, and descriptions as
// a string or an object. Errors match the sentinels of this package.
func ReadCollection(r io.Reader) (*Collection, error) {
	data, err := readFile(r)
	if err != nil {
		return nil, err
	}
	var raw struct {
		Info     *postman.Info     `json:"info"`
		Item     []json.RawMessage `json:"item"`
		Auth     json.RawMessage   `json:"auth"`
		Event    []json.RawMessage `json:"event"`
		Variable []Variable        `json:"variable"`
		Values   json.RawMessage   `json:"values"`
	}
	if err := decode(data, &raw); err != nil {
		return nil, err
	}
	if raw.Info == nil {
		if raw.Values != nil {
			return nil, ErrIsEnvironment
		}
		return nil, ErrNotCollection
	}
	c := &Collection{Variable: raw.Variable}
	c.Info = *raw.Info
	if c.Auth, err = readAuth(raw.Auth); err != nil {
		return nil, fmt.Errorf("collection auth: %w", err)
	}
	if c.Items, err = readItems(raw.Item, 0); err != nil {
		return nil, err
	}
	return c, nil
}

// ReadEnvironment reads an environment file.
func ReadEnvironment(r io.Reader) (*Environment, error) {
	data, err := readFile(r)
	if err != nil {
		return nil, err
	}
	var raw struct {
		Info json.RawMessage `json:"info"`
		Environment
	}
	if err := decode(data, &raw); err != nil {
		return nil, err
	}
	switch {
	case raw.Info != nil:
		return nil, ErrIsCollection
	case raw.Values == nil:
		return nil, ErrNotEnvironment
	}
	return &raw.Environment, nil
}

func readFile(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading: %w", err)
	}
	if len(data) > MaxFileSize {
		return nil, ErrTooLarge
	}
	return data, nil
}

func decode(data []byte, v any) error {
	if err := json.Unmarshal(data, v); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return fmt.Errorf("%w: %s", ErrNotCollection, text.OneLine(err.Error(), 120))
		}
		return fmt.Errorf("%w: %s", ErrNotJSON, text.OneLine(err.Error(), 120))
	}
	return nil
}

// readItems reads requests and folders. An item that is neither is kept as a request without
// one, so that names and positions stay as the app shows them.
func readItems(raws []json.RawMessage, depth int) ([]Items, error) {
	if depth > maxItemDepth {
		return nil, nil
	}
	items := make([]Items, 0, len(raws))
	for _, data := range raws {
		var raw struct {
			Name        string            `json:"name"`
			Description json.RawMessage   `json:"description"`
			Item        []json.RawMessage `json:"item"`
			Auth        json.RawMessage   `json:"auth"`
			Request     json.RawMessage   `json:"request"`
		}
		if err := json.Unmarshal(data, &raw); err != nil {
			return nil, fmt.Errorf("%w: an item is %s", ErrNotCollection, text.OneLine(err.Error(), 120))
		}
		if raw.Item != nil {
			group := &ItemGroup{Name: raw.Name, Description: descriptionText(raw.Description)}
			var err error
			if group.Auth, err = readAuth(raw.Auth); err != nil {
				return nil, fmt.Errorf("folder %q: %w", text.OneLine(raw.Name, 120), err)
			}
			if group.Items, err = readItems(raw.Item, depth+1); err != nil {
				return nil, err
			}
			items = append(items, group)
			continue
		}
		item := &Item{Name: raw.Name, Description: descriptionText(raw.Description)}
		req, err := readRequest(raw.Request)
		if err != nil {
			return nil, fmt.Errorf("request %q: %w", text.OneLine(raw.Name, 120), err)
		}
		item.Request = req
		items = append(items, item)
	}
	return items, nil
}

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

// readAuth reads an auth block. Its parameters may be a v2.1 array of {key, value, type} or a
// v2.0 object of key to value; either way they come out as go-postman-collection's params, in
// file order for an array and sorted by key for an object.
func readAuth(data json.RawMessage) (*Auth, error) {
	if len(data) == 0 || string(data) == "null" {
		return nil, nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return nil, fmt.Errorf("%w: auth is not an object", ErrNotCollection)
	}
	var typ string
	if raw, ok := fields["type"]; ok && json.Unmarshal(raw, &typ) != nil {
		return nil, fmt.Errorf("%w: auth type is not a string", ErrNotCollection)
	}
	a := &Auth{} // its type's type is unexported: JSON sets it
	if err := json.Unmarshal([]byte(`{"type":`+quote(typ)+`}`), a); err != nil {
		return nil, fmt.Errorf("auth type: %w", err)
	}
	params, err := readAuthParams(fields[typ])
	if err != nil {
		return nil, fmt.Errorf("%s auth: %w", text.OneLine(typ, 120), err)
	}
	switch typ {
	case AuthTypeOAuth2:
		a.OAuth2 = params
	case string(postman.Bearer):
		a.Bearer = params
	case string(postman.Basic):
		a.Basic = params
	case string(postman.APIKey):
		a.APIKey = params
	}
	return a, nil
}

func readAuthParams(data json.RawMessage) ([]*AuthParam, error) {
	if len(data) == 0 || string(data) == "null" {
		return nil, nil
	}
	var list []struct {
		Key   string          `json:"key"`
		Value json.RawMessage `json:"value"`
		Type  string          `json:"type"`
	}
	if json.Unmarshal(data, &list) == nil {
		params := make([]*AuthParam, 0, len(list))
		for _, p := range list {
			params = append(params, &AuthParam{Key: p.Key, Value: anyValue(p.Value), Type: p.Type})
		}
		return params, nil
	}
	var object map[string]json.RawMessage
	if err := json.Unmarshal(data, &object); err != nil {
		return nil, fmt.Errorf("%w: its parameters are neither an array of {key, value} nor an object", ErrNotCollection)
	}
	keys := make([]string, 0, len(object))
	for k := range object {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	params := make([]*AuthParam, 0, len(keys))
	for _, k := range keys {
		params = append(params, &AuthParam{Key: k, Value: anyValue(object[k])})
	}
	return params, nil
}

// anyValue decodes a JSON value with numbers kept as json.Number.
func anyValue(data json.RawMessage) any {
	if len(data) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return nil
	}
	return v
}

func quote(s string) string {
	data, _ := json.Marshal(s)
	return string(data)
}
