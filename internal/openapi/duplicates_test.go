package openapi

import (
	"errors"
	"strings"
	"testing"
)

// TestParseRefusesDuplicateKeys: a document that writes a path, an operation or a component
// twice, or holds a second YAML document, is refused naming it, since the model would keep one
// and drop the other without a word.
func TestParseRefusesDuplicateKeys(t *testing.T) {
	const head = "openapi: 3.0.3\ninfo: {title: T, version: \"1\"}\n"
	const op = "      responses: {\"200\": {description: ok}}\n"
	for name, tt := range map[string]struct{ doc, says string }{
		"path": {head + "paths:\n  /a:\n    get:\n" + op + "  /a:\n    post:\n" + op,
			`path "/a" is written twice (lines 4 and 7)`},
		"operation": {head + "paths:\n  /a:\n    get:\n" + op + "    get:\n" + op,
			`key of path /a, "get" is written twice`},
		"component": {head + "paths:\n  /a:\n    get:\n" + op + "components:\n  schemas:\n    A: {type: string}\n    A: {type: integer}\n",
			`entry of components.schemas, "A" is written twice`},
		"top level": {head + "paths:\n  /a:\n    get:\n" + op + "paths:\n  /b:\n    get:\n" + op,
			`top-level key "paths" is written twice`},
		"json operation": {`{"openapi":"3.0.0","info":{"title":"T","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"ok"}}},"get":{"responses":{"201":{"description":"ok"}}}}}}`,
			`key of path /a, "get" is written twice`},
		"swagger definition": {`{"swagger":"2.0","info":{"title":"T","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"ok"}}}}},"definitions":{"A":{"type":"string"},"A":{"type":"integer"}}}`,
			`definition "A" is written twice`},
		"second document": {head + "paths:\n  /a:\n    get:\n" + op + "---\n" + head,
			"a second YAML document starts at line 7"},
	} {
		t.Run(name, func(t *testing.T) {
			doc, err := Parse([]byte(tt.doc), Options{})
			if !errors.Is(err, ErrNotOpenAPI) || doc != nil || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("Parse = %v, want ErrNotOpenAPI saying %q", err, tt.says)
			}
		})
	}
	// A marker before the document, and the same name in two places, are fine.
	for _, ok := range []string{
		"---\n" + head + "paths:\n  /a:\n    get:\n" + op,
		head + "paths:\n  /a:\n    get:\n" + op + "  /b:\n    get:\n" + op,
	} {
		if _, err := Parse([]byte(ok), Options{}); err != nil {
			t.Errorf("Parse(%q) = %v", ok, err)
		}
	}
}

func TestSecondDocument(t *testing.T) {
	for text, want := range map[string]int{
		"a: 1\n":                         0,
		"---\na: 1\n":                    0,
		"# c\n---\na: 1\n":               0,
		"a: 1\n---\nb: 2\n":              2,
		"a: 1\n--- # next\nb: 2\n":       2,
		"a: |\n  ---\n  text\n":          0, // inside a block scalar, indented
		"a: 1\n----\n":                   0,
		"%YAML 1.2\n---\na: 1\n---\nb\n": 4,
	} {
		if got := secondDocument([]byte(text)); got != want {
			t.Errorf("secondDocument(%q) = %d, want %d", text, got, want)
		}
	}
}
