package update

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// petsWith is the pets v1 document with each old text replaced by the new one that follows it.
func petsWith(t *testing.T, oldNew ...string) []byte {
	t.Helper()
	doc := string(readDoc(t, "pets-v1.yaml"))
	for i := 0; i < len(oldNew); i += 2 {
		if !strings.Contains(doc, oldNew[i]) {
			t.Fatalf("pets-v1.yaml has no %q", oldNew[i])
		}
		doc = strings.ReplaceAll(doc, oldNew[i], oldNew[i+1])
	}
	return []byte(doc)
}

// TestDeletedStaysDeletedThroughAnOperationIDRename: a request the user deleted does not come
// back when the document renames its operationId on the same method and path, and the report
// names it.
func TestDeletedStaysDeletedThroughAnOperationIDRename(t *testing.T) {
	v1 := encode(t, fresh(t, readDoc(t, "pets-v1.yaml")))
	file := edited(t, v1, func(c tree) { removeItem(folderNamed(c, "pets"), "Get a pet") })
	out, report := update(t, file, petsWith(t, "operationId: getPet", "operationId: fetchPet"), Options{})
	if f := requestNamed(decode(t, out), "Get a pet"); f != nil {
		t.Error("the request the user deleted came back")
	}
	if len(report.Added) != 0 || report.Deleted != 1 || !slices.Equal(report.DeletedRequests, []string{"pets/Get a pet"}) {
		t.Errorf("added %v, deleted %d %v; want nothing added and pets/Get a pet named as deleted", report.Added, report.Deleted, report.DeletedRequests)
	}
	again, second := update(t, out, petsWith(t, "operationId: getPet", "operationId: fetchPet"), Options{})
	if second.Changed || string(again) != string(out) || requestNamed(decode(t, again), "Get a pet") != nil {
		t.Error("a second update brought the deleted request back or changed the collection")
	}
}

// TestCopyIsNeverPruned: Postman's Duplicate gives the copy an id of its own; when the
// document renames the operation's operationId, the copy is still the user's, neither kept as
// gone nor removed by --prune, and the original follows the operation.
func TestCopyIsNeverPruned(t *testing.T) {
	v1 := encode(t, fresh(t, readDoc(t, "pets-v1.yaml")))
	file := edited(t, v1, func(c tree) {
		stores := folderNamed(c, "stores")
		orig := mustRequest(t, c, "Get a store").item
		dup := decode(t, mustEncodeTree(t, orig))
		dup["id"], dup["name"] = "11111111-2222-4333-8444-555555555555", "Get a store Copy"
		stores["item"] = append(stores["item"].([]any), dup)
	})
	doc := petsWith(t, "operationId: getStore", "operationId: fetchStore")
	for _, prune := range []bool{false, true} {
		out, report := update(t, file, doc, Options{Prune: prune})
		c := decode(t, out)
		if requestNamed(c, "Get a store Copy") == nil {
			t.Errorf("prune %v: the user's copy is gone", prune)
		}
		if requestNamed(c, "Get a store") == nil {
			t.Errorf("prune %v: the original request is gone", prune)
		}
		if len(report.Kept)+len(report.Removed)+len(report.Added) != 0 {
			t.Errorf("prune %v: kept %v, removed %v, added %v; want none", prune, report.Kept, report.Removed, report.Added)
		}
	}
}

// TestEveryEditCounts: a request whose operation leaves the document is kept when the user
// changed anything of it, a setting of the request (protocolProfileBehavior) or a member
// gen-postman does not know, in the item or in its request.
func TestEveryEditCounts(t *testing.T) {
	for name, edit := range map[string]func(item tree){
		"settings":               func(item tree) { item["protocolProfileBehavior"] = tree{"disableBodyPruning": true} },
		"unknown item member":    func(item tree) { item["x-owner"] = "me" },
		"unknown request member": func(item tree) { item["request"].(tree)["x-owner"] = "me" },
	} {
		t.Run(name, func(t *testing.T) {
			v1 := encode(t, fresh(t, readDoc(t, "pets-v1.yaml")))
			file := edited(t, v1, func(c tree) { edit(mustRequest(t, c, "Legacy").item) })
			out, report := update(t, file, readDoc(t, "pets-v2.yaml"), Options{})
			if requestNamed(decode(t, out), "Legacy") == nil || !slices.Contains(report.Kept, "stores/Legacy") {
				t.Errorf("kept %v, removed %v; want the edited stores/Legacy kept", report.Kept, report.Removed)
			}
		})
	}
}

