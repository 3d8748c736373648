//go:build e2e

package e2e

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// widgetsAPI is an API whose create answers the new widget under "uid", a field no path
// parameter's name suggests, and which knows only the widgets it made: a read or a delete of
// any other id is a 404. It records the requests it got, as "METHOD /path".
func widgetsAPI(t *testing.T) (*httptest.Server, func() []string) {
	t.Helper()
	var mu sync.Mutex
	var got []string
	made := map[string]bool{}
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, r.Method+" "+r.URL.Path)
		w.Header().Set("Content-Type", "application/json")
		id, item := strings.CutPrefix(r.URL.Path, "/widgets/")
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/widgets":
			uid := "w-" + string(rune('1'+len(made)))
			made[uid] = true
			w.WriteHeader(http.StatusCreated)
			json.NewEncoder(w).Encode(map[string]string{"uid": uid, "name": "w"})
		case item && made[id] && r.Method == http.MethodGet:
			json.NewEncoder(w).Encode(map[string]string{"uid": id, "name": "w"})
		case item && made[id] && r.Method == http.MethodDelete:
			delete(made, id)
			w.WriteHeader(http.StatusNoContent)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	t.Cleanup(api.Close)
	return api, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), got...)
	}
}

// TestNewmanFollowsTheDocumentsLinks runs the collection of a document whose create links its
// answer's uid to the read and the delete of the widget: the run creates a widget, reads it and
// deletes it, under the uid the API gave, and every test passes. Without the links, no answer
// field would fill widgetId, and the read and the delete would not be sent.
func TestNewmanFollowsTheDocumentsLinks(t *testing.T) {
	client := loadClients(t)["m2m-basic"]
	srv := startOAuthServer(t, "ES384", 3600)
	api, requests := widgetsAPI(t)
	doc, err := filepath.Abs(filepath.Join("testdata", "links.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(envClientSecret, client.Secret)
	collection, environment := generateFiles(t, srv, "--client-id", client.ID, "--openapi", doc)
	run, console, err := runNewman(t, collection, "-e", environment, "--env-var", "baseUrl="+api.URL)
	if err != nil {
		t.Errorf("newman: %v", err)
	}
	want := []string{"POST /widgets", "GET /widgets/w-1", "DELETE /widgets/w-1"}
	if got := requests(); strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("the API got %v, want %v", got, want)
	}
	// Two token tests and, for the create and the read, status, content type and schema; the
	// delete's status: 2*3 + 3 + 3 + 1.
	if run.Run.Stats.Assertions.Total != 13 || run.Run.Stats.Assertions.Failed != 0 {
		t.Errorf("%d tests, %d failed, want 13 passing", run.Run.Stats.Assertions.Total, run.Run.Stats.Assertions.Failed)
	}
	if t.Failed() {
		t.Logf("newman output:\n%s", console)
	}
}
