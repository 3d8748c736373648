package update

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/baseline"
)

// userEdits are the edits a user makes to the pets v1 collection: one of each kind.
func userEdits(c tree) {
	// Renamed: the document renames it too, a conflict.
	getPet := requestNamed(c, "Get a pet")
	getPet.item["name"] = "My pet"
	// A query parameter's value and enabled state, and a header of the user's own.
	list := request(requestNamed(c, "List pets"))
	limit := param(list["url"].(tree)["query"], "limit")
	limit["value"], limit["disabled"] = "50", false
	list["header"] = []any{tree{"key": "X-Trace", "value": "on"}}
	// Moved into a folder of the user's own, beside a request of the user's own.
	pets := folderNamed(c, "pets")
	create := removeItem(pets, "Create a pet")
	c["item"] = append(c["item"].([]any), tree{"name": "Mine", "item": []any{
		create,
		tree{"name": "Mine only", "request": tree{"method": "GET", "url": tree{"raw": "{{baseUrl}}/mine", "host": []any{"{{baseUrl}}"}, "path": []any{"mine"}}}},
	}})
	// A test, a saved response and a field the user's tools added.
	store := requestNamed(c, "Get a store")
	store.item["event"] = []any{tree{"listen": "test", "script": tree{"type": "text/javascript", "exec": []any{"pm.test('ok', () => pm.response.to.have.status(200));"}}}}
	store.item["response"] = []any{tree{"name": "Saved", "code": 200.0, "body": "{}"}}
	store.item["x-custom"] = 1.0
	// A description edited where the document changes the auth.
	request(requestNamed(c, "Delete a pet"))["description"] = "Careful."
	// An operation that leaves the document, with a test of the user's.
	requestNamed(c, "Legacy edited").item["event"] = []any{tree{"listen": "test", "script": tree{"exec": []any{"// mine"}}}}
	// Folder auth, a collection variable of the user's and a value.
	folderNamed(c, "stores")["auth"] = tree{"type": "bearer", "bearer": []any{tree{"key": "token", "value": "{{mine}}", "type": "string"}}}
	for _, v := range c["variable"].([]any) {
		if v := v.(tree); v["key"] == "petId" {
			v["value"] = "42"
		}
	}
	c["variable"] = append(c["variable"].([]any), tree{"key": "mine", "value": "x", "type": "string"})
	// A variable the user deleted, which no request uses any more once storeId is written in.
	var vars []any
	for _, v := range c["variable"].([]any) {
		if v.(tree)["key"] != "storeId" {
			vars = append(vars, v)
		}
	}
	c["variable"] = vars
	store.item["request"].(tree)["url"].(tree)["variable"] = []any{tree{"key": "storeId", "value": "s-1"}}
}

