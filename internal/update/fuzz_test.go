package update

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/gen-postman/gen-postman/internal/postman"
)

// The collection update reads is an untrusted file, its record too: whatever a file that reads
// as a collection holds, Merge never panics, and what it writes reads back as a collection.
func FuzzMerge(f *testing.F) {
	v1 := encode(f, fresh(f, readDoc(f, "pets-v1.yaml")))
	f.Add(v1)
	f.Add(sdkShape(f, edited(f, v1, userEdits)))
	f.Add([]byte(`{"info":{"name":"x"},"variable":[{"key":"genPostmanBaseline","value":"gen-postman baseline 1\nxx yy a=b"}],"item":[{"name":"F","item":[{"id":"x","request":"https://h/pets"},{"request":{"url":{"path":"pets","query":[1,{"key":null}]},"header":"h","body":7}}]}]}`))
	// Test scripts: with contract tests, one line of exec, a table that is not an object, two.
	f.Add(encode(f, fresh(f, readDoc(f, "things-v1.yaml"))))
	f.Add([]byte(`{"info":{"name":"x"},"variable":[{"key":"genPostmanBaseline","value":"gen-postman baseline 1\napi - title= host= script=eA"}],"event":[{"listen":"test","script":{"exec":"const answers = {};\nconst contracts = [1];"}},{"listen":"test","script":{"exec":["const schemas = {\"a\":"]}}]}`))
	for _, name := range []string{"app-v2.1.postman_collection.json", "app-v2.0.postman_collection.json"} {
		data, err := os.ReadFile(filepath.Join("..", "postman", "testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	// The fresh collection is taken apart by Merge: each input gets its own, read from bytes.
	freshFile := encode(f, fresh(f, readDoc(f, "pets-v2.yaml")))
	f.Fuzz(func(t *testing.T, data []byte) {
		cur, err := postman.ReadCollection(bytes.NewReader(data))
		if err != nil {
			return
		}
		if _, err := Merge(cur, load(t, freshFile), Options{}); err != nil {
			return
		}
		out, err := postman.Encode(cur)
		if err != nil {
			t.Fatalf("encoding the merged collection: %v", err)
		}
		if _, err := postman.ReadCollection(bytes.NewReader(out)); err != nil {
			t.Fatalf("the merged collection does not read back: %v", err)
		}
	})
}
