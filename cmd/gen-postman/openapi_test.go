package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

const servedDocument = `{"openapi": "3.0.1", "info": {"title": "T", "version": "1"},
  "paths": {"/api/things": {"get": {"summary": "List things", "responses": {"200": {"description": "OK"}}}}}}`

// TestOpenAPIFromURL fetches the document over http from this machine, as from a
// self-hosted server's /api/swagger.json, and refuses what is not a plain 200 answer.
func TestOpenAPIFromURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/swagger.json":
			w.Write([]byte(servedDocument))
		case "/moved":
			http.Redirect(w, r, "/api/swagger.json", http.StatusFound)
		case "/huge":
			w.Write([]byte(`{"openapi": "3.0.1", "x": "`))
			for range 33 << 10 {
				w.Write([]byte(strings.Repeat("a", 1024)))
			}
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	stdout, stderr, code := runCLI(t, "--tenant", "acme", "--openapi", srv.URL+"/api/swagger.json")
	if code != 0 || !strings.Contains(stdout, `"name": "List things"`) {
		t.Fatalf("exit %d, stderr %s; want the served operation", code, stderr)
	}
	for path, want := range map[string]string{
		"/moved":   "HTTP 302",
		"/missing": "HTTP 404",
		"/huge":    "too large",
	} {
		stdout, stderr, code := runCLI(t, "--tenant", "acme", "--openapi", srv.URL+path)
		if code != int(exitUsage) || stdout != "" || !strings.Contains(stderr, want) || !strings.Contains(stderr, `invalid --openapi "`+srv.URL+path) {
			t.Errorf("%s: exit %d, stdout %d bytes, stderr %q; want exit 2 naming the URL and %q", path, code, len(stdout), stderr, want)
		}
	}
}
