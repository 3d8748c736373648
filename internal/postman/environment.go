package postman

import "encoding/json"

// Environment is a Postman environment file.
type Environment struct {
	ID            string     `json:"id"`
	Name          string     `json:"name"`
	Values        []EnvValue `json:"values"`
	Scope         string     `json:"_postman_variable_scope"`
	ExportedAt    string     `json:"_postman_exported_at"`
	ExportedUsing string     `json:"_postman_exported_using"`
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

// descriptionText reads a description: a string, or an object's content.
func descriptionText(raw json.RawMessage) string {
	var d struct {
		Content string `json:"content"`
	}
	if json.Unmarshal(raw, &d) == nil && d.Content != "" {
		return d.Content
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return ""
}
