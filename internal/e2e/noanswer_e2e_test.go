//go:build e2e

package e2e

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewmanSaysARequestGotNoAnswer runs a collection against an API that closes the connection
// without answering: the request fails one test that says it got no answer, and no test passes
// or fails on a status it never had ("HTTP undefined").
func TestNewmanSaysARequestGotNoAnswer(t *testing.T) {
	client := loadClients(t)["m2m-basic"]
	srv := startOAuthServer(t, "ES384", 3600)
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer api.Close()
	doc := filepath.Join(t.TempDir(), "api.yaml")
	if err := os.WriteFile(doc, []byte(`openapi: 3.0.3
info: {title: Gone, version: "1"}
servers: [{url: "https://api.example.com"}]
paths:
  /things:
    get:
      summary: List things
      responses:
        "200":
          description: The things.
          content:
            application/json:
              schema: {type: array, items: {type: string}}
`), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(envClientSecret, client.Secret)
	collection, environment := generateFiles(t, srv, "--client-id", client.ID, "--openapi", doc)
	run, console, err := runNewman(t, collection, "-e", environment, "--env-var", "baseUrl="+api.URL)
	if err == nil {
		t.Error("newman exited 0 although the request got no answer")
	}
	// Newman lists the request's own error as a failure of no test; beside it, one test fails.
	var names []string
	requestErrors := 0
	for _, f := range run.Run.Failures {
		if f.Error.Test == "" {
			requestErrors++
			continue
		}
		names = append(names, f.Error.Test)
	}
	if requestErrors != 1 || strings.Join(names, ",") != "gen-postman: the request got an answer" {
		t.Errorf("%d request errors and the failed tests %q, want 1 and the test saying the request got no answer", requestErrors, names)
	}
	if strings.Contains(console, "HTTP undefined") || strings.Contains(console, "✓  the API accepts the token") {
		t.Errorf("a test spoke of a status the request never had:\n%s", console)
	}
}
