//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/templates"
)

// sandboxAnswer is one answer test-script.js runs the test script on.
type sandboxAnswer struct {
	ID      string            `json:"id"`
	Name    string            `json:"name"`
	Method  string            `json:"method,omitempty"`
	NoAuth  bool              `json:"noauth,omitempty"`
	Code    int               `json:"code"`
	Headers map[string]string `json:"headers,omitempty"`
	Body    string            `json:"body,omitempty"`
}

// sandboxTest is one test the script made: its name, and the message of a failure.
type sandboxTest struct {
	Name    string `json:"name"`
	Passed  bool   `json:"passed"`
	Message string `json:"message"`
}

// runInSandbox runs script in Postman's sandbox on each answer and returns the tests of each.
func runInSandbox(t *testing.T, script string, answers []sandboxAnswer) [][]sandboxTest {
	t.Helper()
	requireNode(t)
	file := filepath.Join(t.TempDir(), "answers.json")
	data, err := json.Marshal(map[string]any{"script": script, "answers": answers})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", "test-script.js", file)
	cmd.Dir = e2eDir
	out, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if exit, ok := err.(*exec.ExitError); ok {
			stderr = exit.Stderr
		}
		t.Fatalf("node test-script.js: %v\n%s", err, stderr)
	}
	var runs []json.RawMessage
	if err := json.Unmarshal(out, &runs); err != nil || len(runs) != len(answers) {
		t.Fatalf("test-script.js printed %q (%v), want %d runs", out, err, len(answers))
	}
	results := make([][]sandboxTest, len(runs))
	for i, run := range runs {
		if err := json.Unmarshal(run, &results[i]); err != nil {
			t.Fatalf("%s: the script threw: %s", answers[i].Name, run)
		}
	}
	return results
}

// contractSchemas are the schemas of the contract tests below, as the model writes them.
var contractSchemas = map[string]json.RawMessage{
	"Application": json.RawMessage(`{"type":"object","required":["id","name"],"properties":{"id":{"type":"string"},` +
		`"name":{"type":"string"},"secret":{"type":"string","nullable":true},"owner":{"$ref":"#/definitions/Owner"},` +
		`"kind":{"anyOf":[{"type":"string","enum":["spa","m2m"]},{"type":"integer"}]},"created":{"type":"string","format":"date-time"}}}`),
	"Owner":        json.RawMessage(`{"type":"object","properties":{"id":{"type":"integer"}}}`),
	"Applications": json.RawMessage(`{"type":"array","items":{"$ref":"#/definitions/Application"}}`),
	"Error":        json.RawMessage(`{"type":"object","required":["code"],"properties":{"code":{"type":"string"}}}`),
	"Broken":       json.RawMessage(`{"$ref":"#/definitions/Missing"}`),
	"a/b~c d%":     json.RawMessage(`{"type":"object","required":["ok"]}`),
	"Exact":        json.RawMessage(`{"type":"object","required":["exact"]}`),
}

