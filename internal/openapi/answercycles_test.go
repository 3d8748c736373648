package openapi

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"
)

// shapesYAML is polymorphism with a parent between: a Shape is a Circle or a Square, a Square
// is a Polygon and more, and a Polygon is a Shape and more. Read as JSON Schema, Square brings
// back Polygon, Polygon brings back Shape, and Shape brings back Square.
const shapesYAML = `openapi: 3.0.3
info: {title: Shapes, version: "1"}
paths:
  /shapes/{id}:
    get:
      responses:
        "200":
          description: A shape.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Shape'}
  /squares/{id}:
    get:
      responses:
        "200":
          description: A square.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Square'}
  /polygons/{id}:
    get:
      responses:
        "200":
          description: A polygon.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Polygon'}
components:
  schemas:
    Shape:
      type: object
      required: [kind]
      properties:
        kind: {type: string}
      oneOf:
        - $ref: '#/components/schemas/Circle'
        - $ref: '#/components/schemas/Square'
    Polygon:
      allOf:
        - $ref: '#/components/schemas/Shape'
        - type: object
          required: [sides]
          properties:
            sides: {type: integer}
    Square:
      allOf:
        - $ref: '#/components/schemas/Polygon'
        - type: object
          required: [side]
          properties:
            side: {type: number}
    Circle:
      allOf:
        - $ref: '#/components/schemas/Shape'
        - type: object
          required: [radius]
          properties:
            radius: {type: number}
`

