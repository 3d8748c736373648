package postman

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/gen-postman/gen-postman/internal/text"
)

// TokenRequestParam is one entry of an oauth2 auth's tokenRequestParams, the form the Postman
// app has written since 10.13 for extra token request parameters such as resource and audience.
type TokenRequestParam struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	// Enabled is written always and read as true when absent.
	Enabled bool   `json:"enabled"`
	SendAs  string `json:"send_as"`
}

// AuthValues returns an auth block's parameters by key, the last of each key winning, as
// Postman's SDK reads them.
func AuthValues(a *Auth) map[string]any {
	values := map[string]any{}
	if a == nil {
		return values
	}
	for _, p := range a.GetParams() {
		if p == nil {
			continue
		}
		values[p.Key] = p.Value
	}
	return values
}

// ErrObjectObject reports tokenRequestParams that Postman's SDK turned into the text
// "[object Object]": the file was written with the parameters typed "string", and their values
// are lost.
var ErrObjectObject = errors.New(`tokenRequestParams is "[object Object]": the parameters were typed "string" and Postman's SDK lost them`)

// ObjectObject is the text Postman's SDK writes in place of an object typed "string".
const ObjectObject = "[object Object]"

// DecodeTokenRequestParams reads tokenRequestParams as an auth block holds it.
func DecodeTokenRequestParams(v any) ([]TokenRequestParam, error) {
	if s, ok := v.(string); ok {
		if s == ObjectObject {
			return nil, ErrObjectObject
		}
		return nil, fmt.Errorf("%w: tokenRequestParams is a string, not an array of parameters", ErrNotCollection)
	}
	data, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("tokenRequestParams: %w", err)
	}
	var raw []struct {
		Key     string          `json:"key"`
		Value   json.RawMessage `json:"value"`
		Enabled *bool           `json:"enabled"`
		SendAs  string          `json:"send_as"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%w: tokenRequestParams is not an array of {key, value, enabled, send_as}", ErrNotCollection)
	}
	params := make([]TokenRequestParam, 0, len(raw))
	for _, p := range raw {
		var value string
		if len(p.Value) > 0 && string(p.Value) != "null" {
			if err := json.Unmarshal(p.Value, &value); err != nil {
				return nil, fmt.Errorf("%w: token request parameter %q is not a string", ErrNotCollection, text.OneLine(p.Key, 120))
			}
		}
		params = append(params, TokenRequestParam{Key: p.Key, Value: value, Enabled: p.Enabled == nil || *p.Enabled, SendAs: p.SendAs})
	}
	return params, nil
}
