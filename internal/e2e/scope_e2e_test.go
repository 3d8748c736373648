//go:build e2e

package e2e

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestNewmanSaysWhichScopeWasDropped runs an OpenAPI collection for a client that holds
// read:items but asks for write:items too: oidc-provider grants read:items alone without an
// error, as RFC 6749 section 3.3 allows. The run warns at the token which scope is missing, and
// each request the API then refuses says why, from its WWW-Authenticate challenge
// (insufficient_scope), rather than a bare 403.
func TestNewmanSaysWhichScopeWasDropped(t *testing.T) {
	limited := loadClients(t)["m2m-limited"]
	srv := startOAuthServer(t, "ES384", 3600)
	t.Setenv(envClientSecret, limited.Secret)
	spec, err := filepath.Abs(filepath.Join("testdata", "api.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	collection, environment := generateFiles(t, srv, "--client-id", limited.ID, "--openapi", spec,
		"--resource", "https://api.example.test", "--scope", "read:items write:items")
	run, console, err := runNewman(t, collection, "-e", environment, "--env-var", "applicationId=app-1", "--env-var", "changeExisting=true")
	if err == nil {
		t.Error("newman exited 0 although the API refused the requests that need write:items")
	}
	const warning = `gen-postman: the token grants "read:items", without write:items asked for`
	if !strings.Contains(console, warning) {
		t.Errorf("newman output lacks %q", warning)
	}
	refused := 0
	for _, f := range run.Run.Failures {
		if f.Error.Test != "the API accepts the token (not 401 or 403)" {
			continue
		}
		refused++
		if !strings.Contains(f.Error.Message, "insufficient_scope") || !strings.Contains(f.Error.Message, "write:items") {
			t.Errorf("%s: %q, want the API's challenge naming insufficient_scope and write:items", f.Source.Name, f.Error.Message)
		}
	}
	if refused == 0 {
		t.Error("no request was refused for the scope it lacks")
	}
	if t.Failed() {
		t.Logf("newman output:\n%s", console)
	}
}
