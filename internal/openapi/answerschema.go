package openapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
)

// What an answer's schema becomes in a collection: JSON Schema draft-07, which the validator in
// Postman's sandbox (Ajv 6) reads, with only the keywords that say what a value may be. The
// rules, for OpenAPI 3.0, 3.1 and Swagger 2.0 schemas alike:
//
//   - A $ref to a schema of components (definitions, in Swagger 2.0) becomes a $ref to
//     "#/definitions/NAME", and that schema is written once under that name; any other $ref
//     (to another file, or elsewhere in the document) allows any value.
//   - nullable: true (x-nullable: true in Swagger 2.0) adds null to the type (or to the enum), or allows null beside the schema
//     when it names no type or holds allOf, anyOf or oneOf (which would refuse null); beside a
//     $ref too, whose other siblings are ignored. A boolean exclusiveMinimum or exclusiveMaximum (OpenAPI 3.0) moves
//     minimum or maximum into it.
//   - oneOf is checked as anyOf: documents write oneOf whose members overlap (a value that
//     matches two of them is no error of the server's).
//   - A component schema whose allOf names a parent that leads back to it (OpenAPI's
//     polymorphism: a Pet is a Cat or a Dog, a Cat is a Pet and more, directly or through a
//     Mammal between them) takes the parent without its oneOf and anyOf, written once as
//     "NAME-base": as JSON Schema reads it, the choice would send the child back to itself
//     without end. A cycle of references left, which a validator would follow without end, is cut (see
//     answercycles.go).
//   - format is not checked, nor is a pattern JavaScript would read otherwise than the document
//     means (delimited by slashes, or using what only some dialects have) or could take
//     exponential time over (a repeat inside a repeat). A property marked writeOnly, in place
//     or in the component schema it refers to, is not required in an answer, and one named __proto__ is not checked.
//   - patternProperties are kept where their pattern is checked; where one is not,
//     additionalProperties is left out. OpenAPI 3.1's prefixItems become items as a list, and
//     its items additionalItems.
//   - Everything else that does not say what a value may be (descriptions, examples,
//     discriminators, extensions) is left out.

// protoKey is the one name a JavaScript object literal does not read as a property: a schema
// or a property so named would set the prototype of the script's table. Such a property is not
// checked.
const protoKey = "__proto__"

// maxSchemaDepth bounds how deep a schema may nest inline; deeper parts allow any value.
const maxSchemaDepth = 64

// maxSchemaNodes bounds the schema keywords written in all: an answer's schemas past it are not
// tested, and a warning says so.
const maxSchemaNodes = 1 << 20

// errSchemaBudget says the schemas hold more than maxSchemaNodes keywords.
var errSchemaBudget = errors.New("the answers' schemas are too large to test")

// validTypes are the JSON Schema type names.
var validTypes = map[string]bool{"string": true, "number": true, "integer": true, "boolean": true, "array": true, "object": true, "null": true}

// keptNumbers are the keywords whose value, a number, is copied as it is.
var keptNumbers = []string{"multipleOf", "maximum", "minimum", "maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties"}

// schemaWriter converts schemas, and writes each component schema they refer to once.
type schemaWriter struct {
	src  answerSource
	defs map[string]any
	// componentNames are the definitions' names of the component schemas referred to, by name.
	componentNames map[string]string
	// baseNames are the definitions' names of parents taken without their choice of children.
	baseNames map[string]string
	pending   []pendingSchema // component schemas referred to and not yet converted
	used      map[string]bool
	nodes     int
	// current names the component schema being converted; empty for an answer's own.
	current string
	// reach holds, by component schema, the component schemas it applies to the same value.
	reach map[string]map[string]bool
}

// pendingSchema is a component schema to convert: whole, or as a base, without its oneOf and
// anyOf.
type pendingSchema struct {
	name string
	base bool
}

func newSchemaWriter(src answerSource) *schemaWriter {
	return &schemaWriter{src: src, defs: map[string]any{}, componentNames: map[string]string{}, baseNames: map[string]string{}, used: map[string]bool{}, reach: map[string]map[string]bool{}}
}

