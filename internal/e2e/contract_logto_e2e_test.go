//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/gen-postman/gen-postman/internal/apimodel"
	"github.com/gen-postman/gen-postman/internal/openapi"
)

// TestNewmanContractsOfLogtoFailEmptyAnswers runs the collection of Logto's whole document in
// Newman against an API that answers 200 {} to everything, with every path variable set and
// changes allowed, so that all requests but those whose body nothing satisfies are sent. For
// every request sent, the contract
// tests that fail are exactly those a second validator, in Go, says must: the status test where
// the operation lists neither 200, 2XX nor default, the content type test where the answer
// listed is not JSON, and the schema test where {} breaks the schema, as it does every schema
// with required properties. Newman's verdicts (ajv in Postman's sandbox) and Go's (a draft-07
// validator of its own) must agree request by request.
func TestNewmanContractsOfLogtoFailEmptyAnswers(t *testing.T) {
	if schemaFailures := checkEmptyAnswers(t, "Logto", "logto-management-api.cloud.json"); schemaFailures == 0 {
		t.Error("no schema test failed on {}: the test proves nothing")
	}
}

// checkEmptyAnswers runs the collection of a real document against an API that answers {}, and
// holds each request's failing contract tests to those a validator in Go says must fail. It
// returns how many requests' schema tests failed.
func checkEmptyAnswers(t *testing.T, title, file string) (schemaFailures int) {
	t.Helper()
	docPath := realDocument(t, file)
	client := loadClients(t)["m2m-basic"]
	srv := startOAuthServer(t, "ES384", 3600)
	api, received := emptyAnswers(t)
	t.Setenv(envClientSecret, client.Secret)
	collection, environment := generateFiles(t, srv, "--client-id", client.ID, "--openapi", docPath)
	data, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := openapi.Parse(data, openapi.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// {} fills no id: each path variable is given one, and the run may change what it did not
	// create, so that every request the document allows is sent.
	args := []string{"-e", environment, "--env-var", "baseUrl=" + api.URL, "--env-var", "changeExisting=true"}
	for _, v := range doc.Variables {
		args = append(args, "--env-var", v.Name+"=id-1")
	}
	run, console, _ := runNewman(t, append([]string{collection}, args...)...)

	byName := map[string]apimodel.Request{}
	for _, f := range doc.Folders {
		for _, r := range f.Requests {
			if len(r.Responses) == 0 {
				t.Errorf("%q lists no responses: every %s operation does", r.Name, title)
			}
			byName[r.Name] = r
		}
	}
	emptyValid := emptyObjectVerdicts(t, doc.Schemas)

	// What failed, by request and test, from Newman's report.
	failed := map[string]bool{}
	for _, f := range run.Run.Failures {
		if isContractTest(f.Error.Test) {
			failed[f.Error.Test] = true
			if !strings.HasPrefix(f.Error.Message, f.Source.Name+": ") {
				t.Errorf("failure %q does not start with the request's name %q", f.Error.Message, f.Source.Name)
			}
		}
	}
	checked := map[string]bool{}
	for _, name := range assertionNames(t, run) {
		if request, ok := strings.CutSuffix(name, contractTestNames[0]); ok {
			checked[request] = true
		}
	}
	if got := int(received.Load()); len(checked) != got || got == 0 {
		t.Errorf("contract tests on %d requests, the API received %d: want every request checked", len(checked), got)
	}
	failing := 0
	for name := range checked {
		r, ok := byName[name]
		if !ok {
			t.Errorf("%q is not an operation of the document", name)
			continue
		}
		want := expectedEmptyFailures(r, emptyValid)
		for i, suffix := range contractTestNames {
			test := name + suffix
			if failed[test] != want[i] {
				t.Errorf("%q failed: %v, want %v (responses %+v)", test, failed[test], want[i], r.Responses)
			}
		}
		if want[0] || want[1] || want[2] {
			failing++
		}
		if want[2] {
			schemaFailures++
		}
	}
	t.Logf("%s against {}: %d of %d requests sent, %d with contract tests failing (%d on the schema), %d tests, %d failed",
		title, len(checked), len(byName), failing, schemaFailures, run.Run.Stats.Assertions.Total, run.Run.Stats.Assertions.Failed)
	if t.Failed() {
		t.Logf("newman output:\n%s", console)
	}
	return schemaFailures
}

// expectedEmptyFailures says which of a request's contract tests (status, content type, schema)
// fail on a 200 application/json answer {}.
func expectedEmptyFailures(r apimodel.Request, emptyValid map[string]bool) [3]bool {
	var match *apimodel.Response
	for _, key := range []string{"200", "2XX", "default"} {
		for i := range r.Responses {
			if r.Responses[i].Status == key && match == nil {
				match = &r.Responses[i]
			}
		}
	}
	if match == nil {
		return [3]bool{true, false, false}
	}
	if r.Method == "HEAD" {
		return [3]bool{}
	}
	var out [3]bool
	jsonListed := len(match.ContentTypes) == 0
	for _, ct := range match.ContentTypes {
		mt := strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
		if mt == "application/json" || mt == "application/*" || mt == "*/*" {
			jsonListed = true
		}
	}
	out[1] = !jsonListed
	out[2] = match.Schema != "" && !emptyValid[match.Schema]
	return out
}

// emptyObjectVerdicts compiles the collection's schemas with a draft-07 validator of Go's and
// says, for each, whether {} is valid.
func emptyObjectVerdicts(t *testing.T, schemas map[string]json.RawMessage) map[string]bool {
	t.Helper()
	defs := map[string]any{}
	for name, s := range schemas {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(string(s)))
		if err != nil {
			t.Fatalf("schema %s: %v", name, err)
		}
		defs[name] = v
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	if err := c.AddResource("answers.json", map[string]any{"definitions": defs}); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for name := range schemas {
		s, err := c.Compile("answers.json#/definitions/" + name)
		if err != nil {
			t.Fatalf("compiling %s: %v", name, err)
		}
		out[name] = s.Validate(map[string]any{}) == nil
	}
	return out
}