// TestKeptUntilPruned: a request kept because the user edited it is listed on every update
// until --prune removes it.
func TestKeptUntilPruned(t *testing.T) {
	file := edited(t, encode(t, fresh(t, readDoc(t, "pets-v1.yaml"))), userEdits)
	v2 := readDoc(t, "pets-v2.yaml")
	out, first := update(t, file, v2, Options{})
	if !slices.Contains(first.Kept, "stores/Legacy edited") {
		t.Fatalf("kept %v, want stores/Legacy edited", first.Kept)
	}
	again, second := update(t, out, v2, Options{})
	if !slices.Equal(second.Kept, first.Kept) || second.Changed || string(again) != string(out) {
		t.Errorf("second run: kept %v, changed %v; want %v listed again and nothing changed", second.Kept, second.Changed, first.Kept)
	}
	pruned, third := update(t, again, v2, Options{Prune: true})
	if !slices.Contains(third.Removed, "stores/Legacy edited") || requestNamed(decode(t, pruned), "Legacy edited") != nil {
		t.Errorf("--prune: removed %v; want stores/Legacy edited removed", third.Removed)
	}
	_, fourth := update(t, pruned, v2, Options{})
	if len(fourth.Kept) != 0 || fourth.Changed {
		t.Errorf("after --prune: kept %v, changed %v; want nothing", fourth.Kept, fourth.Changed)
	}
}

// TestRenamedFolderIsItsTagsFolder: a new operation of a tag whose folder the user renamed
// goes into the renamed folder, not into a new folder of the old name.
func TestRenamedFolderIsItsTagsFolder(t *testing.T) {
	v1 := encode(t, fresh(t, readDoc(t, "pets-v1.yaml")))
	file := edited(t, v1, func(c tree) { folderNamed(c, "pets")["name"] = "Animals" })
	doc := petsWith(t, "  /stores/{storeId}:", `  /pets/{petId}/toys:
    get:
      operationId: listToys
      summary: List toys
      tags: [pets]
      parameters: [{name: petId, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
  /stores/{storeId}:`)
	out, report := update(t, file, doc, Options{})
	c := decode(t, out)
	if folderNamed(c, "pets") != nil || len(report.FoldersAdded) != 0 {
		t.Errorf("folders added %v: a folder of the old name was made beside the renamed one", report.FoldersAdded)
	}
	if f := requestNamed(c, "List toys"); f == nil || !slices.Equal(f.folders, []string{"Animals"}) {
		t.Errorf("List toys is in %v, want the renamed folder Animals", f)
	}
}

// TestNewRequestNeverUsesTheUsersVariable: a new request whose path variable has the name of a
// collection variable the user added gets a variable of its own; the user's value is never
// sent for it.
func TestNewRequestNeverUsesTheUsersVariable(t *testing.T) {
	v1 := encode(t, fresh(t, readDoc(t, "pets-v1.yaml")))
	file := edited(t, v1, func(c tree) {
		c["variable"] = append(c["variable"].([]any), tree{"key": "apiKey", "value": "my-third-party-key", "type": "string"})
	})
	doc := petsWith(t, "  /ping:", `  /lookup/{apiKey}:
    get:
      operationId: lookup
      summary: Lookup
      tags: [stores]
      parameters: [{name: apiKey, in: path, required: true, schema: {type: string, example: k-1}}]
      responses: {"200": {description: ok}}
  /ping:`)
	out, report := update(t, file, doc, Options{})
	c := decode(t, out)
	lookup := mustRequest(t, c, "Lookup")
	p := param(request(lookup)["url"].(tree)["variable"], "apiKey")
	if p == nil || p["value"] != "{{apiKeyParam}}" {
		t.Errorf("the new request's path variable is %v, want {{apiKeyParam}}", p)
	}
	values := map[string]any{}
	for _, v := range c["variable"].([]any) {
		values[v.(tree)["key"].(string)] = v.(tree)["value"]
	}
	if values["apiKey"] != "my-third-party-key" || values["apiKeyParam"] == nil {
		t.Errorf("variables apiKey = %v, apiKeyParam = %v; want the user's kept and one of the request's own", values["apiKey"], values["apiKeyParam"])
	}
	want := VariableRename{Variable: "apiKey", Renamed: "apiKeyParam", Request: "stores/Lookup"}
	if !slices.Equal(report.VariablesRenamed, []VariableRename{want}) {
		t.Errorf("variables renamed %v, want %v", report.VariablesRenamed, want)
	}
	again, second := update(t, out, doc, Options{})
	if second.Changed || string(again) != string(out) || len(second.Conflicts) != 0 {
		t.Errorf("a second update changed %v, conflicts %v", second.Changed, second.Conflicts)
	}
}