func TestMergeKeepsEditsAndBringsChanges(t *testing.T) {
	v1 := encode(t, fresh(t, readDoc(t, "pets-v1.yaml")))
	file := edited(t, v1, userEdits)
	out, report := update(t, file, readDoc(t, "pets-v2.yaml"), Options{})
	c := decode(t, out)

	if !report.Baseline || !report.Changed {
		t.Errorf("Baseline, Changed = %v, %v; want true, true", report.Baseline, report.Changed)
	}
	// Kept: the name, with the document's new name as a conflict; the new path applied.
	pet := mustRequest(t, c, "My pet")
	if got := request(pet)["url"].(tree)["raw"]; got != "{{baseUrl}}/animals/:petId" {
		t.Errorf("My pet's URL = %v, want the document's new path", got)
	}
	if got := request(pet)["description"]; got != "One animal." {
		t.Errorf("My pet's description = %q, want the document's new one", got)
	}
	wantConflicts := []Conflict{{"pets/My pet", "name"}, {"pets/List pets", "query parameter limit"}}
	for _, w := range wantConflicts {
		if !slices.Contains(report.Conflicts, w) {
			t.Errorf("conflicts %v lack %v", report.Conflicts, w)
		}
	}
	if len(report.Conflicts) != len(wantConflicts) {
		t.Errorf("conflicts = %v, want %v", report.Conflicts, wantConflicts)
	}
	// Kept: the parameter's value and state; added: the new parameter; kept: the header.
	list := request(mustRequest(t, c, "List pets"))
	limit := param(list["url"].(tree)["query"], "limit")
	if limit["value"] != "50" || limit["disabled"] != false || limit["description"] != "How many." {
		t.Errorf("limit = %v, want the user's value, state and description", limit)
	}
	if param(list["url"].(tree)["query"], "sort") == nil {
		t.Error("the new query parameter sort is missing")
	}
	if param(list["header"], "X-Trace") == nil {
		t.Error("the user's header is gone")
	}
	// Moved: stays in the user's folder, and takes the new body.
	create := mustRequest(t, c, "Create a pet")
	if !slices.Equal(create.folders, []string{"Mine"}) {
		t.Errorf("Create a pet is in %v, want the user's folder Mine", create.folders)
	}
	if body := request(create)["body"].(tree)["raw"].(string); !bytes.Contains([]byte(body), []byte(`"kind"`)) {
		t.Errorf("Create a pet's body %s lacks the new required property", body)
	}
	mustRequest(t, c, "Mine only")
	// Tests, saved responses, unknown fields; the operationId changed on the same method and
	// path, so the request is the same one, with the new operation's id.
	store := mustRequest(t, c, "Get a store")
	if store.item["id"] != baseline.ItemID("fetchStore") || len(folderNamed(c, "stores")["item"].([]any)) != 2 {
		t.Errorf("Get a store has id %v, in a folder of %v; want fetchStore's, once", store.item["id"], names(folderNamed(c, "stores")["item"]))
	}
	for _, key := range []string{"event", "response", "x-custom"} {
		if store.item[key] == nil {
			t.Errorf("Get a store lost its %s", key)
		}
	}
	// Auth: public now, the user's description kept without conflict.
	del := request(mustRequest(t, c, "Delete a pet"))
	if auth, _ := del["auth"].(tree); auth == nil || auth["type"] != "noauth" {
		t.Errorf("Delete a pet's auth = %v, want noauth", del["auth"])
	}
	if del["description"] != "Careful." {
		t.Errorf("Delete a pet's description = %v, want the user's", del["description"])
	}
	if _, ok := request(mustRequest(t, c, "Ping"))["auth"]; ok {
		t.Error("Ping keeps noauth; the document protects it now")
	}
	// New operations: in their folder, after the operation before them; a new tag's folder in
	// the document's tag order.
	if got, want := names(folderNamed(c, "pets")["item"]), []string{"List pets", "My pet", "Update a pet", "Delete a pet"}; !slices.Equal(got, want) {
		t.Errorf("pets holds %v, want %v", got, want)
	}
	if got, want := names(c["item"]), []string{"pets", "owners", "stores", "Other", "Mine"}; !slices.Equal(got, want) {
		t.Errorf("folders %v, want %v", got, want)
	}
	if !slices.Equal(report.FoldersAdded, []string{"owners"}) {
		t.Errorf("FoldersAdded = %v, want [owners]", report.FoldersAdded)
	}
	if !slices.Equal(report.Added, []string{"pets/Update a pet", "owners/List owners"}) {
		t.Errorf("Added = %v", report.Added)
	}
	// Gone from the document: the untouched one removed, the edited one kept and listed.
	if requestNamed(c, "Legacy") != nil || !slices.Equal(report.Removed, []string{"stores/Legacy"}) {
		t.Errorf("Removed = %v; the untouched Legacy must go", report.Removed)
	}
	if requestNamed(c, "Legacy edited") == nil || !slices.Equal(report.Kept, []string{"stores/Legacy edited"}) {
		t.Errorf("Kept = %v; the edited Legacy edited must stay", report.Kept)
	}
	// Folder auth and the collection's variables.
	if folderNamed(c, "stores")["auth"] == nil {
		t.Error("the stores folder lost its auth")
	}
	vars := map[string]any{}
	for _, v := range c["variable"].([]any) {
		vars[v.(tree)["key"].(string)] = v.(tree)["value"]
	}
	if vars["petId"] != "42" || vars["mine"] != "x" {
		t.Errorf("variables petId = %v, mine = %v; want the user's", vars["petId"], vars["mine"])
	}
	if _, ok := vars["storeId"]; ok || len(report.VariablesAdded) != 0 {
		t.Errorf("variables added %v: the user's deleted storeId, which nothing uses, came back", report.VariablesAdded)
	}
}

