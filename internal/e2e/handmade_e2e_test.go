//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// handMade copies a collection of testdata/handmade, and its environment when there is one,
// into a temporary directory with __BASE__ replaced by the server's URL.
func handMade(t *testing.T, srv *oauthServer, name string) (collection, environment string) {
	t.Helper()
	dir := t.TempDir()
	place := func(suffix string) string {
		data, err := os.ReadFile(filepath.Join("testdata", "handmade", name+suffix))
		if os.IsNotExist(err) {
			return ""
		}
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, name+suffix)
		if err := os.WriteFile(out, []byte(strings.ReplaceAll(string(data), "__BASE__", srv.Base)), 0o600); err != nil {
			t.Fatal(err)
		}
		return out
	}
	return place(".postman_collection.json"), place(".postman_environment.json")
}

// TestVerifyHandMadeCollections verifies collections made the way the providers' guides say,
// against the real server, with and without a bare --call: each passes, and the call reaches
// the collection's own request.
func TestVerifyHandMadeCollections(t *testing.T) {
	srv := startOAuthServer(t, "ES384", 3600)
	t.Setenv(envClientSecret, "") // every secret comes from the files
	tests := []struct {
		file     string
		request  string
		wantCall string // the path the bare --call reaches
		warning  string // a part of the one warning on stderr; empty for none
	}{
		{file: "request-literal", wantCall: "GET /api/applications"},
		{file: "collection-variables", wantCall: "GET /api/items?limit=5"},
		{file: "folder", wantCall: "GET /api/users"},
		{file: "v2.0-object", wantCall: "GET /api/roles"},
		{file: "mixed", wantCall: "GET /api/items"},
		{file: "two-configurations", wantCall: "GET /api/applications",
			warning: `2 different OAuth 2.0 configurations; verify checks the one of request "Management/List applications"`},
		{file: "two-configurations", request: "Items/List items", wantCall: "GET /api/items",
			warning: `not checked: request "Management/List applications"`},
	}
	for _, tt := range tests {
		name := tt.file
		if tt.request != "" {
			name += " --request " + tt.request
		}
		t.Run(name, func(t *testing.T) {
			collection, environment := handMade(t, srv, tt.file)
			args := []string{"--collection", collection}
			if environment != "" {
				args = append(args, "--environment", environment)
			}
			if tt.request != "" {
				args = append(args, "--request", tt.request)
			}
			for _, call := range []bool{false, true} {
				before := srv.stats(t)
				run := args
				if call {
					run = append(run, "--call")
				}
				r, stdout, stderr, code := runVerifyJSON(t, run...)
				if code != 0 || !r.OK {
					t.Errorf("--call %v: exit %d, ok %v; want 0\n%s\n%s", call, code, r.OK, stdout, stderr)
				}
				switch {
				case tt.warning == "" && stderr != "":
					t.Errorf("stderr %q, want nothing", stderr)
				case tt.warning != "" && (strings.Count(stderr, "warning:") != 1 || !strings.Contains(stderr, tt.warning)):
					t.Errorf("stderr %q, want one warning containing %q", stderr, tt.warning)
				}
				after := srv.stats(t)
				if !call {
					if r.Call != nil || after.APIRequests != before.APIRequests {
						t.Errorf("without --call: call %+v, API requests %d → %d; want none", r.Call, before.APIRequests, after.APIRequests)
					}
					continue
				}
				method, path, _ := strings.Cut(tt.wantCall, " ")
				if r.Call == nil || r.Call.Method != method || r.Call.URL != srv.Base+path || r.Call.Status != 200 {
					t.Errorf("call %+v, want %s %s%s answered 200", r.Call, method, srv.Base, path)
				}
				if after.APIRequests != before.APIRequests+1 || after.APIUnauthorized != before.APIUnauthorized {
					t.Errorf("API requests %d → %d, refused %d → %d; want one more, none refused",
						before.APIRequests, after.APIRequests, before.APIUnauthorized, after.APIUnauthorized)
				}
				t.Logf("shape %s: exit %d, --call reached %s", name, code, tt.wantCall)
			}
		})
	}
}
