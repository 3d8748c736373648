package openapi

import (
	"math"
	"strconv"
	"strings"

	"github.com/pb33f/libopenapi/datamodel/high/base"
)

// formatExamples are the fixed values of string formats.
var formatExamples = map[string]string{
	"email":                 "user@example.com",
	"idn-email":             "user@example.com",
	"uri":                   "https://example.com",
	"url":                   "https://example.com",
	"iri":                   "https://example.com",
	"uri-reference":         "https://example.com",
	"iri-reference":         "https://example.com",
	"uri-template":          "https://example.com/{id}",
	"hostname":              "example.com",
	"idn-hostname":          "example.com",
	"ipv4":                  "192.0.2.1",
	"ipv6":                  "2001:db8::1",
	"uuid":                  "123e4567-e89b-12d3-a456-426614174000",
	"date-time":             "2024-01-01T00:00:00Z",
	"date":                  "2024-01-01",
	"time":                  "00:00:00Z",
	"duration":              "P1D",
	"byte":                  "ZXhhbXBsZQ==",
	"binary":                "",
	"password":              "example",
	"regex":                 ".*",
	"json-pointer":          "/example",
	"relative-json-pointer": "0",
}

// defaultString is the value of a string with no example and no known format.
const defaultString = "example"

// examples builds example values from schemas. It is not safe for
// concurrent use; each conversion has its own.
type examples struct {
	b       *budget
	stack   map[string]bool // $refs being expanded
	conform *conformer
}

func newExamples(b *budget) *examples {
	return &examples{b: b, stack: map[string]bool{}, conform: newConformer()}
}

// fits reports whether v conforms to s.
func (g *examples) fits(s *base.Schema, v *value, depth int) bool {
	return g.conform.schemaViolation(s, v, "", depth) == ""
}

// schema returns the example of a schema, or nil when there is no schema.
func (g *examples) schema(sp *base.SchemaProxy, depth int) *value {
	if sp == nil {
		return nil
	}
	ref := sp.GetReference()
	if ref != "" {
		if g.stack[ref] {
			return g.stub(sp)
		}
		g.stack[ref] = true
		defer delete(g.stack, ref)
	}
	if depth > maxDepth || g.b.body <= 0 {
		return g.stub(sp)
	}
	s := sp.Schema()
	if s == nil {
		return nullValue
	}
	return g.build(s, depth)
}

// stub is the example of a schema that is not expanded further: its own
// example when it has one, else an empty value of its type.
func (g *examples) stub(sp *base.SchemaProxy) *value {
	s := sp.Schema()
	if s == nil {
		return nullValue
	}
	if v := g.given(s); v != nil {
		return v
	}
	switch t := schemaType(s); t {
	case "object", "":
		return emptyObject()
	case "array":
		return emptyArray()
	default:
		return g.scalar(s, t)
	}
}

// given returns the example a schema itself carries: example, examples,
// default, const or its first enum value.
func (g *examples) given(s *base.Schema) *value {
	switch {
	case s.Example != nil:
		return fromNode(s.Example, g.b)
	case len(s.Examples) > 0 && s.Examples[0] != nil:
		return fromNode(s.Examples[0], g.b)
	case s.Default != nil:
		return fromNode(s.Default, g.b)
	case s.Const != nil:
		return fromNode(s.Const, g.b)
	case len(s.Enum) > 0 && s.Enum[0] != nil:
		return fromNode(s.Enum[0], g.b)
	}
	return nil
}

// hasExample reports whether the document gives a schema an example or a
// default, which makes an optional property worth showing.
func hasExample(sp *base.SchemaProxy) bool {
	if sp == nil {
		return false
	}
	s := sp.Schema()
	return s != nil && (s.Example != nil || len(s.Examples) > 0 || s.Default != nil)
}

// maxAlternatives caps the members of a oneOf or anyOf tried for a value that conforms.
const maxAlternatives = 8

// build makes the example of a resolved schema: the example it gives when that conforms to it,
// else one built from it. Of a oneOf or anyOf, the first member (not only null) whose value
// makes the whole schema conform is taken, else the first.
func (g *examples) build(s *base.Schema, depth int) *value {
	if v := g.given(s); v != nil && g.fits(s, v, depth) {
		return v
	}
	alternatives := s.OneOf
	if len(alternatives) == 0 {
		alternatives = s.AnyOf
	}
	candidates := orderAlternatives(alternatives)
	var first *value
	for i, m := range candidates {
		v := g.compose(s, m, depth)
		if first == nil {
			first = v
		}
		if len(candidates) <= 1 || i+1 >= maxAlternatives || g.fits(s, v, depth) {
			return v
		}
	}
	if first == nil {
		first = g.compose(s, nil, depth)
	}
	return first
}

