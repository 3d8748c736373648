package openapi

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestPruneComponents(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"JSON: what nothing refers to goes, what is referred to stays, through other entries too",
			`{"paths": {"/a": {"get": {"requestBody": {"$ref": "#/components/requestBodies/B"}}}},
 "components": {
  "schemas": {
   "Unused": {"type": "string"},
   "A": {"$ref": "#/components/schemas/C"},
   "Gone": {},
   "C": {"type": "integer"},
   "Last": {}
  },
  "requestBodies": {"B": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}},
  "examples": {"X": {}, "Y": {}},
  "securitySchemes": {"S": {"type": "http"}}
 }}`,
			`{"paths": {"/a": {"get": {"requestBody": {"$ref": "#/components/requestBodies/B"}}}},
 "components": {
  "schemas": {
   "A": {"$ref": "#/components/schemas/C"},
   "C": {"type": "integer"}
  },
  "requestBodies": {"B": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}},
  "examples": {},
  "securitySchemes": {"S": {"type": "http"}}
 }}`},
		{"JSON: an entry holding a $ref to nothing stays, so that its warning does",
			`{"paths": {}, "components": {"schemas": {"A": {"$ref": "#/components/schemas/Missing"}, "B": {}}}}`,
			`{"paths": {}, "components": {"schemas": {"A": {"$ref": "#/components/schemas/Missing"}}}}`},
		{"JSON: a repeated name keeps all its entries, whichever the reader takes",
			`{"components": {"schemas": {"A": {"$ref": "#/components/schemas/X"}, "B": {}, "A": []}}}`,
			`{"components": {"schemas": {"A": {"$ref": "#/components/schemas/X"}, "A": []}}}`},
		{"JSON: a name read up to anything but a quote or a slash is a prefix",
			`{"info": {"description": "see #/components/schemas/Us and #/components/schemas/Pet/properties"}, "components": {"schemas": {"User": {}, "Users": {}, "Pet": {}, "Pets": {}, "Order": {}}}}`,
			`{"info": {"description": "see #/components/schemas/Us and #/components/schemas/Pet/properties"}, "components": {"schemas": {"User": {}, "Users": {}, "Pet": {}}}}`},
		{"JSON: escaped names and pointer escapes",
			`{"x": ["#/components/schemas/a~1b", "#/components/schemas/c%20d", "#/components/schemas/x\u00e9"], "components": {"schemas": {"a/b": {}, "c d": {}, "x\u00e9t\u00e9": {}, "z": {}}}}`,
			`{"x": ["#/components/schemas/a~1b", "#/components/schemas/c%20d", "#/components/schemas/x\u00e9"], "components": {"schemas": {"a/b": {}, "c d": {}, "x\u00e9t\u00e9": {}}}}`},
		{"JSON: an escape that could spell a reference leaves the document whole",
			`{"x": "#\/components\/schemas\/A", "components": {"schemas": {"A": {}, "B": {}}}}`,
			`{"x": "#\/components\/schemas\/A", "components": {"schemas": {"A": {}, "B": {}}}}`},
		{"JSON: a reference that names no section up to a slash leaves the document whole",
			`{"x": "#/components/schemas", "components": {"schemas": {"A": {}}}}`,
			`{"x": "#/components/schemas", "components": {"schemas": {"A": {}}}}`},
		{"YAML: entries go with their lines; a section keeps its first entry",
			"openapi: 3.0.0\npaths:\n  /a:\n    get:\n      parameters:\n      - $ref: '#/components/parameters/P'\ncomponents:\n  schemas:\n    First:\n      type: string\n    Used:\n      description: >-\n        text\n      type: string\n\n    Unused:\n      type: object\n      # a comment\n  parameters:\n    Q:\n      name: q\n    P:\n      name: p\n      schema:\n        $ref: \"#/components/schemas/Used\"\n  securitySchemes:\n    S: {type: http}\n",
			"openapi: 3.0.0\npaths:\n  /a:\n    get:\n      parameters:\n      - $ref: '#/components/parameters/P'\ncomponents:\n  schemas:\n    First:\n      type: string\n    Used:\n      description: >-\n        text\n      type: string\n\n  parameters:\n    Q:\n      name: q\n    P:\n      name: p\n      schema:\n        $ref: \"#/components/schemas/Used\"\n  securitySchemes:\n    S: {type: http}\n"},
		{"YAML: quoted text over lines indented less than its own",
			"paths: {}\ncomponents:\n  schemas:\n    A: {}\n    B:\n      description: 'one\n  Unused: two'\n    C:\n      type: string\n",
			"paths: {}\ncomponents:\n  schemas:\n    A: {}\n"},
		{"YAML: a flow collection over several lines leaves the document whole",
			"components:\n  schemas:\n    A: {}\n    B: {type: string,\n  C: 1}\n",
			"components:\n  schemas:\n    A: {}\n    B: {type: string,\n  C: 1}\n"},
		{"YAML: anchors leave the document whole",
			"components:\n  schemas:\n    A: &a {}\n    B: *a\n",
			"components:\n  schemas:\n    A: &a {}\n    B: *a\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(pruneComponents([]byte(tt.in))); got != tt.want {
				t.Errorf("pruneComponents\n got  %s\n want %s", got, tt.want)
			}
		})
	}
}

