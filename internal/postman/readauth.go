package postman

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"

	postman "github.com/rbretecher/go-postman-collection"

	"github.com/gen-postman/gen-postman/internal/text"
)

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
