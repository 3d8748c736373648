package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUpdateToStdout: update -o - writes the updated collection to stdout and its report to
// stderr, leaves the collection file and the folder as they were, and refuses --json beside it,
// which would write the report to stdout as well.
func TestUpdateToStdout(t *testing.T) {
	dir := t.TempDir()
	v1 := filepath.Join(dir, "v1.yaml")
	v2 := filepath.Join(dir, "v2.yaml")
	doc := `openapi: 3.0.3
info: {title: Things, version: "1"}
servers: [{url: "https://api.example.com"}]
paths:
  /things:
    get:
      summary: List things
      responses: {"200": {description: ok}}
`
	more := doc + `  /widgets:
    get:
      summary: List widgets
      responses: {"200": {description: ok}}
`
	if err := os.WriteFile(v1, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(v2, []byte(more), 0o600); err != nil {
		t.Fatal(err)
	}
	coll := filepath.Join(dir, "c.json")
	if _, stderr, code := runCLI(t, "--provider", "generic", "--token-url", "https://id.example.com/token", "--client-id", "svc", "--openapi", v1, "-o", coll); code != 0 {
		t.Fatalf("generate: exit %d\n%s", code, stderr)
	}
	before, err := os.ReadFile(coll)
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runCLI(t, "update", coll, "--openapi", v2, "-o", "-")
	if code != 0 {
		t.Fatalf("update -o -: exit %d\n%s", code, stderr)
	}
	var c struct {
		Info struct{ Schema string } `json:"info"`
	}
	if err := json.Unmarshal([]byte(stdout), &c); err != nil || !strings.Contains(c.Info.Schema, "v2.1.0") {
		t.Fatalf("stdout is not a collection (%v):\n%.300s", err, stdout)
	}
	if !strings.Contains(stdout, "List widgets") || !strings.Contains(stderr, "added 1") {
		t.Errorf("the collection on stdout lacks the added request, or stderr the report:\n%s", stderr)
	}
	if after, err := os.ReadFile(coll); err != nil || string(after) != string(before) {
		t.Errorf("the collection file changed (%v)", err)
	}
	if _, err := os.Stat("-"); !os.IsNotExist(err) {
		os.Remove("-")
		t.Errorf("a file named - was written in the working folder (%v)", err)
	}
	if _, stderr, code := runCLI(t, "update", coll, "--openapi", v2, "-o", "-", "--json"); code != int(exitUsage) || !strings.Contains(stderr, "both write to stdout") {
		t.Errorf("-o - --json: exit %d, want %d\n%s", code, exitUsage, stderr)
	}
}
