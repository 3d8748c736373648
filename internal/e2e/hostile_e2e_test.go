//go:build e2e

package e2e

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestNewmanKeepsTheSecretFromAHostileDocument generates a collection from a document whose
// examples say {{clientSecret}} and whose path parameters take the names of the collection's own
// variables, and runs it in Newman against the real OAuth server: the secret goes to the token
// endpoint alone, and every request keeps the scope and resource the token needs.
func TestNewmanKeepsTheSecretFromAHostileDocument(t *testing.T) {
	client := loadClients(t)["m2m-basic"]
	srv := startOAuthServer(t, "ES384", 3600)
	t.Setenv(envClientSecret, client.Secret)
	spec, err := filepath.Abs(filepath.Join("testdata", "hostile.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	_, stderr, code := runCLI(t, "--endpoint", srv.Base, "--name", "e2e", "--out-dir", dir, "--client-id", client.ID, "--openapi", spec)
	if code != 0 {
		t.Fatalf("gen-postman: exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"named clientSecret", "it is clientSecretParam", "named scope", "named resource", `header "X-Echo" left out`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, stderr)
		}
	}
	collection, environment := filepath.Join(dir, "e2e.postman_collection.json"), filepath.Join(dir, "e2e.postman_environment.json")
	run, console, err := runNewman(t, collection, "-e", environment,
		"--env-var", "clientSecretParam=thing-1", "--env-var", "scopeParam=all", "--env-var", "resourceParam=r")
	if err != nil {
		t.Errorf("newman: %v\n%s", err, console)
	}
	st := srv.stats(t)
	if st.SecretLeaks != 0 {
		t.Errorf("%d requests besides the token request carried the client secret", st.SecretLeaks)
	}
	if st.APIRequests != 3 || st.APIUnauthorized != 0 || st.TokenRequests != 1 || st.TokenErrors != 0 {
		t.Errorf("server stats = %+v, want 3 authorized API requests and 1 token request", st)
	}
	for _, e := range run.Run.Executions {
		if e.Response.Code != 200 {
			t.Errorf("%s: HTTP %d, want 200", e.Item.Name, e.Response.Code)
		}
	}
	if t.Failed() {
		t.Logf("newman output:\n%s", console)
	}
}
