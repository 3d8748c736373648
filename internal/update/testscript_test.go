package update

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/generate"
	"github.com/gen-postman/gen-postman/internal/baseline"
	"github.com/gen-postman/gen-postman/internal/openapi"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/templates"
)

// freshWithout generates the collection of a document as fresh does, with --no-contract-tests.
func freshWithout(t testing.TB, doc []byte) *postman.Collection {
	t.Helper()
	d, err := openapi.Parse(doc, openapi.Options{Tenant: "acme", NoContracts: true})
	if err != nil {
		t.Fatalf("parsing the document: %v", err)
	}
	p, err := profile.Resolve(profile.Options{Provider: "kinde", Tenant: "acme", ClientID: "client", API: d.API(), NoContractTests: true})
	if err != nil {
		t.Fatalf("resolving the profile: %v", err)
	}
	c, _, err := generate.Build(p)
	if err != nil {
		t.Fatalf("generating: %v", err)
	}
	return c
}

// testSource is the source of a collection file's test script.
func testSource(t testing.TB, c tree) string {
	t.Helper()
	events, _ := c["event"].([]any)
	for _, e := range events {
		if e := e.(tree); e["listen"] == "test" {
			var lines []string
			for _, l := range e["script"].(tree)["exec"].([]any) {
				lines = append(lines, l.(string))
			}
			return strings.Join(lines, "\n")
		}
	}
	t.Fatal("the collection has no test script")
	return ""
}

// tablesOf reads the tables of a collection file's test script.
func tablesOf(t testing.TB, c tree) *templates.TestTables {
	t.Helper()
	tables, err := templates.ReadTestScript(testSource(t, c))
	if err != nil {
		t.Fatalf("reading the test script's tables: %v", err)
	}
	return tables
}

// idOf is the item id of the request named name.
func idOf(t testing.TB, c tree, name string) string {
	t.Helper()
	id, _ := mustRequest(t, c, name).item["id"].(string)
	if id == "" {
		t.Fatalf("request %q has no id", name)
	}
	return id
}

// TestUpdateRefreshesScriptTables updates a collection of things v1 to v2, which adds two
// widget operations and requires a thing's name: the test script is then exactly the one
// generate writes for v2, with the new requests' fills and contracts and the new schemas, and
// a second update changes no byte.
func TestUpdateRefreshesScriptTables(t *testing.T) {
	v1 := encode(t, fresh(t, readDoc(t, "things-v1.yaml")))
	v2 := readDoc(t, "things-v2.yaml")
	out, report := update(t, v1, v2, Options{})
	if report.ScriptTables != TablesRefreshed || !report.Changed {
		t.Errorf("ScriptTables %q, Changed %v; want %q, true", report.ScriptTables, report.Changed, TablesRefreshed)
	}
	c := decode(t, out)
	want := decode(t, encode(t, fresh(t, v2)))
	if got, want := testSource(t, c), testSource(t, want); got != want {
		t.Errorf("the updated test script is not the one generate writes for v2")
	}
	checkTables(t, c, want)
	tables := tablesOf(t, c)
	create := idOf(t, c, "Create a widget")
	if got := string(tables.Answers[create]); got != `[{"variable":"widgetId","fields":["widgetId","id"],"created":true}]` {
		t.Errorf("Create a widget fills %s", got)
	}
	if got := string(tables.Responses[create]); got != `[["201","Widget","application/json"]]` {
		t.Errorf("Create a widget's listed responses: %s", got)
	}
	if got := string(tables.Responses[idOf(t, c, "Get a widget")]); got != `[["200","Widget","application/json"]]` {
		t.Errorf("Get a widget's listed responses: %s", got)
	}
	if got := string(tables.Schemas["Thing"]); !strings.Contains(got, `"required":["id","name"]`) {
		t.Errorf("the schema Thing is not v2's: %s", got)
	}
	if _, ok := tables.Schemas["Widget"]; !ok {
		t.Error("no schema Widget")
	}
	var text bytes.Buffer
	if err := report.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "test script    tables refreshed") {
		t.Errorf("the report does not say the tables were refreshed:\n%s", text.String())
	}

	again, report := update(t, out, v2, Options{})
	if report.Changed || report.ScriptTables != TablesUnchanged || !bytes.Equal(again, out) {
		t.Errorf("a second update: Changed %v, ScriptTables %q, same bytes %v; want false, %q, true",
			report.Changed, report.ScriptTables, bytes.Equal(again, out), TablesUnchanged)
	}
}

