package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// relativeServerDoc names its server by a path alone: relative to where it is served.
const relativeServerDoc = `openapi: 3.0.3
info: {title: Things, version: "1"}
servers: [{url: /api/v1}]
paths:
  /things:
    get:
      summary: List things
      responses: {"200": {description: ok}}
`

// TestOpenAPIRelativeServer: a document whose server is a path without a host keeps the path.
// Fetched from a URL, the path is on the host that served it; read from a file, it goes after
// the host the base URL is guessed from (the token URL's), and a warning says where the
// requests go. Before, the path was dropped without a word: /things went to the host's root.
func TestOpenAPIRelativeServer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/docs/api.yaml" {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(relativeServerDoc))
	}))
	defer srv.Close()
	file := filepath.Join(t.TempDir(), "api.yaml")
	if err := os.WriteFile(file, []byte(relativeServerDoc), 0o600); err != nil {
		t.Fatal(err)
	}
	swagger := filepath.Join(t.TempDir(), "swagger.json")
	if err := os.WriteFile(swagger, []byte(`{"swagger":"2.0","info":{"title":"T","version":"1"},"basePath":"/api/v2",
"paths":{"/things":{"get":{"summary":"List things","responses":{"200":{"description":"ok"}}}}}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	gen := []string{"--provider", "generic", "--token-url", "https://id.example.com/oauth/token", "--client-id", "svc"}
	for _, tt := range []struct {
		name, source, want string
		warns              bool
	}{
		{"served", srv.URL + "/docs/api.yaml", srv.URL + "/api/v1", true}, // another host than the token URL's
		{"file", file, "https://id.example.com/api/v1", true},
		{"swagger basePath without host", swagger, "https://id.example.com/api/v2", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, append(gen, "--openapi", tt.source)...)
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			var c struct {
				Variable []struct{ Key, Value string }
			}
			if err := json.Unmarshal([]byte(stdout), &c); err != nil {
				t.Fatal(err)
			}
			base := ""
			for _, v := range c.Variable {
				if v.Key == "baseUrl" {
					base = v.Value
				}
			}
			if base != tt.want {
				t.Errorf("baseUrl %q, want %q", base, tt.want)
			}
			if tt.warns && !strings.Contains(stderr, tt.want) {
				t.Errorf("no warning names where the requests go:\n%s", stderr)
			}
		})
	}
	// --base-url stands as given.
	stdout, stderr, code := runCLI(t, append(gen, "--openapi", file, "--base-url", "https://api.example.com/v9")...)
	if code != 0 || !strings.Contains(stdout, `"value": "https://api.example.com/v9"`) || strings.Contains(stdout, "/v9/api/v1") {
		t.Errorf("--base-url: exit %d\n%s", code, stderr)
	}
}
