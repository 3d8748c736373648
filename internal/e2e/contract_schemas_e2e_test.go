//go:build e2e

package e2e

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestContractSchemasInTheSandbox runs the test script of a document whose schemas JSON Schema
// reads otherwise than OpenAPI means, in Postman's sandbox, with its ajv: a Cat is a Pet allOf
// its own properties while a Pet is a Cat or a Dog (as JSON Schema, a reference cycle that ran
// ajv out of stack on every answer), the same through a Polygon between a Square and a Shape,
// two schemas each allOf or a choice of the other, and a pattern that would stall the run on an answer written
// against it; and a multipleOf of 0.01, which floating point division misses. Each answer is told
// right from wrong, and the run takes no time to speak of.
func TestContractSchemasInTheSandbox(t *testing.T) {
	doc, err := filepath.Abs(filepath.Join("testdata", "contract-schemas.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runCLI(t, "--provider", "generic", "--token-url", "https://id.example.test/token", "--client-id", "svc", "--openapi", doc)
	if code != 0 {
		t.Fatalf("gen-postman: exit %d\n%s", code, stderr)
	}
	ids := itemIDs(t, stdout)
	jsonType := map[string]string{"Content-Type": "application/json"}
	const schemaTest = ": the answer matches the document's schema"
	cases := []struct {
		name, body string
		ok         bool
	}{
		{"Get a pet", `{"kind":"cat","meows":true}`, true},
		{"Get a pet", `{"kind":"dog","barks":false}`, true},
		{"Get a pet", `{"kind":"cat"}`, false},
		{"Get a pet", `{"meows":true}`, false},
		{"Get a shape", `{"kind":"square","sides":4,"side":2}`, true},
		{"Get a shape", `{"kind":"circle","radius":1}`, true},
		{"Get a shape", `{"kind":"square","sides":4}`, false},
		{"Get a loop", `{"a":1,"b":2}`, true},
		{"Get a loop", `{"a":1}`, false},
		{"Get a choice", `"text"`, true},
		{"Get a choice", `7`, true},
		{"Get a choice", `true`, false},
		{"List tags", `["a1","b_2"]`, true},
		{"List tags", `["` + strings.Repeat("1", 40) + `!"]`, true}, // the pattern is not checked
		// 0.07 / 0.01 is 7.000000000000001 in floating point.
		{"Get a price", `0.07`, true},
		{"Get a price", `19.99`, true},
		{"Get a price", `0.075`, false},
	}
	var answers []sandboxAnswer
	for _, c := range cases {
		answers = append(answers, sandboxAnswer{ID: ids[c.name], Name: c.name, NoAuth: true, Code: 200, Headers: jsonType, Body: c.body})
	}
	start := time.Now()
	results := runInSandbox(t, collectionTestScript(t, stdout), answers)
	t.Logf("%d answers checked in %v", len(answers), time.Since(start).Round(time.Millisecond))
	for i, c := range cases {
		var found bool
		for _, test := range results[i] {
			if test.Name != c.name+schemaTest {
				continue
			}
			found = true
			if test.Passed != c.ok {
				t.Errorf("%s %s: passed %v, want %v (%s)", c.name, c.body, test.Passed, c.ok, test.Message)
			}
		}
		if !found {
			t.Errorf("%s %s: no schema test among %+v", c.name, c.body, results[i])
		}
	}
}

// itemIDs returns the ids of a collection's requests, by name.
func itemIDs(t *testing.T, collection string) map[string]string {
	t.Helper()
	type item struct {
		ID   string          `json:"id"`
		Name string          `json:"name"`
		Item json.RawMessage `json:"item"`
	}
	ids := map[string]string{}
	var walk func(raw json.RawMessage)
	walk = func(raw json.RawMessage) {
		var items []item
		if err := json.Unmarshal(raw, &items); err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			if it.Item != nil {
				walk(it.Item)
			} else {
				ids[it.Name] = it.ID
			}
		}
	}
	var c struct {
		Item json.RawMessage `json:"item"`
	}
	if err := json.Unmarshal([]byte(collection), &c); err != nil {
		t.Fatal(err)
	}
	walk(c.Item)
	return ids
}

// collectionTestScript returns the collection-level test script of a collection's JSON.
func collectionTestScript(t *testing.T, collection string) string {
	t.Helper()
	var c struct {
		Event []struct {
			Listen string
			Script struct{ Exec []string }
		}
	}
	if err := json.Unmarshal([]byte(collection), &c); err != nil {
		t.Fatal(err)
	}
	for _, e := range c.Event {
		if e.Listen == "test" {
			return strings.Join(e.Script.Exec, "\n")
		}
	}
	t.Fatal("the collection has no test script")
	return ""
}
