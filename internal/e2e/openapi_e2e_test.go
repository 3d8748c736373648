//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewmanRunsAnOpenAPICollection generates a collection from an OpenAPI document and runs it
// in Newman against the real OAuth server: every protected request reaches the API with a token
// the server verifies, no public request carries one, and one token request serves the run.
func TestNewmanRunsAnOpenAPICollection(t *testing.T) {
	client := loadClients(t)["m2m-basic"]
	srv := startOAuthServer(t, "ES384", 3600)
	t.Setenv(envClientSecret, client.Secret)
	spec, err := filepath.Abs(filepath.Join("testdata", "api.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	collection, environment := generateFiles(t, srv, "--client-id", client.ID, "--openapi", spec)

	data, err := os.ReadFile(collection)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"name": "Create an application"`, `"value": "{{applicationId}}"`, `"type": "noauth"`, `"key": "applicationId"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the collection lacks %s", want)
		}
	}

	run, console, err := runNewman(t, collection, "-e", environment, "--env-var", "applicationId=app-1")
	if err != nil {
		t.Errorf("newman: %v\n%s", err, console)
	}
	st := srv.stats(t)
	const protected, public = 4, 2
	if st.APIRequests != protected || st.APIUnauthorized != 0 || st.TokenRequests != 1 || st.TokenErrors != 0 {
		t.Errorf("server stats = %+v, want %d authorized API requests and 1 token request", st, protected)
	}
	if st.OpenRequests != public || st.OpenWithAuthorization != 0 {
		t.Errorf("server stats = %+v, want %d public requests, none with Authorization", st, public)
	}
	for _, e := range run.Run.Executions {
		if e.Response.Code != 200 {
			t.Errorf("%s: HTTP %d, want 200", e.Item.Name, e.Response.Code)
		}
	}
	// Two tests on each protected request, none on a public one.
	if run.Run.Stats.Assertions.Failed != 0 || run.Run.Stats.Assertions.Total != 2*protected {
		t.Errorf("assertions: %d of %d failed, want 0 of %d", run.Run.Stats.Assertions.Failed, run.Run.Stats.Assertions.Total, 2*protected)
	}
	if t.Failed() {
		t.Logf("newman output:\n%s", console)
	}
}
