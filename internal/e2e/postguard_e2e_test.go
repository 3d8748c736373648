//go:build e2e

package e2e

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestNewmanPostsOnlyUnderWhatTheRunCreated: a POST under an id (deactivate a device) acts on what
// the id names, so a run sends it only for a device the run created, as it does a PUT, PATCH or
// DELETE. Against an API whose list answers a device that already exists, the deactivation is
// skipped and named; with a create before it, the created device is the one deactivated.
func TestNewmanPostsOnlyUnderWhatTheRunCreated(t *testing.T) {
	client := loadClients(t)["m2m-basic"]
	srv := startOAuthServer(t, "ES384", 3600)
	var mu sync.Mutex
	var got []string
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.Method+" "+r.URL.Path)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == "GET" && r.URL.Path == "/devices":
			w.Write([]byte(`[{"id":"existing-1"}]`))
		case r.Method == "POST" && r.URL.Path == "/devices":
			w.WriteHeader(http.StatusCreated)
			w.Write([]byte(`{"id":"new-1"}`))
		default:
			w.Write([]byte(`{}`))
		}
	}))
	defer api.Close()
	const head = `openapi: 3.0.3
info: {title: Devices, version: "1"}
servers: [{url: "https://api.example.com"}]
paths:
  /devices:
    get:
      summary: List devices
      responses: {"200": {description: ok}}
`
	const create = `    post:
      summary: Create a device
      responses: {"201": {description: created}}
`
	const deactivate = `  /devices/{deviceId}:
    get:
      summary: Get a device
      parameters: [{name: deviceId, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
  /devices/{deviceId}/lifecycle/deactivate:
    post:
      summary: Deactivate a device
      parameters: [{name: deviceId, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
`
	t.Setenv(envClientSecret, client.Secret)
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{"a device that exists", head + deactivate, []string{"GET /devices", "GET /devices/existing-1"}},
		{"a device the run created", head + create + deactivate, []string{"GET /devices", "POST /devices", "POST /devices/new-1/lifecycle/deactivate", "GET /devices/new-1"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mu.Lock()
			got = nil
			mu.Unlock()
			doc := filepath.Join(t.TempDir(), "api.yaml")
			if err := os.WriteFile(doc, []byte(tt.doc), 0o600); err != nil {
				t.Fatal(err)
			}
			collection, environment := generateFiles(t, srv, "--client-id", client.ID, "--openapi", doc)
			_, console, err := runNewman(t, collection, "-e", environment, "--env-var", "baseUrl="+api.URL)
			if err != nil {
				t.Errorf("newman: %v\n%s", err, console)
			}
			mu.Lock()
			defer mu.Unlock()
			if strings.Join(got, ", ") != strings.Join(tt.want, ", ") {
				t.Errorf("the API got %v, want %v\n%s", got, tt.want, console)
			}
			const skipped = `skipped "Deactivate a device": POST would change what deviceId "existing-1" names, which this run did not create`
			if (len(tt.want) == 2) != strings.Contains(console, skipped) {
				t.Errorf("the skip is said: %v, want %v:\n%s", strings.Contains(console, skipped), len(tt.want) == 2, console)
			}
		})
	}
}
