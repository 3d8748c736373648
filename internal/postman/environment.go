package postman

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/gen-postman/gen-postman/internal/text"
)

// Environment is a Postman environment file.
type Environment struct {
	ID            string     `json:"id"`
	Name          string     `json:"name"`
	Values        []EnvValue `json:"values"`
	Scope         string     `json:"_postman_variable_scope"`
	ExportedAt    string     `json:"_postman_exported_at"`
	ExportedUsing string     `json:"_postman_exported_using"`
}

// ReadEnvironment reads an environment file.
func ReadEnvironment(r io.Reader) (*Environment, error) {
	data, err := readFile(r)
	if err != nil {
		return nil, err
	}
	if err := checkJSON(data); err != nil {
		return nil, err
	}
	var raw struct {
		Info json.RawMessage `json:"info"`
		Environment
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		var typeErr *json.UnmarshalTypeError
		if !errors.As(err, &typeErr) {
			return nil, fmt.Errorf("%w: %s", ErrNotJSON, text.OneLine(err.Error(), 120))
		}
		return nil, fmt.Errorf("%w: %s", ErrNotEnvironment, text.OneLine(err.Error(), 120))
	}
	switch {
	case raw.Info != nil:
		return nil, ErrIsCollection
	case raw.Values == nil:
		return nil, fmt.Errorf("%w: it has no values", ErrNotEnvironment)
	}
	return &raw.Environment, nil
}

// Environment value types. A secret's value is masked in the app's interface only.
const (
	EnvTypeDefault = "default"
	EnvTypeSecret  = "secret"
)

// EnvValue is one environment variable; Type is [EnvTypeDefault] or [EnvTypeSecret].
type EnvValue struct {
	Key     string `json:"key"`
	Value   string `json:"value"`
	Type    string `json:"type"`
	Enabled bool   `json:"enabled"`
}

// UnmarshalJSON reads a value as the app does: a missing enabled means enabled, and a
// non-string value reads as its JSON text.
func (v *EnvValue) UnmarshalJSON(data []byte) error {
	var raw struct {
		Key     string          `json:"key"`
		Value   json.RawMessage `json:"value"`
		Type    string          `json:"type"`
		Enabled *bool           `json:"enabled"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	*v = EnvValue{Key: raw.Key, Value: valueText(raw.Value), Type: raw.Type, Enabled: raw.Enabled == nil || *raw.Enabled}
	return nil
}

// HasSecret reports whether the environment holds a client secret, so that its file must be
// readable by its owner only.
func (e *Environment) HasSecret() bool {
	for _, v := range e.Values {
		if v.Type == EnvTypeSecret && v.Value != "" {
			return true
		}
	}
	return false
}

// valueText reads a JSON value as Postman shows it: a string as it is, null as empty, anything
// else as its JSON text.
func valueText(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// UnmarshalJSON reads a collection variable, whose value may be any JSON value.
func (v *Variable) UnmarshalJSON(data []byte) error {
	var raw struct {
		Key         string          `json:"key"`
		ID          string          `json:"id"`
		Value       json.RawMessage `json:"value"`
		Type        string          `json:"type"`
		Description json.RawMessage `json:"description"`
		Disabled    bool            `json:"disabled"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	*v = Variable{Key: raw.Key, ID: raw.ID, Value: valueText(raw.Value), Type: raw.Type,
		Description: descriptionText(raw.Description), Disabled: raw.Disabled}
	return nil
}