// claim returns a definition's name made of base that no other definition has: its letters,
// digits, dots and underscores, the rest as dashes, then "-2", "-3" if it is taken. Such a name
// needs no escape in a JSON pointer or a URI, where the validator looks it up.
func (w *schemaWriter) claim(base string) string {
	var b strings.Builder
	dash := false
	for _, c := range base {
		if c == '.' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
			continue
		}
		dash = true
	}
	name := b.String()
	if name == "" || name == protoKey {
		name = "schema"
	}
	out := name
	for i := 2; w.used[out]; i++ {
		out = fmt.Sprintf("%s-%d", name, i)
	}
	w.used[out] = true
	return out
}

// convert returns the draft-07 form of an OpenAPI schema.
func (w *schemaWriter) convert(v any, depth int) (any, error) {
	if w.nodes++; w.nodes > maxSchemaNodes {
		return nil, errSchemaBudget
	}
	switch v := v.(type) {
	case bool:
		return v, nil
	case map[string]any:
		if depth > maxSchemaDepth {
			return map[string]any{}, nil
		}
		return w.convertObject(v, depth)
	}
	return map[string]any{}, nil // not a schema: any value
}

func (w *schemaWriter) convertObject(s map[string]any, depth int) (any, error) {
	if ref, ok := s["$ref"].(string); ok {
		if isNullable(s) {
			return map[string]any{"anyOf": []any{w.reference(ref), map[string]any{"type": "null"}}}, nil
		}
		return w.reference(ref), nil
	}
	out := map[string]any{}
	if t := typeNames(s["type"]); t != nil {
		out["type"] = t
	}
	for _, k := range keptNumbers {
		if n, ok := s[k].(json.Number); ok {
			out[k] = n
		}
	}
	for _, k := range [...]string{"exclusiveMinimum", "exclusiveMaximum"} {
		switch v := s[k].(type) {
		case json.Number:
			out[k] = v
		case bool:
			bound := "minimum"
			if k == "exclusiveMaximum" {
				bound = "maximum"
			}
			if n, ok := out[bound]; ok && v {
				out[k] = n
				delete(out, bound)
			}
		}
	}
	if u, ok := s["uniqueItems"].(bool); ok {
		out["uniqueItems"] = u
	}
	if p, ok := s["pattern"].(string); ok && portablePattern(p) {
		out["pattern"] = p
	}
	if e, ok := s["enum"].([]any); ok && len(e) > 0 {
		out["enum"] = e
	}
	if c, ok := s["const"]; ok {
		out["const"] = c
	}
	if props, ok := s["properties"].(map[string]any); ok {
		conv := make(map[string]any, len(props))
		for _, name := range keysInOrder(props) {
			if name == protoKey {
				continue
			}
			c, err := w.convert(props[name], depth+1)
			if err != nil {
				return nil, err
			}
			conv[name] = c
		}
		out["properties"] = conv
	}
	if req, ok := s["required"].([]any); ok {
		props, _ := s["properties"].(map[string]any)
		var names []any
		for _, r := range req {
			name, ok := r.(string)
			if !ok || name == protoKey {
				continue
			}
			if w.writeOnly(props[name]) {
				continue
			}
			names = append(names, name)
		}
		if len(names) > 0 {
			out["required"] = names
		}
	}
	for _, k := range [...]string{"additionalProperties", "items", "not"} {
		switch v := s[k].(type) {
		case nil:
		case []any: // items as a tuple (draft-04 and OpenAPI 3.0 documents that use it)
			if k != "items" {
				continue
			}
			list, err := w.convertList(v, depth)
			if err != nil {
				return nil, err
			}
			out[k] = list
		default:
			c, err := w.convert(v, depth+1)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
	}
	if err := w.convertPatternProperties(s, out, depth); err != nil {
		return nil, err
	}
	if prefix, ok := s["prefixItems"].([]any); ok && len(prefix) > 0 { // OpenAPI 3.1: items is the rest
		list, err := w.convertList(prefix, depth)
		if err != nil {
			return nil, err
		}
		if rest, ok := out["items"]; ok {
			out["additionalItems"] = rest
		}
		out["items"] = list
	}
	var choices []any
	for _, k := range [...]string{"allOf", "anyOf", "oneOf"} {
		list, ok := s[k].([]any)
		if !ok || len(list) == 0 {
			continue
		}
		if k == "allOf" {
			conv, err := w.convertAllOf(list, depth)
			if err != nil {
				return nil, err
			}
			out["allOf"] = conv
			continue
		}
		conv, err := w.convertList(list, depth)
		if err != nil {
			return nil, err
		}
		choices = append(choices, map[string]any{"anyOf": conv})
	}
	switch len(choices) {
	case 1:
		out["anyOf"] = choices[0].(map[string]any)["anyOf"]
	case 2:
		out["allOf"] = append(asList(out["allOf"]), choices...)
	}
	if isNullable(s) {
		return nullable(out), nil
	}
	return out, nil
}

// writeOnly reports whether a property's schema is marked writeOnly, in place or in the component
// schema it refers to.
func (w *schemaWriter) writeOnly(v any) bool {
	p, ok := v.(map[string]any)
	if !ok {
		return false
	}
	if ref, ok := p["$ref"].(string); ok {
		name, ok := componentName(ref)
		if !ok || !w.src.has("schemas", name) {
			return false
		}
		target, _ := w.src.component("schemas", name)
		p, _ = target.(map[string]any)
	}
	return p["writeOnly"] == true
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func (w *schemaWriter) convertList(list []any, depth int) ([]any, error) {
	out := make([]any, 0, len(list))
	for _, item := range list {
		c, err := w.convert(item, depth+1)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// convertPatternProperties writes s's patternProperties into out, each whose pattern is checked:
// when one is not, additionalProperties is left out too, since it would refuse the properties
// that pattern names.
func (w *schemaWriter) convertPatternProperties(s, out map[string]any, depth int) error {
	patterns, ok := s["patternProperties"].(map[string]any)
	if !ok || len(patterns) == 0 {
		return nil
	}
	conv := map[string]any{}
	for _, p := range keysInOrder(patterns) {
		if p == protoKey || !portablePattern(p) {
			delete(out, "additionalProperties")
			continue
		}
		c, err := w.convert(patterns[p], depth+1)
		if err != nil {
			return err
		}
		conv[p] = c
	}
	if len(conv) > 0 {
		out["patternProperties"] = conv
	}
	return nil
}

// convertAllOf converts an allOf's schemas: a $ref to a parent that applies, through any
// number of references, the component being converted to the same value (a parent that
// lists it among its choices, or lists a child of it) refers to the parent's base.
func (w *schemaWriter) convertAllOf(list []any, depth int) ([]any, error) {
	out := make([]any, 0, len(list))
	for _, item := range list {
		if m, ok := item.(map[string]any); ok && w.current != "" {
			if ref, ok := m["$ref"].(string); ok && w.leadsBack(ref) {
				if w.nodes++; w.nodes > maxSchemaNodes {
					return nil, errSchemaBudget
				}
				out = append(out, w.baseReference(ref))
				continue
			}
		}
		c, err := w.convert(item, depth+1)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// componentName returns the name of the component schema ref refers to as a whole; ok is false
// for any other reference.
func componentName(ref string) (string, bool) {
	rest, ok := strings.CutPrefix(ref, schemasPrefix)
	if !ok {
		rest, ok = strings.CutPrefix(ref, definitionsPrefix)
	}
	if !ok || strings.Contains(rest, "/") {
		return "", false
	}
	return unescapeRefName(rest), true
}

// leadsBack reports whether ref refers to a component schema that applies the component being
// converted to the same value: checking a value against the parent would come back to it.
func (w *schemaWriter) leadsBack(ref string) bool {
	name, ok := componentName(ref)
	if !ok || name == w.current || !w.src.has("schemas", name) {
		return false
	}
	return w.reaches(name, w.current)
}

// baseReference returns a $ref to the base of the parent ref names, written once.
func (w *schemaWriter) baseReference(ref string) any {
	name, _ := componentName(ref)
	def, seen := w.baseNames[name]
	if !seen {
		def = w.claim(name + "-base")
		w.baseNames[name] = def
		w.pending = append(w.pending, pendingSchema{name: name, base: true})
	}
	return map[string]any{"$ref": definitionsPrefix + def}
}

// isNullable reports whether a schema allows null beside its type: nullable (OpenAPI 3.0), or
// x-nullable, which Swagger 2.0's tools write for the same.
func isNullable(s map[string]any) bool {
	return s["nullable"] == true || s["x-nullable"] == true
}

// nullable returns schema s that allows null as well. Beside a choice or a composition (anyOf,
// allOf), whose schemas would refuse null whatever the type says, null is allowed beside s.
func nullable(s map[string]any) any {
	_, anyOf := s["anyOf"]
	_, allOf := s["allOf"]
	if anyOf || allOf {
		return map[string]any{"anyOf": []any{s, map[string]any{"type": "null"}}}
	}
	switch t := s["type"].(type) {
	case string:
		s["type"] = []any{t, "null"}
	case []any:
		if !containsValue(t, "null") {
			s["type"] = append(t, "null")
		}
	default:
		return map[string]any{"anyOf": []any{s, map[string]any{"type": "null"}}}
	}
	if e, ok := s["enum"].([]any); ok && !containsValue(e, nil) {
		s["enum"] = append(e, nil)
	}
	return s
}

func containsValue(list []any, v any) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// typeNames returns the valid type names of a schema's type, or nil.
func typeNames(v any) any {
	switch t := v.(type) {
	case string:
		if validTypes[t] {
			return t
		}
	case []any:
		var out []any
		for _, x := range t {
			if s, ok := x.(string); ok && validTypes[s] {
				out = append(out, s)
			}
		}
		if len(out) == len(t) && len(out) > 0 {
			return out
		}
	}
	return nil
}

// unportable are what a pattern may hold that JavaScript's regular expressions (without the u
// flag, as Ajv 6 builds them) read otherwise than Go's and other dialects: inline flags, named
// groups, look-behind, possessive and atomic groups, Unicode classes, \A and \z anchors, and
// Go's quoted text (\Q...\E), braced hex escapes (\x{41}) and POSIX classes ([[:alpha:]]).
var unportable = regexp.MustCompile(`\(\?[^:=!]|\\[pPAzZQ]|\\x\{|\[:[a-z]+:\]`)

// portablePattern reports whether JavaScript reads pattern p as the document means it, and in
// time: it compiles in Go, is not written between slashes (as a JavaScript literal), holds
// nothing the dialects read otherwise, and repeats nothing that repeats itself. JavaScript
// backtracks, so that (a+)+ takes time exponential in the answer's length: a document and an
// answer written to stall a run.
func portablePattern(p string) bool {
	if len(p) >= 2 && strings.HasPrefix(p, "/") && strings.LastIndex(p, "/") > 0 {
		return false
	}
	if unportable.MatchString(p) {
		return false
	}
	re, err := syntax.Parse(p, syntax.Perl)
	return err == nil && !nestedRepeat(re, false) && !ambiguousRepeat(p)
}

// ambiguousRepeat reports whether pattern p, read as JavaScript writes it, repeats a group that
// can match the same text in more than one way: one that holds alternatives or a quantifier,
// under *, + or {n,m}, or one that holds an unbounded quantifier, repeated at all. It reads the
// text, since Go's parser merges and factors alternatives ((a|a) reads as a, (\w|\d) as one
// class, (a|aa) as aa?) that JavaScript backtracks over one by one, in time exponential in an
// answer's length.
func ambiguousRepeat(p string) bool {
	type group struct{ alternatives, quantified, unbounded bool }
	stack := []group{{}}
	for i := 0; i < len(p); {
		var atom group // what the atom at i holds, when it is a group
		switch p[i] {
		case '\\':
			i += 2
		case '[':
			i = classEnd(p, i)
		case '(':
			stack = append(stack, group{})
			i++
			continue
		case ')':
			if len(stack) == 1 {
				return true // unbalanced: JavaScript would not compile it either
			}
			atom = stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			i++
		case '|':
			stack[len(stack)-1].alternatives = true
			i++
			continue
		default:
			i++
		}
		min, max, next := quantifier(p, i)
		i = next
		if max == 1 && min == 1 {
			continue
		}
		repeats := max < 0 || max > 1
		if repeats && max != min && (atom.alternatives || atom.quantified) || repeats && atom.unbounded {
			return true
		}
		top := &stack[len(stack)-1]
		top.quantified = top.quantified || max != min || atom.quantified
		top.unbounded = top.unbounded || max < 0 || atom.unbounded
	}
	return false
}

// classEnd returns the index after the character class that starts at i.
func classEnd(p string, i int) int {
	for i++; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case ']':
			return i + 1
		}
	}
	return len(p)
}

// quantifier reads the quantifier at i, if any: its bounds (max -1 for none) and the index after
// it, past a lazy '?'. Without one, it is {1,1}.
func quantifier(p string, i int) (min, max, next int) {
	if i >= len(p) {
		return 1, 1, i
	}
	switch p[i] {
	case '*':
		min, max, next = 0, -1, i+1
	case '+':
		min, max, next = 1, -1, i+1
	case '?':
		min, max, next = 0, 1, i+1
	case '{':
		m := braceQuantifier.FindStringSubmatch(p[i:])
		if m == nil {
			return 1, 1, i
		}
		min, _ = strconv.Atoi(m[1])
		switch {
		case m[2] == "":
			max = min
		case m[3] == "":
			max = -1
		default:
			max, _ = strconv.Atoi(m[3])
		}
		next = i + len(m[0])
	default:
		return 1, 1, i
	}
	if next < len(p) && p[next] == '?' {
		next++
	}
	return min, max, next
}

// braceQuantifier is {n}, {n,} or {n,m}.
var braceQuantifier = regexp.MustCompile(`^\{(\d{1,9})(,(\d{0,9}))?\}`)

// nestedRepeat reports whether re repeats a variable number of times a part that itself so
// repeats; inRepeat says whether re stands in such a repeat.
func nestedRepeat(re *syntax.Regexp, inRepeat bool) bool {
	repeats := re.Op == syntax.OpStar || re.Op == syntax.OpPlus || re.Op == syntax.OpRepeat && (re.Max < 0 || re.Max > re.Min)
	if repeats && inRepeat {
		return true
	}
	for _, sub := range re.Sub {
		if nestedRepeat(sub, inRepeat || repeats) {
			return true
		}
	}
	return false
}

// Where local references point, in OpenAPI 3 and in Swagger 2.0.
const (
	schemasPrefix     = "#/components/schemas/"
	definitionsPrefix = "#/definitions/"
)

// reference converts a $ref: to a component schema, a $ref to its definition; to anything
// else, any value.
func (w *schemaWriter) reference(ref string) any {
	rest, ok := strings.CutPrefix(ref, schemasPrefix)
	if !ok {
		rest, ok = strings.CutPrefix(ref, definitionsPrefix)
	}
	if !ok {
		return map[string]any{}
	}
	escaped, pointer, _ := strings.Cut(rest, "/")
	name := unescapeRefName(escaped)
	if !w.src.has("schemas", name) {
		return map[string]any{}
	}
	target, ok := convertedPointer(pointer)
	if !ok {
		return map[string]any{}
	}
	def, seen := w.componentNames[name]
	if !seen {
		def = w.claim(name)
		w.componentNames[name] = def
		w.pending = append(w.pending, pendingSchema{name: name})
	}
	return map[string]any{"$ref": definitionsPrefix + def + target}
}

// convertedPointer returns a JSON pointer into a schema as it points into its converted form,
// where oneOf is anyOf; ok is false when it goes through a keyword that is not kept.
func convertedPointer(pointer string) (string, bool) {
	if pointer == "" {
		return "", true
	}
	parts := strings.Split(pointer, "/")
	for i := 0; i < len(parts); i++ {
		switch parts[i] {
		case "properties":
			i++ // a property's name
		case "allOf", "anyOf", "items":
			if i+1 < len(parts) && isIndex(parts[i+1]) {
				i++
			}
		case "additionalProperties", "not":
		default:
			return "", false
		}
	}
	return "/" + pointer, true
}

func isIndex(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// unescapeRefName decodes a reference's name: percent escapes (a URI fragment), then JSON pointer
// escapes.
func unescapeRefName(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		s = u
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
}

// flush converts the component schemas referred to so far, and those they refer to.
func (w *schemaWriter) flush() error {
	for len(w.pending) > 0 {
		level := w.pending
		w.pending = nil
		if f, ok := w.src.(prefetcher); ok {
			names := make([]string, len(level))
			for i, p := range level {
				names[i] = p.name
			}
			f.prefetch("schemas", names)
		}
		for _, p := range level {
			v, _ := w.src.component("schemas", p.name)
			def := w.componentNames[p.name]
			if p.base {
				def = w.baseNames[p.name]
				if m, ok := v.(map[string]any); ok {
					base := make(map[string]any, len(m))
					for k, x := range m {
						if k != "oneOf" && k != "anyOf" {
							base[k] = x
						}
					}
					v = base
				}
			}
			w.current = p.name
			c, err := w.convert(v, 0)
			w.current = ""
			if err != nil {
				return err
			}
			w.defs[def] = c
		}
	}
	return nil
}

// prefetcher is an answerSource that decodes several components at once faster than one by one.
type prefetcher interface {
	prefetch(section string, names []string)
}
