package generate

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/apimodel"
	"github.com/gen-postman/gen-postman/internal/baseline"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
)

// contractsAPI has a request whose answers the document lists and one whose it does not.
func contractsAPI() *apimodel.API {
	return &apimodel.API{
		Folders: []apimodel.Folder{{Name: "Applications", Requests: []apimodel.Request{
			{Name: "List applications", OperationID: "ListApplications", Method: "GET", Path: "/applications",
				Responses: []apimodel.Response{{Status: "200", ContentTypes: []string{"application/json"}, Schema: "Applications"}, {Status: "default"}}},
			{Name: "Ping", Method: "GET", Path: "/ping"},
		}}},
		Schemas: map[string]json.RawMessage{
			"Applications": json.RawMessage(`{"type": "array", "items": {"$ref": "#/definitions/Application"}}`),
			"Application":  json.RawMessage(`{"type": "object", "required": ["id"], "description": "<b>&</b>"}`),
		},
	}
}

// testScriptOf returns the collection-level test script of p's collection.
func testScriptOf(t *testing.T, p *profile.Profile) string {
	t.Helper()
	c, err := newCollection(p)
	if err != nil {
		t.Fatal(err)
	}
	events, err := c.Events()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if e.Listen == postman.ListenTest {
			return strings.Join(e.Script.Exec, "\n")
		}
	}
	t.Fatal("the collection has no test script")
	return ""
}

// tableOf decodes the JSON table the script writes as const name = {...};.
func tableOf(t *testing.T, script, name string, v any) {
	t.Helper()
	m := regexp.MustCompile(`(?m)^const ` + name + ` = (.*);$`).FindStringSubmatch(script)
	if m == nil {
		t.Fatalf("the script has no table %s", name)
	}
	if err := json.Unmarshal([]byte(m[1]), v); err != nil {
		t.Fatalf("table %s: %v", name, err)
	}
}

// TestContractTables checks that the collection's test script lists the answers of each request
// the document lists answers for, by its item id, with the schemas once and compact; and that
// --no-contract-tests leaves them out.
func TestContractTables(t *testing.T) {
	p := resolve(t, profile.Options{Tenant: "acme", API: contractsAPI()})
	script := testScriptOf(t, p)
	var contracts map[string][][]string
	tableOf(t, script, "contracts", &contracts)
	listID := baseline.ItemID(baseline.Key("ListApplications", "GET", "/applications"))
	want := [][]string{{"200", "Applications", "application/json"}, {"default"}}
	if len(contracts) != 1 || !reflect.DeepEqual(contracts[listID], want) {
		t.Fatalf("contracts = %q, want %q under %s, the id of List applications", contracts, want, listID)
	}
	var schemas map[string]json.RawMessage
	tableOf(t, script, "schemas", &schemas)
	if len(schemas) != 2 || string(schemas["Applications"]) != `{"type":"array","items":{"$ref":"#/definitions/Application"}}` {
		t.Errorf("schemas = %s, want both, compact", schemas)
	}
	if !strings.Contains(script, `\u003cb\u003e\u0026\u003c/b\u003e`) {
		t.Error("a schema's text is not escaped for a script")
	}

	off := resolve(t, profile.Options{Tenant: "acme", API: contractsAPI(), NoContractTests: true})
	if script := testScriptOf(t, off); strings.Contains(script, "contracts") || strings.Contains(script, "schemas") {
		t.Error("--no-contract-tests wrote contract tests")
	}
	// A collection none of whose requests lists answers yet (a document without them, or a
	// preset's requests alone) carries the contract tests' code with empty tables, so that
	// update brings the answers of the requests it adds.
	none := contractsAPI()
	none.Folders[0].Requests[0].Responses = nil
	for name, opts := range map[string]profile.Options{
		"a document that lists no answers": {Tenant: "acme", API: none},
		"a preset's requests":              {Tenant: "acme"},
	} {
		script := testScriptOf(t, resolve(t, opts))
		var contracts, schemas map[string]json.RawMessage
		tableOf(t, script, "contracts", &contracts)
		tableOf(t, script, "schemas", &schemas)
		if len(contracts) != 0 || len(schemas) != 0 || !strings.Contains(script, "checkContract(") {
			t.Errorf("%s: contracts %s, schemas %s, want the contract tests' code with empty tables", name, contracts, schemas)
		}
	}
}