// TestAnswersInheritanceThroughAParent checks that a child whose parent's parent lists it takes
// each parent's own keywords and not their choice among children, and that no schema written
// applies itself to the same value through its references.
func TestAnswersInheritanceThroughAParent(t *testing.T) {
	doc, err := Parse([]byte(shapesYAML), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if cycle := sameValueCycle(t, doc.Schemas); cycle != nil {
		t.Fatalf("the schemas refer to themselves: %s", strings.Join(cycle, " -> "))
	}
	checkAnswers(t, doc.Schemas, []answerCase{
		{"Shape", `{"kind":"circle","radius":1}`, true},
		{"Shape", `{"kind":"square","sides":4,"side":2}`, true},
		{"Shape", `{"kind":"square","sides":4}`, false}, // neither a circle nor a square
		{"Shape", `{"sides":4,"side":2}`, false},        // no kind
		{"Square", `{"kind":"square","sides":4,"side":2}`, true},
		{"Square", `{"kind":"square","side":2}`, false},  // a polygon has sides
		{"Square", `{"sides":4,"side":2}`, false},        // a shape has a kind
		{"Polygon", `{"kind":"square","sides":4}`, true}, // a polygon is not told which it is
		{"Polygon", `{"kind":"square"}`, false},
	})
}

// loopsYAML refers to itself in ways that mean nothing a validator could finish: two schemas
// each allOf the other, a choice between schemas that choose each other, a schema that is a
// reference to itself, and one whose property does the same.
const loopsYAML = `openapi: 3.0.3
info: {title: Loops, version: "1"}
paths:
  /a:
    get:
      responses:
        "200":
          description: A.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/A'}
  /c:
    get:
      responses:
        "200":
          description: C.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/C'}
  /e:
    get:
      responses:
        "200":
          description: E.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/E'}
  /f:
    get:
      responses:
        "200":
          description: F.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/F'}
components:
  schemas:
    A:
      allOf:
        - $ref: '#/components/schemas/B'
        - {type: object, required: [a]}
    B:
      allOf:
        - $ref: '#/components/schemas/A'
        - {type: object, required: [b]}
    C:
      anyOf:
        - $ref: '#/components/schemas/D'
        - {type: string}
    D:
      oneOf:
        - $ref: '#/components/schemas/C'
        - {type: integer}
    E:
      $ref: '#/components/schemas/E'
    F:
      type: object
      properties:
        loop:
          allOf:
            - $ref: '#/components/schemas/F/properties/loop'
            - {type: string}
`

// TestAnswersCycleCut checks that references no validator could finish following are cut,
// and that what is left still tells answers apart.
func TestAnswersCycleCut(t *testing.T) {
	doc, err := Parse([]byte(loopsYAML), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if cycle := sameValueCycle(t, doc.Schemas); cycle != nil {
		t.Fatalf("the schemas refer to themselves: %s", strings.Join(cycle, " -> "))
	}
	checkAnswers(t, doc.Schemas, []answerCase{
		{"A", `{"a":1,"b":2}`, true},
		{"A", `{"b":2}`, false},
		{"C", `"text"`, true},
		{"C", `7`, true},
		{"C", `true`, false},
		{"E", `{"any":"value"}`, true},
		{"F", `{"loop":"x"}`, true},
		{"F", `{"loop":1}`, false},
	})
	// The same document always loses the same references.
	again, err := Parse([]byte(loopsYAML), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range doc.Schemas {
		if string(again.Schemas[name]) != string(s) {
			t.Errorf("schema %s differs between two readings:\n%s\n%s", name, s, again.Schemas[name])
		}
	}
}

// sameValueCycle returns a cycle of references among written schemas through which a
// validator applies a schema to the value it is checking again (through $ref, allOf, anyOf,
// oneOf, not), or nil when there is none. A reference into a definition counts as one to the
// definition as a whole, which finds more cycles, never fewer.
func sameValueCycle(t *testing.T, schemas map[string]json.RawMessage) []string {
	t.Helper()
	edges := map[string][]string{}
	for name, raw := range schemas {
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			t.Fatal(err)
		}
		var collect func(v any, top bool)
		collect = func(v any, top bool) {
			m, ok := v.(map[string]any)
			if !ok {
				return
			}
			if ref, ok := m["$ref"].(string); ok && top {
				target, _, _ := strings.Cut(strings.TrimPrefix(ref, "#/definitions/"), "/")
				edges[name] = append(edges[name], target)
			}
			for _, k := range []string{"allOf", "anyOf", "oneOf", "not"} {
				switch x := m[k].(type) {
				case []any:
					for _, item := range x {
						collect(item, top)
					}
				case map[string]any:
					collect(x, top)
				}
			}
			// Schemas of what the value holds are walked too: a reference there into a
			// definition is a cycle when the definition's same-value schemas lead back.
			for _, k := range []string{"properties", "patternProperties"} {
				if props, ok := m[k].(map[string]any); ok {
					for _, p := range props {
						collectNested(p, name, edges)
					}
				}
			}
		}
		collect(v, true)
	}
	const (
		inProgress = 1
		done       = 2
	)
	state := map[string]int{}
	var path []string
	var visit func(n string) []string
	visit = func(n string) []string {
		switch state[n] {
		case inProgress:
			return append(slices.Clone(path), n)
		case done:
			return nil
		}
		state[n] = inProgress
		path = append(path, n)
		for _, next := range edges[n] {
			if c := visit(next); c != nil {
				return c
			}
		}
		path = path[:len(path)-1]
		state[n] = done
		return nil
	}
	for _, n := range slices.Sorted(maps.Keys(edges)) {
		if c := visit(n); c != nil {
			return c
		}
	}
	return nil
}

// collectNested records a property's schema whose same-value references include one into its
// own definition: such a schema points back to where it is, the cycle TestAnswersCycleCut's F
// writes.
func collectNested(v any, def string, edges map[string][]string) {
	m, ok := v.(map[string]any)
	if !ok {
		return
	}
	if ref, ok := m["$ref"].(string); ok {
		target, rest, _ := strings.Cut(strings.TrimPrefix(ref, "#/definitions/"), "/")
		if target == def && rest != "" {
			edges[def+"/"+rest] = append(edges[def+"/"+rest], def+"/"+rest)
		}
	}
	for _, k := range []string{"allOf", "anyOf", "oneOf", "not"} {
		if list, ok := m[k].([]any); ok {
			for _, item := range list {
				collectNested(item, def, edges)
			}
		}
	}
}
