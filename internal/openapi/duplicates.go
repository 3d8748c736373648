package openapi

import (
	"bytes"
	"fmt"

	"github.com/pb33f/go-yaml"
)

// checkDuplicateKeys refuses a document that writes one key twice where the model would keep
// only one of them, without a word: at its top level, among its paths, in a path item (its
// operations), and among the entries of components (definitions, in Swagger 2.0). YAML and
// JSON both ask a mapping's keys to be unique; a document that breaks it is refused rather than
// read as one of its two meanings.
func checkDuplicateKeys(root *yaml.Node) error {
	if root == nil || root.Kind != yaml.DocumentNode || len(root.Content) != 1 {
		return nil
	}
	top := root.Content[0]
	if err := uniqueKeys(top, "top-level key"); err != nil {
		return err
	}
	if paths := mappingValue(top, "paths"); paths != nil {
		if err := uniqueKeys(paths, "path"); err != nil {
			return err
		}
		for i := 0; i+1 < len(paths.Content); i += 2 {
			if err := uniqueKeys(paths.Content[i+1], "key of path "+paths.Content[i].Value+","); err != nil {
				return err
			}
		}
	}
	if defs := mappingValue(top, "definitions"); defs != nil {
		if err := uniqueKeys(defs, "definition"); err != nil {
			return err
		}
	}
	if components := mappingValue(top, "components"); components != nil {
		if err := uniqueKeys(components, "key of components,"); err != nil {
			return err
		}
		for i := 0; i+1 < len(components.Content); i += 2 {
			if err := uniqueKeys(components.Content[i+1], "entry of components."+components.Content[i].Value+","); err != nil {
				return err
			}
		}
	}
	return nil
}

// uniqueKeys refuses a mapping that writes a key twice, naming it and the lines of both.
func uniqueKeys(m *yaml.Node, what string) error {
	if m == nil || m.Kind != yaml.MappingNode || len(m.Content) < 4 {
		return nil
	}
	seen := make(map[string]int, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		if line, dup := seen[k.Value]; dup {
			return fmt.Errorf("%s %q is written twice (lines %d and %d): give each key once: %w", what, k.Value, line, k.Line, ErrNotOpenAPI)
		}
		seen[k.Value] = k.Line
	}
	return nil
}

// mappingValue is the mapping under key in mapping m, or nil.
func mappingValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			if v := m.Content[i+1]; v.Kind == yaml.MappingNode {
				return v
			}
			return nil
		}
	}
	return nil
}

// secondDocument returns the line of a YAML document marker (---) that starts a second
// document in data, or 0 when data holds one: the library would read the first and drop the
// rest without a word.
func secondDocument(data []byte) int {
	if !bytes.Contains(data, []byte("\n---")) {
		return 0
	}
	content := false
	line := 0
	for len(data) > 0 {
		line++
		end := bytes.IndexByte(data, '\n')
		var l []byte
		if end < 0 {
			l, data = data, nil
		} else {
			l, data = data[:end], data[end+1:]
		}
		l = bytes.TrimRight(l, " \t\r")
		switch {
		case bytes.Equal(l, []byte("---")) || bytes.HasPrefix(l, []byte("--- ")):
			if content {
				return line
			}
		case len(l) == 0 || l[0] == '#' || l[0] == '%':
		default:
			content = true
		}
	}
	return 0
}