// TestPruneComponentsSameDocument holds pruning to what it is for: every document of
// testdata converts to the same requests, variables and warnings with and without it.
func TestPruneComponentsSameDocument(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	yamls, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	for _, name := range append(files, yamls...) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		checkPruneComponentsSame(t, filepath.Base(name), data)
	}
}

// checkPruneComponentsSame fails when pruning components changes what a document converts to.
func checkPruneComponentsSame(t *testing.T, name string, data []byte) {
	t.Helper()
	responses := pruneResponses(data)
	want, errWant := build(responses, Options{Tenant: "acme"})
	got, errGot := build(pruneComponents(responses), Options{Tenant: "acme"})
	if (errWant == nil) != (errGot == nil) {
		t.Fatalf("%s: error %v without pruning, %v with", name, errWant, errGot)
	}
	a, _ := json.Marshal(want)
	b, _ := json.Marshal(got)
	if string(a) != string(b) {
		t.Errorf("%s: pruning components changes the document", name)
	}
}

// FuzzPruneComponents holds pruning of JSON documents to its rules: valid JSON stays valid,
// only entries of components' sections go, and every entry a $ref outside them names stays.
func FuzzPruneComponents(f *testing.F) {
	f.Add([]byte(`{"paths": {"/a": {"$ref": "#/components/schemas/A"}}, "components": {"schemas": {"A": {"$ref": "#/components/schemas/B"}, "B": {}, "C": []}}}`))
	f.Add([]byte(`{"components": {"schemas": {"A~1": 1, "A/": 2}, "examples": {"E": "#/components/schemas/A~1"}}, "x": "#/components/examples/E"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		out := pruneComponents(data)
		if !json.Valid(data) {
			return
		}
		var before, after map[string]any
		if err := json.Unmarshal(out, &after); err != nil {
			if json.Unmarshal(data, &before) != nil {
				return // valid JSON, not an object
			}
			t.Fatalf("valid input %q became invalid %q: %v", data, out, err)
		}
		_ = json.Unmarshal(data, &before)
		bc, _ := before["components"].(map[string]any)
		ac, _ := after["components"].(map[string]any)
		for section, entries := range bc {
			bs, _ := entries.(map[string]any)
			as, _ := ac[section].(map[string]any)
			if !prunableSections[section] || bs == nil {
				continue
			}
			for name, v := range as {
				if !reflect.DeepEqual(bs[name], v) {
					t.Fatalf("entry %s/%s changed in %q", section, name, out)
				}
			}
			ac[section], bc[section] = nil, nil
		}
		if !reflect.DeepEqual(before, after) {
			t.Fatalf("pruning %q changed more than components' entries: %q", data, out)
		}
		// Every entry that a reference in what is left names is still there.
		var check func(v any)
		check = func(v any) {
			switch v := v.(type) {
			case map[string]any:
				for _, c := range v {
					check(c)
				}
			case []any:
				for _, c := range v {
					check(c)
				}
			case string:
				section, name, ok := strings.Cut(strings.TrimPrefix(v, "#/components/"), "/")
				if !ok || !strings.HasPrefix(v, "#/components/") {
					return
				}
				name, _, _ = strings.Cut(name, "/")
				name = strings.ReplaceAll(strings.ReplaceAll(name, "~1", "/"), "~0", "~")
				bs, _ := components(data)[section].(map[string]any)
				as, _ := components(out)[section].(map[string]any)
				if _, had := bs[name]; had {
					if _, has := as[name]; !has {
						t.Fatalf("%s/%s is referred to but was pruned from %q: %q", section, name, data, out)
					}
				}
			}
		}
		var left any
		_ = json.Unmarshal(out, &left)
		check(left)
	})
}

// components decodes a document's components.
func components(data []byte) map[string]any {
	var doc map[string]any
	_ = json.Unmarshal(data, &doc)
	c, _ := doc["components"].(map[string]any)
	return c
}