// TestContractTestsInTheSandbox runs the collection's test script in Postman's sandbox, ajv
// and all, on answers that match what the document lists and on answers that do not: each
// failure names the request, where the answer fails and the schema path.
func TestContractTestsInTheSandbox(t *testing.T) {
	jsonOnly := []string{"application/json"}
	contracts := templates.Contracts{
		Responses: map[string][]templates.ListedResponse{
			"list":    {{Status: "200", ContentTypes: jsonOnly, Schema: "Applications"}, {Status: "4xx", ContentTypes: jsonOnly, Schema: "Error"}},
			"create":  {{Status: "201", ContentTypes: jsonOnly, Schema: "Application"}, {Status: "default", ContentTypes: []string{"application/*"}, Schema: "Error"}},
			"delete":  {{Status: "204"}, {Status: "401", ContentTypes: jsonOnly, Schema: "Error"}},
			"broken":  {{Status: "200", ContentTypes: jsonOnly, Schema: "Broken"}},
			"escaped": {{Status: "200", ContentTypes: []string{"*/*"}, Schema: "a/b~c d%"}},
			"order":   {{Status: "default", ContentTypes: jsonOnly, Schema: "Error"}, {Status: "2XX", ContentTypes: jsonOnly, Schema: "Error"}, {Status: "200", ContentTypes: jsonOnly, Schema: "Exact"}},
			"text":    {{Status: "200", ContentTypes: []string{"application/json", "text/csv"}, Schema: "Applications"}},
			"params":  {{Status: "200", ContentTypes: []string{"application/json; charset=utf-8", "text/*"}, Schema: "Error"}},
		},
		Schemas: contractSchemas,
	}
	script, err := templates.TestScript(nil, contracts)
	if err != nil {
		t.Fatal(err)
	}
	jsonType := map[string]string{"Content-Type": "application/json; charset=utf-8"}
	const (
		status  = ": the status is one the document lists"
		typ     = ": the content type is one the document lists"
		schema  = ": the answer matches the document's schema"
		token   = "gen-postman: an access token was obtained"
		refused = "the API accepts the token (not 401 or 403)"
	)
	type want struct {
		name string
		pass bool
		// message is what a failure's message is, or begins with when it ends in "…".
		message string
	}
	ok := func(name string) want { return want{name: name, pass: true} }
	fail := func(name, message string) want { return want{name: name, message: message} }
	cases := []struct {
		answer sandboxAnswer
		want   []want
	}{
		{sandboxAnswer{ID: "list", Name: "List applications", Code: 200, Headers: jsonType,
			Body: `[{"id":"a1","name":"one","secret":null,"kind":"m2m","owner":{"id":7},"created":"not a date","extra":true}]`},
			[]want{ok("List applications" + status), ok("List applications" + typ), ok("List applications" + schema)}},
		{sandboxAnswer{ID: "list", Name: "List applications", Code: 200, Headers: jsonType, Body: `[{"id":1,"name":"one"}]`},
			[]want{ok("List applications" + status), ok("List applications" + typ),
				fail("List applications"+schema, "List applications: 200 answer at /0/id: should be string (schema #/definitions/Application/properties/id/type)")}},
		{sandboxAnswer{ID: "list", Name: "List applications", Code: 200, Headers: jsonType, Body: `[{"id":"a","name":"n","owner":{"id":"x"}}]`},
			[]want{ok("List applications" + status), ok("List applications" + typ),
				fail("List applications"+schema, "List applications: 200 answer at /0/owner/id: should be integer (schema #/definitions/Owner/properties/id/type)")}},
		{sandboxAnswer{ID: "list", Name: "List applications", Code: 200, Headers: jsonType, Body: `[{"id":"a","name":"n","kind":true}]`},
			[]want{ok("List applications" + status), ok("List applications" + typ),
				fail("List applications"+schema, "List applications: 200 answer at /0/kind: should be string (schema #/definitions/Application/properties/kind/anyOf/0/type); "+
					"at /0/kind: should match some schema in anyOf (schema #/definitions/Application/properties/kind/anyOf)")}},
		// A range matches in any case, and an error answer is checked too.
		{sandboxAnswer{ID: "list", Name: "List applications", Code: 404, Headers: jsonType, Body: `{"code":"not_found"}`},
			[]want{ok("List applications" + status), ok("List applications" + typ), ok("List applications" + schema)}},
		{sandboxAnswer{ID: "list", Name: "List applications", Code: 500, Headers: jsonType, Body: `{}`},
			[]want{fail("List applications"+status, "List applications: HTTP 500 is not an answer the document lists (200, 4xx)")}},
		{sandboxAnswer{ID: "list", Name: "List applications", Code: 200, Headers: map[string]string{"Content-Type": "text/html"}, Body: `<html></html>`},
			[]want{ok("List applications" + status),
				fail("List applications"+typ, "List applications: 200 answer of type text/html, the document lists application/json"),
				fail("List applications"+schema, "List applications: 200 answer is not JSON: …")}},
		{sandboxAnswer{ID: "list", Name: "List applications", Code: 200, Body: ``},
			[]want{ok("List applications" + status),
				fail("List applications"+typ, "List applications: 200 answer without a Content-Type, the document lists application/json"),
				fail("List applications"+schema, "List applications: 200 answer is not JSON: …")}},
		// An answer of another type the document lists has no schema to meet.
		{sandboxAnswer{ID: "text", Name: "Export", Code: 200, Headers: map[string]string{"Content-Type": "text/csv"}, Body: "id\n1\n"},
			[]want{ok("Export" + status), ok("Export" + typ)}},
		{sandboxAnswer{ID: "create", Name: "Create an application", Method: "POST", Code: 201, Headers: jsonType, Body: `{}`},
			[]want{ok("Create an application" + status), ok("Create an application" + typ),
				fail("Create an application"+schema, "Create an application: 201 answer should have required property 'id' (schema #/definitions/Application/required)")}},
		// default takes what the document lists no code for; application/* takes problem+json.
		{sandboxAnswer{ID: "create", Name: "Create an application", Method: "POST", Code: 409, Headers: map[string]string{"Content-Type": "Application/Problem+JSON"}, Body: `{"code":"taken"}`},
			[]want{ok("Create an application" + status), ok("Create an application" + typ), ok("Create an application" + schema)}},
		// A listed answer without a body has nothing more to check.
		{sandboxAnswer{ID: "delete", Name: "Delete an application", Method: "DELETE", Code: 204},
			[]want{ok("Delete an application" + status)}},
		// The exact code comes before the range, the range before default.
		{sandboxAnswer{ID: "order", Name: "Order", Code: 200, Headers: jsonType, Body: `{"code":"x"}`},
			[]want{ok("Order" + status), ok("Order" + typ), fail("Order"+schema, "Order: 200 answer should have required property 'exact' (schema #/definitions/Exact/required)")}},
		{sandboxAnswer{ID: "order", Name: "Order", Code: 202, Headers: jsonType, Body: `{"exact":1}`},
			[]want{ok("Order" + status), ok("Order" + typ), fail("Order"+schema, "Order: 202 answer should have required property 'code' (schema #/definitions/Error/required)")}},
		{sandboxAnswer{ID: "order", Name: "Order", Code: 302, Headers: jsonType, Body: `{"code":"x"}`},
			[]want{ok("Order" + status), ok("Order" + typ), ok("Order" + schema)}},
		// A schema name is escaped in the reference ajv resolves.
		{sandboxAnswer{ID: "escaped", Name: "Escaped", Code: 200, Headers: jsonType, Body: `{}`},
			[]want{ok("Escaped" + status), ok("Escaped" + typ), fail("Escaped"+schema, "Escaped: 200 answer should have required property 'ok' (schema #/definitions/a~1b~0c d%/required)")}},
		{sandboxAnswer{ID: "broken", Name: "Broken", Code: 200, Headers: jsonType, Body: `{}`},
			[]want{ok("Broken" + status), ok("Broken" + typ), fail("Broken"+schema, "Broken: the document's schema Broken cannot be checked: …")}},
		// A HEAD answer has no body to check.
		{sandboxAnswer{ID: "list", Name: "List applications", Method: "HEAD", Code: 200, Headers: jsonType},
			[]want{ok("List applications" + status)}},
		// A listed type's parameters are not compared; text/* takes any text.
		{sandboxAnswer{ID: "params", Name: "Params", Code: 200, Headers: map[string]string{"Content-Type": "application/json"}, Body: `{"code":"x"}`},
			[]want{ok("Params" + status), ok("Params" + typ), ok("Params" + schema)}},
		{sandboxAnswer{ID: "params", Name: "Params", Code: 200, Headers: map[string]string{"Content-Type": "text/plain; charset=utf-8"}, Body: "ok"},
			[]want{ok("Params" + status), ok("Params" + typ)}},
		// A request the document lists nothing for has no contract tests.
		{sandboxAnswer{ID: "other", Name: "Other", Code: 500, Headers: jsonType, Body: `{}`}, nil},
		// An id a hand-edited collection may give, that names what every object has: no table
		// entry, no contract tests, and the script goes on.
		{sandboxAnswer{ID: "constructor", Name: "Edited", Code: 200, Headers: jsonType, Body: `{}`}, nil},
		{sandboxAnswer{ID: "__proto__", Name: "Edited", Code: 200, Headers: jsonType, Body: `{}`}, nil},
	}
	var answers []sandboxAnswer
	for _, c := range cases {
		answers = append(answers, c.answer)
	}
	// Besides the contract tests, a request with a token has the two token tests first.
	tokenTests := []want{ok(token), ok(refused)}
	answers = append(answers,
		// A refused token fails the run first; an answer the document does not list for it
		// (default aside) adds nothing.
		sandboxAnswer{ID: "delete", Name: "Delete an application", Method: "DELETE", Code: 403, Headers: jsonType, Body: `{"error":"insufficient_scope"}`},
		sandboxAnswer{ID: "create", Name: "Create an application", Method: "POST", Code: 401, Headers: jsonType, Body: `{}`},
		// A 401 the document lists, by its code or its range, is checked.
		sandboxAnswer{ID: "delete", Name: "Delete an application", Method: "DELETE", Code: 401, Headers: jsonType, Body: `{}`},
		sandboxAnswer{ID: "list", Name: "List applications", Code: 401, Headers: jsonType, Body: `{"code":"invalid_token"}`},
		// A public request that gets a 403 the document does not list fails the status test.
		sandboxAnswer{ID: "delete", Name: "Delete an application", Method: "DELETE", NoAuth: true, Code: 403},
	)
	refusedWith := func(code string) want {
		return fail(refused, "HTTP status: expected "+code+" to not be one of [ 401, 403 ]")
	}
	tail := [][]want{
		{ok(token), refusedWith("403")},
		{ok(token), refusedWith("401")},
		{ok(token), refusedWith("401"), ok("Delete an application" + status), ok("Delete an application" + typ),
			fail("Delete an application"+schema, "Delete an application: 401 answer should have required property 'code' (schema #/definitions/Error/required)")},
		{ok(token), refusedWith("401"), ok("List applications" + status), ok("List applications" + typ), ok("List applications" + schema)},
		{fail("Delete an application"+status, "Delete an application: HTTP 403 is not an answer the document lists (204, 401)")},
	}
	results := runInSandbox(t, script, answers)
	for i, got := range results {
		expected := tail[max(i-len(cases), 0)]
		if i < len(cases) {
			expected = append(slices.Clone(tokenTests), cases[i].want...)
		}
		a := answers[i]
		if len(got) != len(expected) {
			t.Errorf("%s, HTTP %d: %d tests %+v, want %d %+v", a.Name, a.Code, len(got), got, len(expected), expected)
			continue
		}
		for j, w := range expected {
			g := got[j]
			matches := g.Message == w.message
			if prefix, cut := strings.CutSuffix(w.message, "…"); cut {
				matches = strings.HasPrefix(g.Message, prefix)
			}
			if g.Name != w.name || g.Passed != w.pass || !matches {
				t.Errorf("%s, HTTP %d: test %d is %q passed %v %q, want %q passed %v %q", a.Name, a.Code, j, g.Name, g.Passed, g.Message, w.name, w.pass, w.message)
			}
		}
	}
}