// TestUpdateScriptTablesFollowTheCollection checks that the tables cover the requests the
// collection holds after the update, under the ids they have there: a request the user
// deleted has none, one whose id the app replaced is found by its method and path and keeps
// its id, and a new request that uses a variable of its own in place of the user's fills that
// one, never the user's.
func TestUpdateScriptTablesFollowTheCollection(t *testing.T) {
	v1 := encode(t, fresh(t, readDoc(t, "things-v1.yaml")))
	var deletedID string
	file := edited(t, v1, func(c tree) {
		things := folderNamed(c, "things")
		deletedID = removeItem(things, "Delete a thing")["id"].(string)
		mustRequest(t, c, "Get a thing").item["id"] = "replaced-by-the-app"
		c["variable"] = append(c["variable"].([]any), tree{"key": "widgetId", "value": "mine", "type": "string"})
	})
	out, report := update(t, file, readDoc(t, "things-v2.yaml"), Options{})
	if report.ScriptTables != TablesRefreshed {
		t.Fatalf("ScriptTables %q, want %q", report.ScriptTables, TablesRefreshed)
	}
	c := decode(t, out)
	tables := tablesOf(t, c)
	if _, ok := tables.Responses[deletedID]; ok {
		t.Error("the request the user deleted has contract tests")
	}
	if got := string(tables.Responses["replaced-by-the-app"]); !strings.Contains(got, `"Thing"`) {
		t.Errorf("the request whose id the app replaced has the listed responses %s", got)
	}
	var ids []string
	for id := range tables.Responses {
		ids = append(ids, id)
	}
	want := []string{idOf(t, c, "List things"), idOf(t, c, "Create a thing"), "replaced-by-the-app", idOf(t, c, "Create a widget"), idOf(t, c, "Get a widget")}
	slices.Sort(ids)
	slices.Sort(want)
	if !slices.Equal(ids, want) {
		t.Errorf("the contracts cover %v, want %v", ids, want)
	}
	if !slices.ContainsFunc(report.VariablesRenamed, func(r VariableRename) bool { return r.Variable == "widgetId" }) {
		t.Fatalf("widgetId is not renamed: %+v", report.VariablesRenamed)
	}
	fills := string(tables.Answers[idOf(t, c, "Create a widget")])
	if !strings.Contains(fills, `"variable":"widgetIdParam"`) || strings.Contains(fills, `"variable":"widgetId"`) {
		t.Errorf("Create a widget fills %s, want widgetIdParam and never the user's widgetId", fills)
	}
}

// TestUpdateKeepsEditedTestScript leaves a test script the user edited as it is, and says
// that its tables were not refreshed and how to get them.
func TestUpdateKeepsEditedTestScript(t *testing.T) {
	v1 := encode(t, fresh(t, readDoc(t, "things-v1.yaml")))
	var script string
	file := edited(t, v1, func(c tree) {
		for _, e := range c["event"].([]any) {
			if e := e.(tree); e["listen"] == "test" {
				s := e["script"].(tree)
				s["exec"] = append(s["exec"].([]any), "pm.test('mine', () => {});")
			}
		}
		script = testSource(t, c)
	})
	out, report := update(t, file, readDoc(t, "things-v2.yaml"), Options{})
	if report.ScriptTables != TablesEdited {
		t.Errorf("ScriptTables %q, want %q", report.ScriptTables, TablesEdited)
	}
	if got := testSource(t, decode(t, out)); got != script {
		t.Error("the edited test script was changed")
	}
	var text bytes.Buffer
	if err := report.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"test script    not refreshed", "the 2 requests added fill no ids", "generate the collection again"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the report does not say %q:\n%s", want, text.String())
		}
	}
	var js bytes.Buffer
	if err := report.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(js.String(), `"scriptTables": "edited"`) {
		t.Errorf("--json does not say scriptTables edited:\n%s", js.String())
	}
}

// TestUpdateWithoutContractTests keeps a collection generated with --no-contract-tests without
// them, whatever the fresh collection carries, and refreshes its fills.
func TestUpdateWithoutContractTests(t *testing.T) {
	v1 := encode(t, freshWithout(t, readDoc(t, "things-v1.yaml")))
	for name, freshOf := range map[string]func(testing.TB, []byte) *postman.Collection{
		"fresh without contract tests": freshWithout,
		"fresh with contract tests":    fresh,
	} {
		t.Run(name, func(t *testing.T) {
			cur := load(t, v1)
			target, err := Open(cur)
			if err != nil {
				t.Fatal(err)
			}
			if target.ChecksContracts() {
				t.Error("ChecksContracts is true for a collection without contract tests")
			}
			report, err := target.Merge(freshOf(t, readDoc(t, "things-v2.yaml")), Options{})
			if err != nil {
				t.Fatal(err)
			}
			c := decode(t, encode(t, cur))
			if report.ScriptTables != TablesRefreshed || report.ContractTests {
				t.Errorf("ScriptTables %q, ContractTests %v; want %q, false", report.ScriptTables, report.ContractTests, TablesRefreshed)
			}
			var text bytes.Buffer
			if err := report.WriteText(&text); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(text.String(), "it has no contract tests") {
				t.Errorf("the report does not say the collection has no contract tests:\n%s", text.String())
			}
			source := testSource(t, c)
			if strings.Contains(source, "contract tests") || strings.Contains(source, "const contracts") {
				t.Error("the update added contract tests to a collection generated without them")
			}
			if got := string(tablesOf(t, c).Answers[idOf(t, c, "Create a widget")]); !strings.Contains(got, `"widgetId"`) {
				t.Errorf("Create a widget fills %s", got)
			}
		})
	}
}

