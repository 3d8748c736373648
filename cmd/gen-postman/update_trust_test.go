package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// petsDocs copies update's two pets documents into dir and generates the collection of the
// first there: the collection's path, and the second document's.
func petsCollection(t *testing.T) (collection, v1, v2 string) {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"pets-v1.yaml", "pets-v2.yaml"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "internal", "update", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	collection, v1, v2 = filepath.Join(dir, "c.json"), filepath.Join(dir, "pets-v1.yaml"), filepath.Join(dir, "pets-v2.yaml")
	runOK(t, context.Background(), "--provider", "kinde", "--tenant", "acme", "--client-id", "c", "--openapi", v1, "-o", collection)
	return collection, v1, v2
}

// runGP runs gen-postman with args and returns its exit status and stderr.
func runGP(ctx context.Context, args ...string) (int, string) {
	var stdout, stderr bytes.Buffer
	code := runWith(ctx, append([]string{"gen-postman"}, args...), &stdout, &stderr, nil)
	return code, stderr.String()
}

func runOK(t *testing.T, ctx context.Context, args ...string) string {
	t.Helper()
	code, stderr := runGP(ctx, args...)
	if code != 0 {
		t.Fatalf("gen-postman %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	return stderr
}

// TestUpdateFlagsAfterTheCollection: flags read the same after COLLECTION as before it.
func TestUpdateFlagsAfterTheCollection(t *testing.T) {
	collection, _, v2 := petsCollection(t)
	out := filepath.Join(filepath.Dir(collection), "out.json")
	stderr := runOK(t, context.Background(), "update", collection, "--openapi", v2, "--prune", "-o", out)
	if !strings.Contains(stderr, "wrote "+out) {
		t.Errorf("stderr %q, want the collection written to %s", stderr, out)
	}
	code, stderr := runGP(context.Background(), "update", "--openapi", v2, "--", collection)
	if code != 0 {
		t.Errorf("update --openapi DOC -- COLLECTION: exit %d: %s", code, stderr)
	}
}

// TestUpdateInterruptedWritesNothing: an interrupt that comes while update works stops it
// before it writes; the collection is left as it was.
func TestUpdateInterruptedWritesNothing(t *testing.T) {
	collection, _, v2 := petsCollection(t)
	before, err := os.ReadFile(collection)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // as the first SIGINT does
	code, stderr := runGP(ctx, "update", "--openapi", v2, collection)
	if code == 0 || !strings.Contains(stderr, "interrupted") {
		t.Errorf("interrupted update: exit %d, stderr %q; want a failure that says it was interrupted", code, stderr)
	}
	after, err := os.ReadFile(collection)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("an interrupted update changed the collection")
	}
}

// TestUpdateRefusesAnotherAPI: a document of another API is bad input (exit 2), names both
// APIs, and leaves the file as it was; --other-api updates all the same.
func TestUpdateRefusesAnotherAPI(t *testing.T) {
	collection, v1, _ := petsCollection(t)
	data, err := os.ReadFile(v1)
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(filepath.Dir(v1), "shop.yaml")
	doc := strings.NewReplacer("title: Pets", "title: Shop", "https://api.example.com", "https://shop.example.net").Replace(string(data))
	if err := os.WriteFile(other, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(collection)
	code, stderr := runGP(context.Background(), "update", "--openapi", other, collection)
	if code != int(exitUsage) || !strings.Contains(stderr, `"Pets" (server api.example.com)`) || !strings.Contains(stderr, `"Shop" (server shop.example.net)`) {
		t.Errorf("exit %d, stderr %q; want exit %d naming both APIs", code, stderr, exitUsage)
	}
	if after, _ := os.ReadFile(collection); !bytes.Equal(before, after) {
		t.Error("a refused update changed the collection")
	}
	runOK(t, context.Background(), "update", "--other-api", "--openapi", other, collection)
}

// TestUpdateOfAnAPIWithAKeyIDParameter: an API whose path parameter is named keyId, in a
// collection whose client does not sign, is the API's: updating with the same document
// changes nothing (the keyId variable is not read as the kid of client assertions).
func TestUpdateOfAnAPIWithAKeyIDParameter(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", "internal", "update", "testdata", "pets-v1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	doc, collection := filepath.Join(dir, "keys.yaml"), filepath.Join(dir, "c.json")
	if err := os.WriteFile(doc, []byte(strings.NewReplacer("petId", "keyId", "schema: {type: string}}]", "schema: {type: string, example: pks2f4}}]").Replace(string(data))), 0o644); err != nil {
		t.Fatal(err)
	}
	runOK(t, context.Background(), "--provider", "kinde", "--tenant", "acme", "--client-id", "c", "--openapi", doc, "-o", collection)
	before, _ := os.ReadFile(collection)
	stderr := runOK(t, context.Background(), "update", "--openapi", doc, collection)
	if after, _ := os.ReadFile(collection); !bytes.Equal(before, after) || !strings.Contains(stderr, "no change") {
		t.Errorf("update with the document the collection was made from changed it:\n%s", stderr)
	}
}