func TestMergeIsIdempotentAndDeterministic(t *testing.T) {
	v1 := encode(t, fresh(t, readDoc(t, "pets-v1.yaml")))
	out, report := update(t, v1, readDoc(t, "pets-v1.yaml"), Options{})
	if report.Changed || !bytes.Equal(out, v1) {
		t.Errorf("updating with the same document changed the collection (Changed = %v)", report.Changed)
	}
	file := edited(t, v1, userEdits)
	once, _ := update(t, file, readDoc(t, "pets-v2.yaml"), Options{})
	again, _ := update(t, file, readDoc(t, "pets-v2.yaml"), Options{})
	if !bytes.Equal(once, again) {
		t.Error("the same inputs gave different bytes")
	}
	twice, report := update(t, once, readDoc(t, "pets-v2.yaml"), Options{})
	if report.Changed || !bytes.Equal(once, twice) {
		t.Errorf("a second update with the same document changed the collection: %+v", report)
	}
	// A conflict is reported once, for the change that caused it: the record now holds the
	// document's value, against which the user's edit simply stands.
	if len(report.Conflicts) != 0 {
		t.Errorf("a second update reports conflicts %v; the document has not changed since", report.Conflicts)
	}
}

func TestMergePrune(t *testing.T) {
	file := edited(t, encode(t, fresh(t, readDoc(t, "pets-v1.yaml"))), userEdits)
	out, report := update(t, file, readDoc(t, "pets-v2.yaml"), Options{Prune: true})
	c := decode(t, out)
	if requestNamed(c, "Legacy edited") != nil || len(report.Kept) != 0 {
		t.Errorf("with Prune, Legacy edited stays (Kept = %v)", report.Kept)
	}
	if !slices.Contains(report.Removed, "stores/Legacy edited") {
		t.Errorf("Removed = %v, want Legacy edited listed", report.Removed)
	}
}

func TestMergeWithoutRecord(t *testing.T) {
	v1 := encode(t, fresh(t, readDoc(t, "pets-v1.yaml")))
	file := edited(t, v1, func(c tree) {
		vars := c["variable"].([]any)
		c["variable"] = vars[:len(vars)-1] // the record is the last variable
	})
	out, report := update(t, file, readDoc(t, "pets-v2.yaml"), Options{})
	c := decode(t, out)
	if report.Baseline {
		t.Error("Baseline = true for a collection without its record")
	}
	// Every difference is the user's: the old path stays, and is listed.
	if got := request(mustRequest(t, c, "Get a pet"))["url"].(tree)["raw"]; got != "{{baseUrl}}/pets/:petId" {
		t.Errorf("Get a pet's URL = %v, want the collection's", got)
	}
	if !slices.Contains(report.Conflicts, Conflict{"pets/Get a pet", "method and path"}) {
		t.Errorf("conflicts %v lack Get a pet's path", report.Conflicts)
	}
	// Nothing is removed, new operations still arrive, and the record is written.
	if requestNamed(c, "Legacy") == nil || len(report.Removed) != 0 {
		t.Error("a request was removed without a record to tell it untouched")
	}
	if requestNamed(c, "List owners") == nil {
		t.Error("the new operation List owners is missing")
	}
	if _, report := update(t, out, readDoc(t, "pets-v2.yaml"), Options{}); !report.Baseline || report.Changed {
		t.Errorf("after an update the record is there and a second one changes nothing: %+v", report)
	}
}

func TestMergeWithADamagedRecord(t *testing.T) {
	file := edited(t, encode(t, fresh(t, readDoc(t, "pets-v1.yaml"))), func(c tree) {
		vars := c["variable"].([]any)
		vars[len(vars)-1].(tree)["value"] = "edited by hand"
	})
	out, report := update(t, file, readDoc(t, "pets-v2.yaml"), Options{})
	// Two warnings: the record cannot be read, and without it the collection's API is known by
	// its baseUrl's host alone, which is not the document's server.
	if report.Baseline || len(report.Warnings) != 2 || !strings.Contains(report.Warnings[1], "not a record gen-postman wrote") ||
		!strings.Contains(report.Warnings[0], "baseUrl is on acme.kinde.com while the document's server is \"Pets\" (server api.example.com)") || !report.Changed {
		t.Errorf("a damaged record: Baseline %v, Warnings %q, Changed %v; want false, two, true", report.Baseline, report.Warnings, report.Changed)
	}
	if _, again := update(t, out, readDoc(t, "pets-v2.yaml"), Options{}); !again.Baseline || again.Changed || len(again.Warnings) != 0 {
		t.Errorf("after the update a record is there again: %+v", again)
	}
}
