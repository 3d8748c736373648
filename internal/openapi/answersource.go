package openapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// cutAnswers reads answers from the text pruneResponses cut and from the components of the
// document as written, each entry decoded only when an answer's schema refers to it.
type cutAnswers struct {
	data    []byte
	yaml    bool
	ops     []decodedOperation
	entries map[[2]string]componentEntry
	decoded map[[2]string]any
}

// errNotFollowed says the document's components could not be read entry by entry.
var errNotFollowed = errors.New("components not read entry by entry")

// cutSource decodes the responses cut from data, and reads data's components by the entries
// listed.
func cutSource(data []byte, cut *responsesCut, components componentIndex) (answerSource, error) {
	src := &cutAnswers{data: data, yaml: cut.yaml, entries: map[[2]string]componentEntry{}, decoded: map[[2]string]any{}}
	if !components.ok && hasComponents(data, cut.yaml) || components.yaml != cut.yaml {
		return nil, errNotFollowed
	}
	for _, e := range components.entries {
		key := [2]string{e.section, e.name}
		if _, dup := src.entries[key]; !dup {
			src.entries[key] = e
		}
	}
	var batch []any
	if cut.yaml {
		texts := make([][]byte, len(cut.ops))
		for i, op := range cut.ops {
			texts[i] = op.text
		}
		batch = decodeYAMLBatch(texts)
	}
	for i, op := range cut.ops {
		var v any
		if batch != nil {
			v = batch[i]
		} else {
			var err error
			if v, err = decode(op.text, cut.yaml); err != nil {
				return nil, fmt.Errorf("decoding the responses of %s %s: %w", op.method, op.path, err)
			}
		}
		path := op.path
		if !cut.yaml && strings.Contains(path, `\`) {
			if err := json.Unmarshal([]byte(`"`+path+`"`), &path); err != nil {
				return nil, fmt.Errorf("decoding path %q: %w", op.path, err)
			}
		}
		src.ops = append(src.ops, decodedOperation{path: path, method: op.method, responses: v})
	}
	return src, nil
}

// hasComponents reports whether a document may have a components section: when the text says
// "components" as a key at all.
func hasComponents(data []byte, isYAML bool) bool {
	if isYAML {
		return bytes.Contains(data, []byte("components:"))
	}
	return bytes.Contains(data, []byte(`"components"`))
}

func (s *cutAnswers) operations() []decodedOperation { return s.ops }

func (s *cutAnswers) produces(decodedOperation) []string { return nil }

// prefetch decodes the entries of a section named, in one pass over their text in YAML: the
// schemas the answers refer to, one level of references at a time.
func (s *cutAnswers) prefetch(section string, names []string) {
	if !s.yaml {
		return // JSON decodes fast enough entry by entry
	}
	var keys [][2]string
	var texts [][]byte
	for _, name := range names {
		key := [2]string{section, name}
		e, ok := s.entries[key]
		if _, done := s.decoded[key]; done || !ok {
			continue
		}
		keys = append(keys, key)
		texts = append(texts, s.data[e.start:e.end])
	}
	values := decodeYAMLBatch(texts)
	if values == nil {
		return // component decodes each on its own
	}
	for i, key := range keys {
		m, _ := values[i].(map[string]any)
		s.decoded[key] = m[key[1]]
	}
}

func (s *cutAnswers) has(section, name string) bool {
	_, ok := s.entries[[2]string{section, name}]
	return ok
}

func (s *cutAnswers) component(section, name string) (any, bool) {
	key := [2]string{section, name}
	if v, ok := s.decoded[key]; ok {
		return v, v != nil
	}
	e, ok := s.entries[key]
	if !ok {
		return nil, false
	}
	var value any
	text := s.data[e.start:e.end]
	if !s.yaml {
		text = append(append([]byte{'{'}, text...), '}')
	}
	if v, err := decode(text, s.yaml); err == nil {
		if m, ok := v.(map[string]any); ok {
			value = m[name]
		}
	}
	s.decoded[key] = value
	return value, value != nil
}

// wholeAnswers reads answers from the whole document, decoded: for documents whose responses
// were not cut, and Swagger 2.0.
type wholeAnswers struct {
	root     map[string]any
	swagger2 bool
	ops      []decodedOperation
}

// wholeSource decodes data whole.
func wholeSource(data []byte) (answerSource, error) {
	start := skipSpace(data, 0)
	v, err := decode(data, start == len(data) || data[start] != '{')
	if err != nil {
		return nil, fmt.Errorf("decoding the document: %w", err)
	}
	root, _ := v.(map[string]any)
	src := &wholeAnswers{root: root, swagger2: root["swagger"] != nil}
	paths, _ := root["paths"].(map[string]any)
	for _, path := range keysInOrder(paths) {
		item, _ := paths[path].(map[string]any)
		for _, method := range keysInOrder(item) {
			op, ok := item[method].(map[string]any)
			if !ok || !httpMethods[method] {
				continue
			}
			d := decodedOperation{path: path, method: method, responses: op["responses"]}
			d.produces = stringList(op["produces"])
			src.ops = append(src.ops, d)
		}
	}
	return src, nil
}

func (s *wholeAnswers) operations() []decodedOperation { return s.ops }

func (s *wholeAnswers) produces(op decodedOperation) []string {
	if !s.swagger2 {
		return nil
	}
	if op.produces != nil {
		return op.produces
	}
	if p := stringList(s.root["produces"]); p != nil {
		return p
	}
	return []string{"application/json"}
}

func (s *wholeAnswers) has(section, name string) bool {
	_, ok := s.component(section, name)
	return ok
}

func (s *wholeAnswers) component(section, name string) (any, bool) {
	var entries map[string]any
	if s.swagger2 {
		switch section {
		case "schemas":
			entries, _ = s.root["definitions"].(map[string]any)
		case "responses":
			entries, _ = s.root["responses"].(map[string]any)
		}
	} else {
		components, _ := s.root["components"].(map[string]any)
		entries, _ = components[section].(map[string]any)
	}
	v, ok := entries[name]
	return v, ok && v != nil
}

// stringList reads a list of strings; nil when v is not one.
func stringList(v any) []string {
	list, ok := v.([]any)
	if !ok {
		return nil
	}
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
