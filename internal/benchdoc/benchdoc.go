// Package benchdoc builds large OpenAPI documents from real ones, for measuring how
// gen-postman's time and memory grow with the size of its input.
package benchdoc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
)

// Multiply returns a JSON OpenAPI document holding n copies of data's paths: the first under
// their own keys, copy c (from 2) under "/c<c>" followed by the key, so that operations and
// size grow together. Every other top-level member, components included, is kept once, as it
// is. The order of members and of paths is the document's.
func Multiply(data []byte, n int) ([]byte, error) {
	if n < 1 {
		return nil, fmt.Errorf("multiplying by %d: want 1 or more", n)
	}
	top, err := members(data)
	if err != nil {
		return nil, fmt.Errorf("reading the document: %w", err)
	}
	var out bytes.Buffer
	out.Grow(len(data) * n)
	out.WriteByte('{')
	found := false
	for i, m := range top {
		if i > 0 {
			out.WriteByte(',')
		}
		writeKey(&out, m.key)
		if m.key != "paths" {
			out.Write(m.value)
			continue
		}
		found = true
		paths, err := members(m.value)
		if err != nil {
			return nil, fmt.Errorf("reading paths: %w", err)
		}
		out.WriteByte('{')
		for c := 1; c <= n; c++ {
			for j, p := range paths {
				if c > 1 || j > 0 {
					out.WriteString(",\n")
				}
				key := p.key
				if c > 1 {
					key = "/c" + strconv.Itoa(c) + key
				}
				writeKey(&out, key)
				out.Write(p.value)
			}
		}
		out.WriteByte('}')
	}
	out.WriteString("}\n")
	if !found {
		return nil, errors.New("the document has no paths")
	}
	return out.Bytes(), nil
}

type member struct {
	key   string
	value json.RawMessage
}

// members reads a JSON object's members in order.
func members(data []byte) ([]member, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, errors.New("not a JSON object")
	}
	var ms []member
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := t.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("member %q: %w", key, err)
		}
		ms = append(ms, member{key, v})
	}
	return ms, nil
}

func writeKey(out *bytes.Buffer, key string) {
	k, _ := json.Marshal(key)
	out.Write(k)
	out.WriteByte(':')
}