// orderAlternatives lists the members of a oneOf or anyOf that are not only null, then those
// that are.
func orderAlternatives(list []*base.SchemaProxy) []*base.SchemaProxy {
	var out, null []*base.SchemaProxy
	for _, m := range list {
		if m == nil {
			continue
		}
		if s := m.Schema(); s != nil && len(s.Type) == 1 && s.Type[0] == "null" {
			null = append(null, m)
			continue
		}
		out = append(out, m)
	}
	return append(out, null...)
}

// compose makes the value of a schema with alternative as its oneOf or anyOf member.
func (g *examples) compose(s *base.Schema, alternative *base.SchemaProxy, depth int) *value {
	var out *value
	for _, m := range s.AllOf {
		out = merge(out, g.schema(m, depth+1))
	}
	if alternative != nil {
		out = merge(out, g.schema(alternative, depth+1))
	}
	t := schemaType(s)
	if t == "object" || (t == "" && s.Properties != nil && s.Properties.Len() > 0) {
		out = merge(out, g.object(s, depth))
	}
	if out != nil {
		return out
	}
	switch {
	case t == "array" || (t == "" && (s.Items != nil || len(s.PrefixItems) > 0)):
		return g.array(s, depth)
	case t == "object" || t == "":
		return emptyObject()
	}
	v := g.scalar(s, t)
	g.b.spend(len(v.raw) + 2*depth)
	return v
}

// object holds the required properties and the optional ones with an example,
// in document order; read-only properties are left out.
func (g *examples) object(s *base.Schema, depth int) *value {
	out := emptyObject()
	if s.Properties == nil {
		return out
	}
	required := map[string]bool{}
	for _, r := range s.Required {
		required[r] = true
	}
	for name, p := range s.Properties.FromOldest() {
		if p == nil || !(required[name] || hasExample(p)) {
			continue
		}
		if ps := p.Schema(); ps != nil && ps.ReadOnly != nil && *ps.ReadOnly {
			continue
		}
		if !g.b.spend(len(name) + 4 + 2*depth) {
			break
		}
		v := g.schema(p, depth+1)
		if v == nil {
			v = nullValue
		}
		out.set(name, v)
	}
	return out
}

// array holds one element of the items schema, or the prefix items.
func (g *examples) array(s *base.Schema, depth int) *value {
	out := emptyArray()
	if len(s.PrefixItems) > 0 {
		for _, p := range s.PrefixItems {
			if !g.b.spend(2 + 2*depth) {
				break
			}
			if v := g.schema(p, depth+1); v != nil {
				out.elems = append(out.elems, v)
			}
		}
		return out
	}
	if s.Items != nil && s.Items.IsA() && s.Items.A != nil {
		if v := g.schema(s.Items.A, depth+1); v != nil {
			out.elems = append(out.elems, v)
		}
	}
	return out
}

// merge combines two examples: objects key by key, the later one winning;
// otherwise the first one there.
func merge(a, b *value) *value {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case a.kind == objectValue && b.kind == objectValue:
		for i, k := range b.keys {
			a.set(k, b.elems[i])
		}
		return a
	case len(a.keys) == 0 && a.kind == objectValue && b.kind != objectValue:
		return b
	}
	return a
}

// schemaType is the first type of a schema that is not "null", or "null"
// when that is its only type, or "" when it has none.
func schemaType(s *base.Schema) string {
	for _, t := range s.Type {
		if t != "null" {
			return t
		}
	}
	if len(s.Type) > 0 {
		return "null"
	}
	return ""
}

// stringCandidates are the strings tried, after the format's fixed value, for a string whose
// pattern or length the fixed value does not meet.
var stringCandidates = []string{defaultString, "example-1", "Example", "1", "123456", "a", "A", "example_1",
	"user@example.com", "https://example.com", "2024-01-01", "123e4567-e89b-12d3-a456-426614174000", "example example"}

// scalar is the fixed value of a scalar type: for a string the format's, or the first
// candidate that meets the pattern and length.
func (g *examples) scalar(s *base.Schema, t string) *value {
	switch t {
	case "string":
		first, ok := formatExamples[s.Format]
		if !ok {
			first = defaultString
		}
		if s.Pattern == "" && s.MinLength == nil && s.MaxLength == nil {
			return stringValue(first)
		}
		for _, c := range append([]string{first}, stringCandidates...) {
			if g.conform.stringViolation(s, c, "") == "" {
				return stringValue(c)
			}
		}
		if s.MinLength != nil && *s.MinLength > 0 && *s.MinLength <= 64 {
			return stringValue(strings.Repeat("a", int(*s.MinLength)))
		}
		return stringValue(first)
	case "integer":
		if s.Minimum != nil && *s.Minimum > 0 && *s.Minimum < 1e15 {
			return &value{raw: strconv.FormatInt(int64(math.Ceil(*s.Minimum)), 10)}
		}
		return zeroValue
	case "number":
		if s.Minimum != nil && *s.Minimum > 0 && *s.Minimum < 1e15 {
			return &value{raw: strconv.FormatFloat(*s.Minimum, 'g', -1, 64)}
		}
		return zeroValue
	case "boolean":
		return falseValue
	}
	return nullValue
}
