package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/pb33f/go-yaml"

	"github.com/gen-postman/gen-postman/internal/apimodel"
)

// responsesCut is the text pruneResponses cut from a document: each operation's responses, in
// document order.
type responsesCut struct {
	ops  []cutOperation
	yaml bool
	// swagger2 is true when the document has a top-level swagger key.
	swagger2 bool
	// partial is true when some operation's responses were left in the document, not cut: in
	// YAML, a path, an operation or responses written in flow style.
	partial bool
}

// cutOperation is one operation's responses: a JSON object, or the lines of a YAML block
// mapping as written under "responses:".
type cutOperation struct {
	path, method string
	text         []byte
}

// answers are what a document says its operations answer: the contract tests' data.
type answers struct {
	// byOperation lists each operation's responses, by operationKey.
	byOperation map[string][]apimodel.Response
	// links lists the links of each operation's successful answers, by operationKey.
	links    map[string][]answerLink
	schemas  map[string]json.RawMessage
	warnings []string
}

// operationKey names an operation by its method, lower case, and its path as the document's key.
func operationKey(method, path string) string { return strings.ToLower(method) + " " + path }

// readAnswers reads the responses of a document's operations and the schemas their JSON bodies
// must match (only the links when schemas is false). data is the document, pruned the same with its responses cut (its components are
// data's, as written), and components lists pruned's components' entries. It reads them from the text pruneResponses cut and the document's components,
// decoded on their own, so that the library never builds them (Okta's responses refer to 1.2 MB of
// schemas that nothing else needs). Where that cut is missing (a document pruneResponses does
// not follow, or whose YAML writes some responses in flow style, which it leaves as they are) or
// does not describe the document (Swagger 2.0, whose responses name their media types
// elsewhere), the whole document is decoded instead.
func readAnswers(data, pruned []byte, cut *responsesCut, components componentIndex, schemas bool) (*answers, error) {
	var src answerSource
	var err error
	if cut != nil && !cut.swagger2 && !cut.partial {
		src, err = cutSource(pruned, cut, components)
	}
	if src == nil || err != nil {
		if src, err = wholeSource(data); err != nil {
			return nil, err
		}
	}
	r := newAnswerReader(src)
	r.withSchemas = schemas
	return r.read()
}

// answerSource is a document's operations' responses and the components they refer to, decoded
// as JSON values (maps, slices, strings, numbers, booleans, nil).
type answerSource interface {
	// operations lists each operation's path, method and responses object, in document order.
	operations() []decodedOperation
	// component returns the entry of components (definitions, in Swagger 2.0) that a local
	// reference's section and name name, decoded; ok is false when there is none.
	component(section, name string) (value any, ok bool)
	// has reports whether components have such an entry, without decoding it. An entry that
	// decodes to nothing (null) is one component does not return.
	has(section, name string) bool
	// produces are the media types a Swagger 2.0 operation answers with; nil for OpenAPI 3.
	produces(op decodedOperation) []string
}

// decodedOperation is one operation's responses, decoded.
type decodedOperation struct {
	path, method string
	responses    any
	// produces is a Swagger 2.0 operation's own list of media types.
	produces []string
}

// decode reads JSON or YAML text as a JSON value: numbers stay as written (json.Number).
func decode(text []byte, isYAML bool) (any, error) {
	if !isYAML {
		dec := json.NewDecoder(bytes.NewReader(text))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		return v, nil
	}
	var node yaml.Node
	if err := yaml.Unmarshal(leanYAML(text), &node); err != nil {
		// What leanYAML left may not read as the text did: read the text as written.
		node = yaml.Node{}
		if err := yaml.Unmarshal(text, &node); err != nil {
			return nil, err
		}
	}
	return answerNodeValue(&node, 0)
}

// decodeYAMLBatch decodes YAML texts in block style, each indented under a key of its own, in
// one pass: parsing the texts one by one spends a sixth of its allocations setting up parsers.
// It returns nil when the texts do not decode together, and the caller decodes them one by one.
func decodeYAMLBatch(texts [][]byte) []any {
	if len(texts) == 0 {
		return nil
	}
	var buf bytes.Buffer
	for i, text := range texts {
		lean := leanYAML(text)
		if first := bytes.TrimLeft(lean, "\n"); len(first) > 0 && first[0] != ' ' {
			return nil // a text must be indented to go under its key
		}
		fmt.Fprintf(&buf, "b%d:\n", i)
		buf.Write(lean)
		if len(lean) > 0 && lean[len(lean)-1] != '\n' {
			buf.WriteByte('\n')
		}
	}
	var node yaml.Node
	if yaml.Unmarshal(buf.Bytes(), &node) != nil {
		return nil
	}
	v, err := answerNodeValue(&node, 0)
	if err != nil {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok || len(m) != len(texts) {
		return nil
	}
	out := make([]any, len(texts))
	for i := range texts {
		value, ok := m[fmt.Sprintf("b%d", i)]
		if !ok {
			return nil
		}
		out[i] = value
	}
	return out
}

// maxNodeDepth bounds how deep a decoded YAML value may nest.
const maxNodeDepth = 256

// answerNodeValue turns a YAML node into a JSON value. Aliases are not followed: a document with them
// is decoded whole, and an alias reads as null rather than as a copy, so that a few lines cannot
// stand for a tree of any size.
func answerNodeValue(n *yaml.Node, depth int) (any, error) {
	if depth > maxNodeDepth {
		return nil, fmt.Errorf("line %d: nested deeper than %d", n.Line, maxNodeDepth)
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return answerNodeValue(n.Content[0], depth+1)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if _, dup := m[k]; dup {
				continue // the first of a repeated key, as the library reads it
			}
			v, err := answerNodeValue(n.Content[i+1], depth+1)
			if err != nil {
				return nil, err
			}
			m[k] = v
		}
		return m, nil
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := answerNodeValue(c, depth+1)
			if err != nil {
				return nil, err
			}
			s = append(s, v)
		}
		return s, nil
	case yaml.ScalarNode:
		return answerScalar(n), nil
	}
	return nil, nil
}

// answerScalar reads a YAML scalar as JSON reads its value: by its resolved tag.
func answerScalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	case "!!int", "!!float":
		var f float64
		// .inf and .nan have no JSON number: they stay text, which a bound does not read.
		if n.Decode(&f) == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			if num := json.Number(strings.TrimPrefix(n.Value, "+")); isJSONNumber(string(num)) {
				return num
			}
			return json.Number(fmt.Sprint(f))
		}
	}
	return n.Value
}

// isJSONNumber reports whether s is written as JSON writes a number.
func isJSONNumber(s string) bool {
	var v json.Number
	return json.Unmarshal([]byte(s), &v) == nil
}

// keysInOrder returns m's keys, sorted, so that what is built from a map comes out the same.
func keysInOrder[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
