package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestOpenAPIWarnings: a document with a $ref to nothing still makes a collection, and the
// reference is named on stderr.
func TestOpenAPIWarnings(t *testing.T) {
	const doc = `{"openapi": "3.0.1", "info": {"title": "T", "version": "1"},
  "paths": {"/api/things": {"post": {"summary": "Add thing",
    "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Gone"}}}},
    "responses": {"200": {"description": "OK"}}}}}}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(doc))
	}))
	defer srv.Close()
	stdout, stderr, code := runCLI(t, "--tenant", "acme", "--openapi", srv.URL+"/api/swagger.json")
	if code != 0 || !strings.Contains(stdout, `"name": "Add thing"`) {
		t.Fatalf("exit %d, stderr %s; want the served operation", code, stderr)
	}
	if !strings.Contains(stderr, `gen-postman: warning: $ref "#/components/schemas/Gone"`) {
		t.Errorf("stderr %q; want a warning naming the reference", stderr)
	}
}
