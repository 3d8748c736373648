package update

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/generate"
	"github.com/gen-postman/gen-postman/internal/openapi"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
)

// fresh generates the collection of a document, as gen-postman --provider kinde --tenant acme
// --openapi does.
func fresh(t testing.TB, doc []byte) *postman.Collection {
	t.Helper()
	d, err := openapi.Parse(doc, openapi.Options{Tenant: "acme"})
	if err != nil {
		t.Fatalf("parsing the document: %v", err)
	}
	p, err := profile.Resolve(profile.Options{Provider: "kinde", Tenant: "acme", ClientID: "client", API: d.API()})
	if err != nil {
		t.Fatalf("resolving the profile: %v", err)
	}
	c, _, err := generate.Build(p)
	if err != nil {
		t.Fatalf("generating: %v", err)
	}
	return c
}

// readDoc reads a document of testdata.
func readDoc(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// encode writes a collection as gen-postman writes files.
func encode(t testing.TB, c *postman.Collection) []byte {
	t.Helper()
	data, err := postman.Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// load reads a collection file.
func load(t testing.TB, data []byte) *postman.Collection {
	t.Helper()
	c, err := postman.ReadCollection(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("reading the collection: %v", err)
	}
	return c
}

// update merges the document into the collection file and returns the file written.
func update(t testing.TB, file, doc []byte, opts Options) ([]byte, *Report) {
	t.Helper()
	cur := load(t, file)
	report, err := Merge(cur, fresh(t, doc), opts)
	if err != nil {
		t.Fatalf("Merge: %v", err)
	}
	return encode(t, cur), report
}

// tree is a collection file as plain JSON, for editing it as the app would.
type tree = map[string]any

func decode(t testing.TB, data []byte) tree {
	t.Helper()
	var c tree
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// edited applies edit to the collection file's JSON.
func edited(t testing.TB, data []byte, edit func(c tree)) []byte {
	t.Helper()
	c := decode(t, data)
	edit(c)
	out, err := json.MarshalIndent(c, "", "\t")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}

// found is a request of a collection and the names of the folders it is in.
type found struct {
	item    tree
	folders []string
	holder  *[]any
}

// requestNamed finds the request named name anywhere in the collection; nil when none is.
func requestNamed(c tree, name string) *found {
	var walk func(h tree, folders []string) *found
	walk = func(h tree, folders []string) *found {
		items, _ := h["item"].([]any)
		for _, it := range items {
			item := it.(tree)
			if _, isFolder := item["item"]; isFolder {
				if f := walk(item, append(folders, item["name"].(string))); f != nil {
					return f
				}
				continue
			}
			if item["name"] == name {
				list := items
				return &found{item: item, folders: folders, holder: &list}
			}
		}
		return nil
	}
	return walk(c, nil)
}

// mustRequest is requestNamed, failing the test when there is none.
func mustRequest(t testing.TB, c tree, name string) *found {
	t.Helper()
	f := requestNamed(c, name)
	if f == nil {
		t.Fatalf("no request named %q", name)
	}
	return f
}

// folderNamed is the top-level folder named name, nil when there is none.
func folderNamed(c tree, name string) tree {
	for _, it := range c["item"].([]any) {
		if f := it.(tree); f["name"] == name {
			return f
		}
	}
	return nil
}

// request is the request member of an item.
func request(f *found) tree { return f.item["request"].(tree) }

// param is the parameter named key of a list of query parameters, headers or path variables.
func param(list any, key string) tree {
	items, _ := list.([]any)
	for _, p := range items {
		if m := p.(tree); strings.EqualFold(m["key"].(string), key) {
			return m
		}
	}
	return nil
}

// names lists the names of a list of items.
func names(items any) []string {
	var out []string
	list, _ := items.([]any)
	for _, it := range list {
		out = append(out, it.(tree)["name"].(string))
	}
	return out
}

// removeItem takes the top-level folder's or the collection's item named name out.
func removeItem(h tree, name string) tree {
	items := h["item"].([]any)
	for i, it := range items {
		if it.(tree)["name"] == name {
			h["item"] = append(items[:i:i], items[i+1:]...)
			return it.(tree)
		}
	}
	return nil
}

// mustEncodeTree writes a tree as the app writes a collection file.
func mustEncodeTree(t testing.TB, v any) []byte {
	t.Helper()
	out, err := json.MarshalIndent(v, "", "\t")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}
