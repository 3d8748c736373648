//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVerifyResolvesACollectionAsNewmanDoes runs one collection in Newman and in verify against
// two servers. Every place a collection can say two things says the decoy server first and the
// real one last: a duplicated tokenUrl and baseUrl in the environment, a duplicated baseUrl
// among the collection's variables, and a request whose raw URL names the decoy while its
// structured URL, which Newman sends, names the real one. Newman calls only the real server;
// verify must too, with the secret and with the token.
func TestVerifyResolvesACollectionAsNewmanDoes(t *testing.T) {
	client := loadClients(t)["m2m-basic"]
	real, decoy := startOAuthServer(t, "ES384", 3600), startOAuthServer(t, "ES384", 3600)
	collection, environment := generateFiles(t, real, "--client-id", client.ID)

	editJSON(t, environment, func(env map[string]any) {
		values := env["values"].([]any)
		first := []any{
			map[string]any{"key": "tokenUrl", "value": decoy.TokenURL, "type": "default", "enabled": true},
			map[string]any{"key": "baseUrl", "value": decoy.Base, "type": "default", "enabled": true},
		}
		env["values"] = append(first, values...)
	})
	editJSON(t, collection, func(col map[string]any) {
		vars := col["variable"].([]any)
		col["variable"] = append([]any{map[string]any{"key": "baseUrl", "value": decoy.Base, "type": "string"}}, vars...)
		folder := col["item"].([]any)[0].(map[string]any)
		request := folder["item"].([]any)[0].(map[string]any)["request"].(map[string]any)
		url := request["url"].(map[string]any)
		url["raw"] = decoy.Base + "/api/applications"
	})

	run, console, err := runNewman(t, collection, "-e", environment, "--env-var", "clientSecret="+client.Secret)
	if err != nil {
		t.Fatalf("newman: %v\n%s", err, console)
	}
	newman := real.stats(t)
	if newman.TokenRequests != 1 || newman.APIRequests == 0 || newman.APIUnauthorized != 0 {
		t.Errorf("Newman: real server stats %+v, want its token request and API requests", newman)
	}
	if st := decoy.stats(t); st != (serverStats{}) {
		t.Errorf("Newman reached the decoy server: %+v", st)
	}
	for _, e := range run.Run.Executions {
		if e.Response.Code != 200 {
			t.Errorf("%s: HTTP %d", e.Item.Name, e.Response.Code)
		}
	}

	t.Setenv(envClientSecret, client.Secret)
	report, stdout, stderr, code := runVerifyJSON(t, "--collection", collection, "--environment", environment, "--call")
	if code != 0 || !report.OK {
		t.Errorf("verify: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if st := decoy.stats(t); st != (serverStats{}) {
		t.Errorf("verify reached the decoy server: %+v", st)
	}
	st := real.stats(t)
	if st.TokenRequests != newman.TokenRequests+1 || st.APIRequests != newman.APIRequests+1 {
		t.Errorf("verify: real server stats %+v after Newman's %+v, want one more token request and one more API request", st, newman)
	}
	if report.Call == nil || !strings.HasPrefix(report.Call.URL, real.Base+"/") {
		t.Errorf("verify called %+v, want the real server %s", report.Call, real.Base)
	}
}

// editJSON rewrites a JSON file through edit.
func editJSON(t *testing.T, path string, edit func(map[string]any)) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	edit(v)
	if data, err = json.Marshal(v); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Clean(path), data, 0o600); err != nil {
		t.Fatal(err)
	}
}
