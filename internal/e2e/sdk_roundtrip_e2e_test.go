//go:build e2e

package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/postman"
)

// TestModelKeepsWhatPostmansSDKWrites passes collections through Postman's own SDK (what the
// app and Newman load and save), then reads the SDK's output with gen-postman's model and writes
// it back: nothing is lost, whichever shape the SDK chose. The collections are an app export
// with events, saved responses, ids and every kind of body, a v2.0 export, one with folders 40
// deep, and one gen-postman generated.
func TestModelKeepsWhatPostmansSDKWrites(t *testing.T) {
	requireNode(t)
	dir := t.TempDir()
	deep := filepath.Join(dir, "deep.json")
	if err := os.WriteFile(deep, deepCollection(40), 0o600); err != nil {
		t.Fatal(err)
	}
	srv := startOAuthServer(t, "ES384", 3600)
	generated, _ := generateFiles(t, srv, "--client-id", "m2m-basic")
	files := []string{
		filepath.Join("..", "postman", "testdata", "app-v2.1.postman_collection.json"),
		filepath.Join("..", "postman", "testdata", "app-v2.0.postman_collection.json"),
		deep, generated,
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			abs, err := filepath.Abs(file)
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("node", "sdk-roundtrip.js", abs)
			cmd.Dir = e2eDir
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			sdkJSON, err := cmd.Output()
			if err != nil {
				t.Fatalf("sdk-roundtrip.js: %v\n%s", err, stderr.String())
			}
			c, err := postman.ReadCollection(bytes.NewReader(sdkJSON))
			if err != nil {
				t.Fatalf("reading what the SDK wrote: %v", err)
			}
			out, err := postman.Encode(c)
			if err != nil {
				t.Fatal(err)
			}
			var want, got any
			if err := json.Unmarshal(sdkJSON, &want); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("the model changed what the SDK wrote")
			}
			if strings.Contains(file, "app-v2.1") {
				for _, kept := range []string{`"listen":"prerequest"`, `"listen":"test"`, `"response":[{`, `"protocolProfileBehavior"`} {
					if !bytes.Contains(sdkJSON, []byte(kept)) {
						t.Errorf("the SDK's output lacks %s: the fixture no longer exercises it", kept)
					}
				}
			}
		})
	}
}

// deepCollection is a collection whose one request sits in folders depth deep.
func deepCollection(depth int) []byte {
	item := `{"name": "R", "request": {"method": "GET", "url": "https://api.example.com/x"}}`
	for i := depth; i > 0; i-- {
		item = fmt.Sprintf(`{"name": "F%d", "item": [%s]}`, i, item)
	}
	return []byte(`{"info": {"name": "deep", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": [` + item + `]}`)
}