// TestDocumentOfAnotherAPIIsRefused: a document whose title and server are not those the
// collection was generated from is refused, naming both, unless Options.OtherAPI; a new
// version of the same API, with a new title or a new server but not both, is merged.
func TestDocumentOfAnotherAPIIsRefused(t *testing.T) {
	v1 := encode(t, fresh(t, readDoc(t, "pets-v1.yaml")))
	other := petsWith(t, "info: {title: Pets,", "info: {title: Shop,", "https://api.example.com", "https://shop.example.net")
	cur := load(t, v1)
	_, err := Merge(cur, fresh(t, other), Options{})
	var oe *OtherAPIError
	if !errors.As(err, &oe) || !errors.Is(err, ErrOtherAPI) {
		t.Fatalf("Merge of another API's document = %v, want an *OtherAPIError", err)
	}
	for _, want := range []string{`"Pets" (server api.example.com)`, `"Shop" (server shop.example.net)`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
	if string(encode(t, cur)) != string(v1) {
		t.Error("a refused merge changed the collection")
	}
	if _, err := Merge(load(t, v1), fresh(t, other), Options{OtherAPI: true}); err != nil {
		t.Errorf("with OtherAPI: %v, want the document merged", err)
	}
	for name, doc := range map[string][]byte{
		"new title":  petsWith(t, "info: {title: Pets,", "info: {title: Pets API,"),
		"new server": petsWith(t, "https://api.example.com", "https://pets.example.org"),
	} {
		if _, err := Merge(load(t, v1), fresh(t, doc), Options{}); err != nil {
			t.Errorf("%s: %v; want the same API merged", name, err)
		}
	}
}

// TestRenamedPathParameterCarriesTheUsersValue: the document renames a path parameter on the
// same operation; the value the user gave it, in the request or in the collection variable it
// stands for, is the new name's, and the report says so, with no conflict.
func TestRenamedPathParameterCarriesTheUsersValue(t *testing.T) {
	doc := petsWith(t, "  /pets/{petId}:", "  /pets/{animalId}:", "[{name: petId, in: path,", "[{name: animalId, in: path,")
	for name, tt := range map[string]struct {
		edit      func(c tree)
		request   string
		wantValue string
		wantVar   string
	}{
		"in the request": {
			edit: func(c tree) {
				param(request(mustRequest(t, c, "Get a pet"))["url"].(tree)["variable"], "petId")["value"] = "7"
			},
			request: "Get a pet", wantValue: "7",
		},
		"in the collection variable": {
			edit: func(c tree) {
				for _, v := range c["variable"].([]any) {
					if v := v.(tree); v["key"] == "petId" {
						v["value"] = "42"
					}
				}
			},
			request: "Delete a pet", wantValue: "{{animalId}}", wantVar: "42",
		},
		// Other requests already use the new name's variable, which holds nothing: it takes
		// the old one's value (FusionAuth renamed apiKeyId to keyId, which other requests use).
		"in the collection variable, the new one there and empty": {
			edit: func(c tree) {
				for _, v := range c["variable"].([]any) {
					if v := v.(tree); v["key"] == "petId" {
						v["value"] = "42"
					}
				}
				c["variable"] = append(c["variable"].([]any), tree{"key": "animalId", "value": "", "type": "string"})
			},
			request: "Delete a pet", wantValue: "{{animalId}}", wantVar: "42",
		},
	} {
		t.Run(name, func(t *testing.T) {
			file := edited(t, encode(t, fresh(t, readDoc(t, "pets-v1.yaml"))), tt.edit)
			out, report := update(t, file, doc, Options{})
			c := decode(t, out)
			u := request(mustRequest(t, c, tt.request))["url"].(tree)
			if u["raw"] != "{{baseUrl}}/pets/:animalId" {
				t.Errorf("URL %v, want the document's new path", u["raw"])
			}
			if p := param(u["variable"], "animalId"); p == nil || p["value"] != tt.wantValue || param(u["variable"], "petId") != nil {
				t.Errorf("path variables %v, want animalId = %s alone", u["variable"], tt.wantValue)
			}
			if tt.wantVar != "" {
				got := ""
				for _, v := range c["variable"].([]any) {
					if v := v.(tree); v["key"] == "animalId" {
						got, _ = v["value"].(string)
					}
				}
				if got != tt.wantVar {
					t.Errorf("variable animalId = %q, want the user's %q", got, tt.wantVar)
				}
			}
			want := PathRename{Request: "pets/" + tt.request, From: "petId", To: "animalId"}
			if !slices.Contains(report.PathRenamed, want) || len(report.Conflicts) != 0 {
				t.Errorf("path renamed %v, conflicts %v; want %v and no conflict", report.PathRenamed, report.Conflicts, want)
			}
			again, second := update(t, out, doc, Options{})
			if second.Changed || string(again) != string(out) {
				t.Error("a second update changed the collection")
			}
		})
	}
}

// TestSameAPIOnAnotherHostKeepsTheRecordedHost: a collection generated for one tenant's host,
// updated with the same document whose server names another host (the document's default
// tenant), keeps the host it recorded: the update changes nothing and says so.
func TestSameAPIOnAnotherHostKeepsTheRecordedHost(t *testing.T) {
	v1 := encode(t, fresh(t, readDoc(t, "pets-v1.yaml")))
	onOtherHost := petsWith(t, "https://api.example.com", "https://default.example.com")
	out, r := update(t, v1, onOtherHost, Options{})
	if r.Changed {
		t.Errorf("report %+v: want no change", r)
	}
	if string(out) != string(v1) {
		t.Error("the collection changed: the record no longer names the host it was generated for")
	}
}

// TestOwnRequestAtANewOperationsPath: a request the user added at the method and path of an
// operation the newer document adds stays the user's: the operation is added beside it, and the
// update reports no conflict with it. Before, the update took the user's request for the
// operation's (FusionAuth 1.54's GET /api/status and a request of one's own there).
func TestOwnRequestAtANewOperationsPath(t *testing.T) {
	file := edited(t, encode(t, fresh(t, readDoc(t, "things-v1.yaml"))), func(c tree) {
		c["item"] = append(c["item"].([]any), tree{"name": "My widget maker", "id": "my-own-request",
			"request": tree{"method": "POST", "url": tree{"raw": "{{baseUrl}}/widgets", "host": []any{"{{baseUrl}}"}, "path": []any{"widgets"}},
				"body": tree{"mode": "raw", "raw": `{"size": 99}`}}})
	})
	out, report := update(t, file, readDoc(t, "things-v2.yaml"), Options{})
	c := decode(t, out)
	mine := mustRequest(t, c, "My widget maker")
	if mine.item["id"] != "my-own-request" || !strings.Contains(fmt.Sprint(request(mine)["body"]), `"size": 99`) {
		t.Errorf("the user's own request changed: %v", mine.item)
	}
	mustRequest(t, c, "Create a widget")
	if len(report.Conflicts) != 0 || !slices.Contains(report.Added, "widgets/Create a widget") {
		t.Errorf("conflicts %v, added %v; want none, and the create added", report.Conflicts, report.Added)
	}
}