// TestChecksContracts says the answers are read for a collection with contract tests only.
func TestChecksContracts(t *testing.T) {
	target, err := Open(fresh(t, readDoc(t, "things-v1.yaml")))
	if err != nil {
		t.Fatal(err)
	}
	if !target.ChecksContracts() {
		t.Error("ChecksContracts is false for a collection with contract tests")
	}
	edited := load(t, edited(t, encode(t, fresh(t, readDoc(t, "things-v1.yaml"))), func(c tree) {
		c["event"] = []any{c["event"].([]any)[0]} // the test script removed
	}))
	target, err = Open(edited)
	if err != nil {
		t.Fatal(err)
	}
	if target.ChecksContracts() {
		t.Error("ChecksContracts is true for a collection without a test script")
	}
	report, err := target.Merge(fresh(t, readDoc(t, "things-v2.yaml")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if report.ScriptTables != TablesEdited {
		t.Errorf("ScriptTables %q, want %q", report.ScriptTables, TablesEdited)
	}
	if raw, _ := edited.Member("event"); bytes.Contains(raw, []byte(`"test"`)) {
		t.Error("the update put back the test script the user removed")
	}
}

// checkTables checks that the tables of the collection file c's test script are those of
// fresh's, the collection generate writes for the same document, for the requests c holds
// (found by the ids they have in both), and for no other.
func checkTables(t testing.TB, c, fresh tree) {
	t.Helper()
	got, want := tablesOf(t, c), tablesOf(t, fresh)
	ids := map[string]bool{}
	var walk func(h tree)
	walk = func(h tree) {
		items, _ := h["item"].([]any)
		for _, it := range items {
			item := it.(tree)
			if _, isFolder := item["item"]; isFolder {
				walk(item)
			} else if id, _ := item["id"].(string); id != "" {
				ids[id] = true
			}
		}
	}
	walk(c)
	for name, table := range map[string][2]map[string]json.RawMessage{
		"answers": {got.Answers, want.Answers}, "contracts": {got.Responses, want.Responses}} {
		for id, entry := range table[0] {
			if !ids[id] {
				t.Errorf("%s: an entry for %s, which the collection has no request of", name, id)
			} else if w, ok := table[1][id]; ok && string(w) != string(entry) {
				t.Errorf("%s of %s: %s, want %s", name, id, entry, w)
			}
		}
		for id, w := range table[1] {
			if _, ok := table[0][id]; ids[id] && !ok {
				t.Errorf("%s: no entry for %s, want %s", name, id, w)
			}
		}
	}
	if got.Contracts != want.Contracts || len(got.Schemas) != len(want.Schemas) {
		t.Errorf("contract tests %v with %d schemas, want %v with %d", got.Contracts, len(got.Schemas), want.Contracts, len(want.Schemas))
	}
	for name, w := range want.Schemas {
		if string(got.Schemas[name]) != string(w) {
			t.Errorf("schema %s: %s, want %s", name, got.Schemas[name], w)
		}
	}
}

// TestUpdateRefreshesAnOlderVersionsScript refreshes a test script whose code another version of
// gen-postman wrote, as the record of the generation says, and brings this version's code; a
// script of that code that the record does not vouch for is the user's, and kept.
func TestUpdateRefreshesAnOlderVersionsScript(t *testing.T) {
	v1 := encode(t, fresh(t, readDoc(t, "things-v1.yaml")))
	older := func(vouched bool) []byte {
		return edited(t, v1, func(c tree) {
			for _, e := range c["event"].([]any) {
				if e := e.(tree); e["listen"] == "test" {
					s := e["script"].(tree)
					exec := s["exec"].([]any)
					s["exec"] = append([]any{"// an older version's first line"}, exec[1:]...)
				}
			}
			if !vouched {
				return
			}
			code, err := templates.TestScriptCode(testSource(t, c))
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range c["variable"].([]any) {
				if v := v.(tree); v["key"] == baseline.VarName {
					rec, err := baseline.Parse(v["value"].(string))
					if err != nil {
						t.Fatal(err)
					}
					rec.TestScript = baseline.Hash(code)
					v["value"] = rec.String()
				}
			}
		})
	}
	v2 := readDoc(t, "things-v2.yaml")
	out, report := update(t, older(true), v2, Options{})
	if report.ScriptTables != TablesRefreshed {
		t.Errorf("the older version's script: ScriptTables %q, want %q", report.ScriptTables, TablesRefreshed)
	}
	if got, want := testSource(t, decode(t, out)), testSource(t, decode(t, encode(t, fresh(t, v2)))); got != want {
		t.Error("the older version's script is not the one this version writes for v2")
	}
	if _, report := update(t, out, v2, Options{}); report.Changed {
		t.Error("a second update changed the collection")
	}

	file := older(false)
	out, report = update(t, file, v2, Options{})
	if report.ScriptTables != TablesEdited {
		t.Errorf("a script the record does not vouch for: ScriptTables %q, want %q", report.ScriptTables, TablesEdited)
	}
	if testSource(t, decode(t, out)) != testSource(t, decode(t, file)) {
		t.Error("the script the record does not vouch for was changed")
	}
}

// TestUpdateKeepsContractTestsWithoutRequests keeps the contract tests' code in a collection
// whose requests the user all deleted: the next document's requests get them.
func TestUpdateKeepsContractTestsWithoutRequests(t *testing.T) {
	v1 := encode(t, fresh(t, readDoc(t, "things-v1.yaml")))
	file := edited(t, v1, func(c tree) { folderNamed(c, "things")["item"] = []any{} })
	out, report := update(t, file, readDoc(t, "things-v1.yaml"), Options{})
	tables := tablesOf(t, decode(t, out))
	if report.ScriptTables != TablesRefreshed || !tables.Contracts || len(tables.Responses) != 0 || len(tables.Answers) != 0 {
		t.Fatalf("ScriptTables %q, contract tests %v with %d responses and %d fills; want refreshed, true, none, none",
			report.ScriptTables, tables.Contracts, len(tables.Responses), len(tables.Answers))
	}
	out, _ = update(t, out, readDoc(t, "things-v2.yaml"), Options{})
	c := decode(t, out)
	if got := string(tablesOf(t, c).Responses[idOf(t, c, "Get a widget")]); got != `[["200","Widget","application/json"]]` {
		t.Errorf("Get a widget's listed responses after the next update: %s", got)
	}
}

// TestUpdateBringsContractTestsToAPresetCollection updates a collection of a preset's requests
// alone with a document: the requests it adds are checked against the answers the document
// lists, as in the collection generated from the document.
func TestUpdateBringsContractTestsToAPresetCollection(t *testing.T) {
	p, err := profile.Resolve(profile.Options{Provider: "kinde", Tenant: "acme", ClientID: "client"})
	if err != nil {
		t.Fatal(err)
	}
	preset, _, err := generate.Build(p)
	if err != nil {
		t.Fatal(err)
	}
	cur := load(t, encode(t, preset))
	target, err := Open(cur)
	if err != nil {
		t.Fatal(err)
	}
	if !target.ChecksContracts() {
		t.Fatal("ChecksContracts is false for a preset's collection")
	}
	report, err := target.Merge(fresh(t, readDoc(t, "things-v1.yaml")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if report.ScriptTables != TablesRefreshed || !report.ContractTests {
		t.Errorf("ScriptTables %q, ContractTests %v; want %q, true", report.ScriptTables, report.ContractTests, TablesRefreshed)
	}
	got := decode(t, encode(t, cur))
	want := decode(t, encode(t, fresh(t, readDoc(t, "things-v1.yaml"))))
	gotTables, wantTables := tablesOf(t, got), tablesOf(t, want)
	if len(wantTables.Responses) == 0 {
		t.Fatal("the document lists no answers")
	}
	for _, name := range []string{"List things", "Create a thing", "Get a thing"} {
		g, w := gotTables.Responses[idOf(t, got, name)], wantTables.Responses[idOf(t, want, name)]
		if len(w) == 0 || !bytes.Equal(g, w) {
			t.Errorf("%s lists %s, want %s", name, g, w)
		}
	}
	if !reflect.DeepEqual(gotTables.Schemas, wantTables.Schemas) {
		t.Errorf("schemas %d, want %d as generate writes them", len(gotTables.Schemas), len(wantTables.Schemas))
	}
}
