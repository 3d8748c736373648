package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// TestBareCallNeverCallsTheIdentifier: a generic collection made with --resource or --audience
// and no --base-url has its baseUrl guessed from the identifier; a bare verify --call on it, or
// on the same flags, never sends the token there. It stops before any request with status 2
// and says what to give instead, and that works.
func TestBareCallNeverCallsTheIdentifier(t *testing.T) {
	idp, err := verifytest.NewIdP(verifytest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var idpHits atomic.Int32
	idpSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		idpHits.Add(1)
		idp.ServeHTTP(w, r)
	}))
	defer idpSrv.Close()
	var identifierHits atomic.Int32
	identifier := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		identifierHits.Add(1)
		t.Errorf("%s %s with Authorization %t: the identifier's address was called", r.Method, r.URL, r.Header.Get("Authorization") != "")
		http.Error(w, "not an API", http.StatusTeapot)
	}))
	defer identifier.Close()
	t.Setenv(envClientID, "m2m-app")
	t.Setenv(envClientSecret, "m2m-secret")
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	tokenURL := idpSrv.URL + "/oidc/token"

	for _, param := range []string{"resource", "audience"} {
		for _, id := range []string{identifier.URL + "/api", identifier.URL} {
			t.Run(param+" "+id, func(t *testing.T) {
				dir := t.TempDir()
				col, apiCol, doc := filepath.Join(dir, "c.json"), filepath.Join(dir, "api.json"), filepath.Join(dir, "openapi.json")
				// A document that names no server: its requests go under the guessed base URL.
				if err := os.WriteFile(doc, []byte(noServerDocument), 0o600); err != nil {
					t.Fatal(err)
				}
				given := []string{"--provider", "generic", "--token-url", tokenURL, "--" + param, id}
				withDoc := append(append([]string{}, given...), "--openapi", doc, "-o", apiCol)
				for _, gen := range [][]string{append(given, "-o", col), withDoc} {
					if _, stderr, code := runCLI(t, append([]string{"generate"}, gen...)...); code != 0 {
						t.Fatalf("generate %q: status %d\n%s", gen, code, stderr)
					}
				}
				idpHits.Store(0)
				for _, args := range [][]string{
					{"verify", "--collection", col, "--call"},
					append(append([]string{"verify"}, given...), "--call"),
					{"verify", "--collection", apiCol, "--call"},
				} {
					stdout, stderr, code := runCLI(t, args...)
					if code != 2 || !strings.Contains(stderr, "the "+param+" identifier \""+id+"\"") ||
						!strings.Contains(stderr, "put the URL where the API is served after --call, or a PATH after it with --base-url naming the API's base URL") {
						t.Errorf("%q: status %d\nstdout:\n%s\nstderr:\n%s\nwant 2 and the identifier named, with what to give instead",
							args, code, stdout, stderr)
					}
				}
				if n := idpHits.Load(); n != 0 {
					t.Errorf("the refused bare calls sent %d requests to the identity provider, want none", n)
				}
				// What the user is told to give works, and goes where it says.
				stdout, stderr, code := runCLI(t, "verify", "--collection", col, "--call", idpSrv.URL+"/api/resources")
				if code == 2 || !strings.Contains(stdout, "GET "+idpSrv.URL+"/api/resources: HTTP 200") {
					t.Errorf("--call URL: status %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
				}
				stdout, stderr, code = runCLI(t, "verify", "--collection", apiCol, "--base-url", idpSrv.URL, "--call")
				if code == 2 || !strings.Contains(stdout, "GET "+idpSrv.URL+"/api/resources: HTTP 200") {
					t.Errorf("--base-url with a bare --call: status %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
				}
			})
		}
	}
	if n := identifierHits.Load(); n != 0 {
		t.Errorf("the identifier's address got %d requests", n)
	}
}

// noServerDocument is an OpenAPI document that names no server, with one GET.
const noServerDocument = `{"openapi": "3.0.3", "info": {"title": "Resources", "version": "1"},
 "paths": {"/api/resources": {"get": {"operationId": "listResources", "responses": {"200": {"description": "ok"}}}}}}`
