//go:build e2e

package e2e

import (
	"net/http"
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

	// The run creates nothing (this API's answers hold no id): only changeExisting lets its
	// DELETE of app-1 go out; first without it, the DELETE is skipped and named.
	_, console, err := runNewman(t, collection, "-e", environment, "--env-var", "applicationId=app-1")
	if err != nil {
		t.Errorf("newman: %v\n%s", err, console)
	}
	const skipped = `gen-postman: skipped "Delete an application": DELETE would change what applicationId "app-1" names, which this run did not create`
	if !strings.Contains(console, skipped) {
		t.Errorf("newman output lacks %q:\n%s", skipped, console)
	}
	if st := srv.stats(t); st.APIRequests != 3 {
		t.Errorf("server stats = %+v, want 3 API requests: the DELETE not sent", st)
	}
	if _, err := http.Post(srv.Base+"/__stats/reset", "", nil); err != nil {
		t.Fatal(err)
	}
	run, console, err := runNewman(t, collection, "-e", environment, "--env-var", "applicationId=app-1", "--env-var", "changeExisting=true")
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
	// Two token tests on each protected request, none on a public one; on every request, the
	// contract test of its status (the document lists 200 with no body, so no more).
	if want := 2*protected + protected + public; run.Run.Stats.Assertions.Failed != 0 || run.Run.Stats.Assertions.Total != want {
		t.Errorf("assertions: %d of %d failed, want 0 of %d", run.Run.Stats.Assertions.Failed, run.Run.Stats.Assertions.Total, want)
	}
	if t.Failed() {
		t.Logf("newman output:\n%s", console)
	}
}

// TestNewmanFailsARequestWithAnEmptyPathVariable runs the same collection with applicationId left
// empty: the requests about one application would go to /api/applications/ (the list route, a
// 200), so none of them is sent, each fails a test that names the variable to set, and Newman
// exits non-zero.
func TestNewmanFailsARequestWithAnEmptyPathVariable(t *testing.T) {
	client := loadClients(t)["m2m-basic"]
	srv := startOAuthServer(t, "ES384", 3600)
	t.Setenv(envClientSecret, client.Secret)
	spec, err := filepath.Abs(filepath.Join("testdata", "api.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	collection, environment := generateFiles(t, srv, "--client-id", client.ID, "--openapi", spec)

	run, console, err := runNewman(t, collection, "-e", environment)
	if err == nil {
		t.Error("newman exited 0 although a path variable was empty")
	}
	const want = "path variable :id is empty: set applicationId"
	failed := 0
	for _, f := range run.Run.Failures {
		if f.Error.Test != "gen-postman: every path variable is set" {
			t.Errorf("failure %q: %q, want only the path variable test", f.Error.Test, f.Error.Message)
			continue
		}
		if f.Error.Message != want {
			t.Errorf("failure message %q, want %q", f.Error.Message, want)
		}
		failed++
	}
	if failed == 0 {
		t.Error("no request failed for its empty path variable")
	}
	const requests = 6
	if st := srv.stats(t); st.APIRequests+st.OpenRequests != requests-failed {
		t.Errorf("the API received %d requests, want the %d of %d with their path variables set", st.APIRequests+st.OpenRequests, requests-failed, requests)
	}
	if !strings.Contains(console, want) {
		t.Errorf("newman output lacks %q", want)
	}
	if t.Failed() {
		t.Logf("newman output:\n%s", console)
	}
}
