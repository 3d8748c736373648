package openapi

import (
	"maps"
	"reflect"
	"slices"
	"strings"
)

// A schema applies to the same value as its $ref, and as the schemas of its allOf, anyOf,
// oneOf and not: a cycle through those alone is one a validator follows without end (ajv in
// Postman's sandbox throws "Maximum call stack size exceeded"), whatever the value. OpenAPI's
// polymorphism writes such cycles on purpose: a parent lists its children in oneOf, and each
// child is the parent allOf its own properties, directly or through parents between them. The
// writer takes the parent without its choice of children there (its base); cycles left after
// that, which mean nothing a value could satisfy, are cut where the walk finds them.

// sameValueKeywords are the keywords whose schemas apply to the value their schema applies to.
var sameValueKeywords = [...]string{"allOf", "anyOf", "oneOf", "not"}

// sameValueRefs calls visit with each component schema that s, as written in the document,
// applies to the value it applies to, through $ref, allOf, anyOf, oneOf and not.
func sameValueRefs(s any, depth int, visit func(name string)) {
	m, ok := s.(map[string]any)
	if !ok || depth > maxSchemaDepth {
		return
	}
	if ref, ok := m["$ref"].(string); ok {
		if name, ok := componentName(ref); ok {
			visit(name)
		}
		return
	}
	for _, k := range sameValueKeywords {
		switch v := m[k].(type) {
		case []any:
			for _, item := range v {
				sameValueRefs(item, depth+1, visit)
			}
		case map[string]any:
			sameValueRefs(v, depth+1, visit)
		}
	}
}

// reaches reports whether the component schema from applies, through same-value references
// alone, the component schema to: whether a validator checking a value against from comes to
// check it against to.
func (w *schemaWriter) reaches(from, to string) bool {
	seen, ok := w.reach[from]
	if !ok {
		seen = map[string]bool{}
		todo := []string{from}
		for len(todo) > 0 {
			name := todo[len(todo)-1]
			todo = todo[:len(todo)-1]
			if !w.src.has("schemas", name) {
				continue
			}
			v, _ := w.src.component("schemas", name)
			sameValueRefs(v, 0, func(next string) {
				if !seen[next] {
					seen[next] = true
					todo = append(todo, next)
				}
			})
		}
		w.reach[from] = seen
	}
	return seen[to]
}

// cutCycles removes from the converted definitions each $ref that closes a cycle of same-value
// references, leaving a schema that allows any value in its place. The definitions are walked
// in the order of their names, so the same document always loses the same references.
func cutCycles(defs map[string]any) {
	c := cycleCutter{defs: defs, state: map[uintptr]uint8{}}
	for _, name := range slices.Sorted(maps.Keys(defs)) {
		c.walkSchema(defs[name], 0)
	}
}

// cycleCutter finds cycles among converted schemas, each schema object a node.
type cycleCutter struct {
	defs  map[string]any
	state map[uintptr]uint8 // walking while the schemas it leads to are walked, walked after
}

const (
	walking = 1
	walked  = 2
)

// walkSchema starts a walk of same-value references from v and from each schema nested in
// it, so that a cycle through a property's schema is found as well as one through a
// definition's.
func (c *cycleCutter) walkSchema(v any, depth int) {
	s, ok := v.(map[string]any)
	if !ok || depth > 4*maxSchemaDepth {
		return
	}
	c.walk(s)
	for _, k := range [...]string{"properties", "patternProperties"} {
		if m, ok := s[k].(map[string]any); ok {
			for _, name := range keysInOrder(m) {
				c.walkSchema(m[name], depth+1)
			}
		}
	}
	for _, k := range [...]string{"items", "additionalItems", "additionalProperties", "not", "allOf", "anyOf"} {
		switch v := s[k].(type) {
		case []any:
			for _, item := range v {
				c.walkSchema(item, depth+1)
			}
		default:
			c.walkSchema(v, depth+1)
		}
	}
}

// cycleFrame is a schema whose same-value schemas are being walked, and those left to walk.
type cycleFrame struct {
	schema map[string]any
	next   []cycleStep
}

// cycleStep is a schema to walk, and whether it was reached as a choice of anyOf or under not:
// there, a $ref cut becomes a schema no value matches, so that the choice is made among the
// other schemas and what not refuses is not all. Elsewhere it becomes one every value matches.
type cycleStep struct {
	schema   map[string]any
	optional bool
}

// walk follows the same-value schemas of s depth first, with a stack of its own (a chain of
// references may be as long as the document), and cuts a $ref to a schema whose walk is under
// way.
func (c *cycleCutter) walk(s map[string]any) {
	if c.state[id(s)] != 0 {
		return
	}
	stack := []cycleFrame{c.enter(cycleStep{schema: s})}
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if len(top.next) == 0 {
			c.state[id(top.schema)] = walked
			stack = stack[:len(stack)-1]
			continue
		}
		n := top.next[0]
		top.next = top.next[1:]
		if c.state[id(n.schema)] == 0 {
			stack = append(stack, c.enter(n))
		}
	}
}

// enter marks a schema as being walked and lists the schemas it applies to the same value: the
// one its $ref refers to, unless that one is being walked (then the $ref is cut), and those of
// its allOf, anyOf and not.
func (c *cycleCutter) enter(step cycleStep) cycleFrame {
	s := step.schema
	c.state[id(s)] = walking
	var next []cycleStep
	if ref, ok := s["$ref"].(string); ok {
		if target, ok := c.resolve(ref); ok {
			if c.state[id(target)] == walking {
				delete(s, "$ref")
				if step.optional {
					s["not"] = map[string]any{}
				}
			} else {
				next = append(next, cycleStep{schema: target, optional: step.optional})
			}
		}
	}
	for _, k := range [...]string{"allOf", "anyOf", "not"} {
		switch v := s[k].(type) {
		case []any:
			for _, item := range v {
				if m, ok := item.(map[string]any); ok {
					next = append(next, cycleStep{schema: m, optional: k == "anyOf"})
				}
			}
		case map[string]any:
			next = append(next, cycleStep{schema: v, optional: true})
		}
	}
	return cycleFrame{schema: s, next: next}
}

// resolve finds the schema object a converted $ref, "#/definitions/NAME" and a JSON pointer
// into it, refers to.
func (c *cycleCutter) resolve(ref string) (map[string]any, bool) {
	rest, ok := strings.CutPrefix(ref, definitionsPrefix)
	if !ok {
		return nil, false
	}
	parts := strings.Split(rest, "/")
	var v any = c.defs[parts[0]]
	for _, p := range parts[1:] {
		p = strings.ReplaceAll(strings.ReplaceAll(p, "~1", "/"), "~0", "~")
		switch node := v.(type) {
		case map[string]any:
			v = node[p]
		case []any:
			i := 0
			for _, d := range p {
				if d < '0' || d > '9' || i > len(node) {
					return nil, false
				}
				i = i*10 + int(d-'0')
			}
			if p == "" || i >= len(node) {
				return nil, false
			}
			v = node[i]
		default:
			return nil, false
		}
	}
	m, ok := v.(map[string]any)
	return m, ok
}

// id is the identity of a schema object.
func id(m map[string]any) uintptr { return reflect.ValueOf(m).Pointer() }
