package openapi

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/pb33f/go-yaml"
)

const yamlScalar = yaml.ScalarNode

// value is an ordered JSON value: the example model that bodies and
// parameter values are written from.
type value struct {
	kind  valueKind
	raw   string   // JSON text of a scalar
	keys  []string // object keys in order
	elems []*value // object values (parallel to keys) or array elements
}

type valueKind uint8

const (
	scalarValue valueKind = iota
	objectValue
	arrayValue
)

var (
	nullValue  = &value{raw: "null"}
	falseValue = &value{raw: "false"}
	zeroValue  = &value{raw: "0"}
)

func stringValue(s string) *value { return &value{raw: quote(s)} }

// quote writes a JSON string without escaping <, > and &, which bodies
// and descriptions are easier to read without.
func quote(s string) string {
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(sb.String(), "\n")
}

func emptyObject() *value { return &value{kind: objectValue} }
func emptyArray() *value  { return &value{kind: arrayValue} }

// set adds or replaces a key, keeping the first position.
func (v *value) set(k string, e *value) {
	for i, key := range v.keys {
		if key == k {
			v.elems[i] = e
			return
		}
	}
	v.keys = append(v.keys, k)
	v.elems = append(v.elems, e)
}

// budget bounds the total size of the examples built for one document and of
// one body, so hostile documents cannot make the output explode. Spending
// counts the indentation a value will be written with.
type budget struct {
	total int // bytes left for the document
	body  int // bytes left for the current body
}

const (
	maxBodyBytes  = 64 << 10
	maxTotalBytes = 16 << 20
	maxDepth      = 24
	maxNodes      = 20000 // YAML nodes read per example
)

func newBudget() *budget { return &budget{total: maxTotalBytes} }

// start opens the budget of one body.
func (b *budget) start() { b.body = min(maxBodyBytes, b.total) }

// spend takes n bytes and reports whether they were there.
func (b *budget) spend(n int) bool {
	if n > b.body {
		b.body = 0
		return false
	}
	b.body -= n
	b.total -= n
	return true
}

// fromNode converts a YAML node (an example, default or enum value) into a
// value, within the budget. Aliases are followed; a node past the budget
// or the depth limit becomes null.
func fromNode(n *yaml.Node, b *budget) *value {
	nodes := maxNodes
	return fromNodeDepth(n, b, 0, &nodes)
}

func fromNodeDepth(n *yaml.Node, b *budget, depth int, nodes *int) *value {
	*nodes--
	if n == nil || depth > maxDepth*4 || *nodes < 0 || !b.spend(2+2*depth) {
		return nullValue
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nullValue
		}
		return fromNodeDepth(n.Content[0], b, depth+1, nodes)
	case yaml.AliasNode:
		return fromNodeDepth(n.Alias, b, depth+1, nodes)
	case yaml.MappingNode:
		v := emptyObject()
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yaml.AliasNode && k.Alias != nil {
				k = k.Alias
			}
			if k.Kind != yaml.ScalarNode {
				continue
			}
			if !b.spend(len(k.Value) + 4 + 2*depth) {
				break
			}
			v.set(k.Value, fromNodeDepth(n.Content[i+1], b, depth+1, nodes))
		}
		return v
	case yaml.SequenceNode:
		v := emptyArray()
		for _, e := range n.Content {
			if b.body <= 0 {
				break
			}
			v.elems = append(v.elems, fromNodeDepth(e, b, depth+1, nodes))
		}
		return v
	case yaml.ScalarNode:
		s := scalarJSON(n)
		if !b.spend(len(s)) {
			return nullValue
		}
		return &value{raw: s}
	}
	return nullValue
}

// scalarJSON writes a YAML scalar as JSON text, by its resolved tag.
func scalarJSON(n *yaml.Node) string {
	switch n.ShortTag() {
	case "!!null":
		return "null"
	case "!!bool":
		if b, err := strconv.ParseBool(strings.ToLower(n.Value)); err == nil {
			return strconv.FormatBool(b)
		}
	case "!!int":
		if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return strconv.FormatInt(i, 10)
		}
		if json.Valid([]byte(n.Value)) {
			return n.Value // a big integer, kept as written
		}
	case "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			if json.Valid([]byte(n.Value)) {
				return n.Value
			}
			return strconv.FormatFloat(f, 'g', -1, 64)
		}
	}
	return quote(n.Value)
}

// text returns the value as a parameter would carry it: a string or number
// as written, an array as its first element, an object as compact JSON.
func (v *value) text() string {
	switch v.kind {
	case arrayValue:
		if len(v.elems) == 0 {
			return ""
		}
		return v.elems[0].text()
	case objectValue:
		var sb strings.Builder
		v.write(&sb, "", "")
		return sb.String()
	}
	if v.raw == "null" {
		return ""
	}
	if strings.HasPrefix(v.raw, `"`) {
		var s string
		if json.Unmarshal([]byte(v.raw), &s) == nil {
			return s
		}
	}
	return v.raw
}

// indent returns the value as JSON indented by two spaces.
func (v *value) indent() string {
	var sb strings.Builder
	v.write(&sb, "\n", "  ")
	return sb.String()
}

// write writes JSON; with an empty newline it writes compact JSON.
func (v *value) write(sb *strings.Builder, newline, step string) {
	sep := ":"
	if newline != "" {
		sep = ": "
	}
	switch v.kind {
	case scalarValue:
		sb.WriteString(v.raw)
	case objectValue:
		if len(v.keys) == 0 {
			sb.WriteString("{}")
			return
		}
		sb.WriteString("{")
		inner := newline + step
		for i, k := range v.keys {
			if i > 0 {
				sb.WriteString(",")
			}
			sb.WriteString(inner)
			sb.WriteString(quote(k))
			sb.WriteString(sep)
			v.elems[i].write(sb, inner, step)
		}
		sb.WriteString(newline)
		sb.WriteString("}")
	case arrayValue:
		if len(v.elems) == 0 {
			sb.WriteString("[]")
			return
		}
		sb.WriteString("[")
		inner := newline + step
		for i, e := range v.elems {
			if i > 0 {
				sb.WriteString(",")
			}
			sb.WriteString(inner)
			e.write(sb, inner, step)
		}
		sb.WriteString(newline)
		sb.WriteString("]")
	}
}
