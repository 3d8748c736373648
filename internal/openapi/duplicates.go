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
	if err := uniqueKeysInEach(field(top, "paths"), "path", func(path string) string { return "key of path " + path + "," }); err != nil {
		return err
	}
	if err := uniqueKeys(field(top, "definitions"), "definition"); err != nil {
		return err
	}
	return uniqueKeysInEach(field(top, "components"), "key of components,", func(section string) string {
		return "entry of components." + section + ","
	})
}

// uniqueKeysInEach refuses a mapping that writes a key twice, and each mapping in it, named
// what and entry(its key).
func uniqueKeysInEach(m *yaml.Node, what string, entry func(key string) string) error {
	if err := uniqueKeys(m, what); err != nil || m == nil || m.Kind != yaml.MappingNode {
		return err
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if err := uniqueKeys(unalias(m.Content[i+1]), entry(m.Content[i].Value)); err != nil {
			return err
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

// secondDocument returns the line of a YAML document marker (---) that starts a second
// document in data, or 0 when data holds one: the library would read the first and drop the
// rest without a word.
func secondDocument(data []byte) int {
	if !bytes.Contains(data, []byte("\n---")) {
		return 0
	}
	content, line := false, 0
	for l := range yamlLines(data) {
		line++
		switch t := l.text; {
		case l.indent == 0 && (bytes.Equal(t, []byte("---")) || bytes.HasPrefix(t, []byte("--- "))):
			if content {
				return line
			}
		case len(t) == 0 || t[0] == '#' || t[0] == '%':
		default:
			content = true
		}
	}
	return 0
}
