package postman

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"
)

// Object is a JSON object that keeps every member as it was read, in file order: its value's
// exact text, whatever it holds. What gen-postman does not know it carries through untouched.
type Object struct {
	members []member
}

// member is one key and its value's JSON text.
type member struct {
	key   string
	value json.RawMessage
}

// errNotObject reports a JSON value that is not an object where one is needed.
var errNotObject = errors.New("not a JSON object")

// UnmarshalJSON reads an object, keeping its members' order and text. Duplicate keys are kept
// too, as they were: whoever reads the file again decides which one counts.
func (o *Object) UnmarshalJSON(data []byte) error {
	start := skipSpace(data, 0)
	if !json.Valid(data) || data[start] != '{' {
		return o.decode(data) // for the decoder's message of what is wrong
	}
	// The values are slices of one copy of the text, which the caller may reuse.
	text := bytes.Clone(data)
	o.members = o.members[:0]
	for i := skipSpace(text, start+1); text[i] != '}'; {
		if text[i] == ',' {
			i = skipSpace(text, i+1)
		}
		keyEnd := valueEnd(text, i)
		key, err := objectKey(text[i:keyEnd])
		if err != nil {
			return err
		}
		i = skipSpace(text, skipSpace(text, keyEnd)+1) // past the colon
		end := valueEnd(text, i)
		o.members = append(o.members, member{key: key, value: text[i:end:end]})
		i = skipSpace(text, end)
	}
	return nil
}

// decode reads an object token by token with encoding/json's decoder.
func (o *Object) decode(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return fmt.Errorf("reading an object: %w", err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return errNotObject
	}
	o.members = o.members[:0]
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fmt.Errorf("reading an object's key: %w", err)
		}
		key, _ := tok.(string) // the decoder gives nothing else in a key's place
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return fmt.Errorf("reading member %q: %w", key, err)
		}
		o.members = append(o.members, member{key: key, value: value})
	}
	if _, err := dec.Token(); err != nil {
		return fmt.Errorf("reading an object's end: %w", err)
	}
	return nil
}

// objectKey is the string a key's JSON text stands for: its bytes when it holds no escape and
// only ASCII, else what the decoder makes of it (invalid UTF-8 becomes U+FFFD).
func objectKey(text []byte) (string, error) {
	plain := true
	for _, c := range text[1 : len(text)-1] {
		if c == '\\' || c >= utf8.RuneSelf {
			plain = false
			break
		}
	}
	if plain {
		return string(text[1 : len(text)-1]), nil
	}
	var key string
	if err := json.Unmarshal(text, &key); err != nil {
		return "", fmt.Errorf("reading an object's key: %w", err)
	}
	return key, nil
}

// skipSpace is the index of the first byte from i on that is not JSON white space.
func skipSpace(text []byte, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
		i++
	}
	return i
}

// valueEnd is the index just past the JSON value that starts at i, in text known to be valid.
func valueEnd(text []byte, i int) int {
	depth := 0
	for ; i < len(text); i++ {
		switch text[i] {
		case '"':
			for i++; text[i] != '"'; i++ {
				if text[i] == '\\' {
					i++
				}
			}
			if depth == 0 {
				return i + 1
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i // the end of a number or a literal
			}
			depth--
			if depth == 0 {
				return i + 1
			}
		case ',', ' ', '\t', '\n', '\r':
			if depth == 0 {
				return i // the end of a number or a literal
			}
		}
	}
	return i
}

// MarshalJSON writes the members in their order, each value's text as it is.
func (o Object) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	writeObject(&buf, &o, &itemList{})
	return buf.Bytes(), nil
}

// Keys lists the object's keys in order.
func (o *Object) Keys() []string {
	keys := make([]string, 0, len(o.members))
	for _, m := range o.members {
		keys = append(keys, m.key)
	}
	return keys
}

// Get returns the text of the last member named key, which is the one JSON readers keep.
func (o *Object) Get(key string) (json.RawMessage, bool) {
	for i := len(o.members) - 1; i >= 0; i-- {
		if o.members[i].key == key {
			return o.members[i].value, true
		}
	}
	return nil, false
}

// Has reports whether the object has a member named key whose value is not null.
func (o *Object) Has(key string) bool {
	v, ok := o.Get(key)
	return ok && !isNull(v)
}

// Decode decodes the member named key into v; a missing member leaves v as it is.
func (o *Object) Decode(key string, v any) error {
	raw, ok := o.Get(key)
	if !ok {
		return nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("%s: %w", key, err)
	}
	return nil
}

// Set encodes v as the value of key: in place of the member named key, or as a new member
// placed after the keys that come before it in order and before those that follow it there.
// Keys missing from order go last.
func (o *Object) Set(key string, v any, order []string) error {
	data, err := Marshal(v)
	if err != nil {
		return fmt.Errorf("%s: %w", key, err)
	}
	o.SetRaw(key, data, order)
	return nil
}

// SetRaw is [Object.Set] with the value's JSON text.
func (o *Object) SetRaw(key string, value json.RawMessage, order []string) {
	for i := len(o.members) - 1; i >= 0; i-- {
		if o.members[i].key == key {
			o.members[i].value = value
			return
		}
	}
	at := len(o.members)
	if rank := slices.Index(order, key); rank >= 0 {
		for i, m := range o.members {
			if r := slices.Index(order, m.key); r > rank {
				at = i
				break
			}
		}
	}
	o.members = slices.Insert(o.members, at, member{key: key, value: value})
}

// Delete removes every member named key.
func (o *Object) Delete(key string) {
	o.members = slices.DeleteFunc(o.members, func(m member) bool { return m.key == key })
}

// Marshal encodes v as Postman writes JSON: < > & kept as they are, no final newline.
func Marshal(v any) (json.RawMessage, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encoding JSON: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// isNull reports whether a member's text is absent or null.
func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || string(bytes.TrimSpace(raw)) == "null"
}
