package verify

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/gen-postman/gen-postman/templates"
)

// The parts of Postman's collection and environment formats that verify reads.
type (
	pmCollection struct {
		Info     *struct{ Name string } `json:"info"`
		Auth     *pmAuth                `json:"auth"`
		Variable []pmVariable           `json:"variable"`
		Item     []pmItem               `json:"item"`
		Values   []json.RawMessage      `json:"values"` // set when an environment is passed instead
	}
	pmAuth struct {
		Type   string          `json:"type"`
		OAuth2 json.RawMessage `json:"oauth2"`
	}
	pmAuthParam struct {
		Key   string          `json:"key"`
		Value json.RawMessage `json:"value"`
	}
	pmTokenParam struct {
		Key     string          `json:"key"`
		Value   json.RawMessage `json:"value"`
		Enabled *bool           `json:"enabled"`
		SendAs  string          `json:"send_as"`
	}
	pmVariable struct {
		Key      string          `json:"key"`
		ID       string          `json:"id"`
		Value    json.RawMessage `json:"value"`
		Disabled bool            `json:"disabled"`
	}
	pmEnvironment struct {
		Info   *json.RawMessage `json:"info"` // set when a collection is passed instead
		Values []pmEnvValue     `json:"values"`
	}
	pmEnvValue struct {
		Key     string          `json:"key"`
		Value   json.RawMessage `json:"value"`
		Enabled *bool           `json:"enabled"`
	}
	pmItem struct {
		Name    string          `json:"name"`
		Item    []pmItem        `json:"item"`
		Request json.RawMessage `json:"request"`
	}
	pmRequest struct {
		Method      string          `json:"method"`
		URL         json.RawMessage `json:"url"`
		Description json.RawMessage `json:"description"`
	}
)

// authFields reads the oauth2 auth's fields: the v2.1 array of {key, value}, or a v2.0 object.
func authFields(raw json.RawMessage) (map[string]json.RawMessage, error) {
	fields := map[string]json.RawMessage{}
	var list []pmAuthParam
	if err := json.Unmarshal(raw, &list); err == nil {
		for _, f := range list {
			if _, dup := fields[f.Key]; !dup {
				fields[f.Key] = f.Value
			}
		}
		return fields, nil
	}
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, collectionError("its oauth2 auth is neither an array of {key, value} nor an object")
	}
	return fields, nil
}

// decodeFile decodes a JSON file of at most maxCollectionFile bytes.
func decodeFile(field string, r io.Reader, v any) error {
	data, err := readCapped(r, maxCollectionFile)
	if errors.Is(err, ErrResponseTooLarge) {
		return &templates.InputError{Field: field, Reason: "larger than 10 MiB"}
	}
	if err != nil {
		return fmt.Errorf("reading the %s: %w", field, err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return &templates.InputError{Field: field, Reason: "not a JSON " + field + " file: " + oneLine(err.Error(), 120)}
	}
	return nil
}

func collectionError(reason string) error {
	return &templates.InputError{Field: "collection", Reason: reason}
}

// rawString reads a JSON string; null reads as empty.
func rawString(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("not a string")
	}
	return s, nil
}

// valueString reads a variable's value as Postman shows it: strings as they are, other JSON
// values as their JSON text.
func valueString(raw json.RawMessage) string {
	if s, err := rawString(raw); err == nil {
		return s
	}
	return string(raw)
}

// sanitizeName makes a collection name usable as templates.Options.Name, or empty.
func sanitizeName(name string) string {
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, strings.ToValidUTF8(name, ""))
	name = strings.TrimSpace(name)
	for len(name) > 128 {
		r := []rune(name)
		name = strings.TrimSpace(string(r[:len(r)-1]))
	}
	if name == "." || name == ".." {
		return ""
	}
	return name
}

// description returns the request's description: a string, or an object's content.
func (r pmRequest) description() string {
	if s, err := rawString(r.Description); err == nil {
		return s
	}
	var d struct {
		Content string `json:"content"`
	}
	if json.Unmarshal(r.Description, &d) == nil {
		return d.Content
	}
	return ""
}

// url returns the request's raw URL, from its string form or its object's raw field.
func (r pmRequest) url() string {
	if s, err := rawString(r.URL); err == nil {
		return s
	}
	var u struct {
		Raw  string   `json:"raw"`
		Host []string `json:"host"`
		Path []string `json:"path"`
	}
	if json.Unmarshal(r.URL, &u) != nil {
		return ""
	}
	if u.Raw != "" {
		return u.Raw
	}
	return strings.Join(u.Host, ".") + "/" + strings.Join(u.Path, "/")
}
