//go:build e2e

package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// updateReport is what gen-postman update --json prints, as far as these tests read it.
type updateReport struct {
	Changed   bool     `json:"changed"`
	Added     []string `json:"added"`
	Updated   []string `json:"updated"`
	Unchanged int      `json:"unchanged"`
	Removed   []string `json:"removed"`
	Kept      []string `json:"kept"`
	Conflicts []struct {
		Request, Part string
	} `json:"conflicts"`
	FoldersAdded []string `json:"foldersAdded"`
	ScriptTables string   `json:"scriptTables"`
}

// runUpdate runs gen-postman update --json and reads its report.
func runUpdate(t *testing.T, args ...string) updateReport {
	t.Helper()
	args = append([]string{"update", "--json"}, args...)
	stdout, stderr, code := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("gen-postman %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	var r updateReport
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("reading the report: %v\n%s", err, stdout)
	}
	return r
}

// sdkRoundTrip loads a collection file with Postman's SDK and writes back what its toJSON gives,
// as the app does with what it imports and exports.
func sdkRoundTrip(t *testing.T, file string) {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", "sdk-roundtrip.js", abs)
	cmd.Dir = e2eDir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("sdk-roundtrip.js: %v\n%s", err, stderr.String())
	}
	if err := os.WriteFile(file, out, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestNewmanRunsAnUpdatedCollection generates a collection from an older document, edits it as a
// user would, passes it through Postman's SDK, updates it with the current document and runs it
// in Newman against the real OAuth server: the operation the document protects now gets a token,
// the one it opens no longer does, the new ones run, the dropped one is gone, the user's test
// runs, and one token request serves the run.
func TestNewmanRunsAnUpdatedCollection(t *testing.T) {
	client := loadClients(t)["m2m-basic"]
	srv := startOAuthServer(t, "ES384", 3600)
	t.Setenv(envClientSecret, client.Secret)
	old, err := filepath.Abs(filepath.Join("testdata", "api-v0.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	current, err := filepath.Abs(filepath.Join("testdata", "api.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	collection, environment := generateFiles(t, srv, "--client-id", client.ID, "--openapi", old)
	editJSON(t, collection, func(c map[string]any) {
		apps := c["item"].([]any)[0].(map[string]any)["item"].([]any)
		for _, it := range apps {
			item := it.(map[string]any)
			switch item["name"] {
			case "List applications":
				item["name"] = "My applications"
			case "Create an application":
				item["event"] = []any{map[string]any{"listen": "test", "script": map[string]any{
					"type": "text/javascript", "exec": []any{"pm.test('created by me', () => pm.response.to.have.status(200));"}}}}
			}
		}
	})
	sdkRoundTrip(t, collection)

	r := runUpdate(t, "--openapi", current, collection)
	if want := []string{"Applications/Delete an application", "Status/Sign-in experience"}; !reflect.DeepEqual(r.Added, want) {
		t.Errorf("added %v, want %v", r.Added, want)
	}
	if want := []string{"Applications/Legacy"}; !reflect.DeepEqual(r.Removed, want) {
		t.Errorf("removed %v, want %v", r.Removed, want)
	}
	if len(r.Conflicts) != 0 || len(r.Kept) != 0 {
		t.Errorf("conflicts %v, kept %v; want none", r.Conflicts, r.Kept)
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
	names := map[string]bool{}
	for _, e := range run.Run.Executions {
		names[e.Item.Name] = true
		if e.Response.Code != 200 {
			t.Errorf("%s: HTTP %d, want 200", e.Item.Name, e.Response.Code)
		}
	}
	if !names["My applications"] || names["Legacy"] {
		t.Errorf("newman ran %v: want the user's name, and not the dropped request", names)
	}
	// Two tests on each protected request, and the user's own; and the contract test of the
	// status of each of the 6 requests, the 2 update added among them: update brought their
	// listed answers into the test script's tables.
	if want := 2*protected + 1 + 6; run.Run.Stats.Assertions.Failed != 0 || run.Run.Stats.Assertions.Total != want {
		t.Errorf("assertions: %d of %d failed, want 0 of %d", run.Run.Stats.Assertions.Failed, run.Run.Stats.Assertions.Total, want)
	}
	if t.Failed() {
		t.Logf("newman output:\n%s", console)
	}
}

// TestUpdateReadsWhatPostmansSDKWrites walks Kinde's collection through its document's history
// (76 → 120 → 170 → 183 operations) twice, once as gen-postman writes it and once through a load
// and toJSON of Postman's SDK before each update (ids added, url.raw dropped, descriptions as
// objects, path variables typed): with the same edits made to both before each step, the reports
// agree at every step (the test script's tables refreshed in both), and updating the SDK's file
// with the document it came from changes nothing. The documents are read from ../shared/openapi beside the repository, or
// $GEN_POSTMAN_OPENAPI_DIR; the test is skipped only where that folder is absent.
func TestUpdateReadsWhatPostmansSDKWrites(t *testing.T) {
	requireNode(t)
	dir := os.Getenv("GEN_POSTMAN_OPENAPI_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "openapi")
	}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is absent: the real documents are not here", dir)
	}
	docs := []string{
		filepath.Join(dir, "kinde-history", "kinde-2024-03-17-60fccc9.yaml"),
		filepath.Join(dir, "kinde-history", "kinde-2024-11-19-61371e0.yaml"),
		filepath.Join(dir, "kinde-history", "kinde-2025-12-23-d0e029a.yaml"),
		filepath.Join(dir, "kinde-management-api.yaml"),
	}
	work := t.TempDir()
	plain, shaped := filepath.Join(work, "plain.json"), filepath.Join(work, "sdk.json")
	for _, file := range []string{plain, shaped} {
		if _, stderr, code := runCLI(t, "--provider", "kinde", "--tenant", "acme", "--client-id", "c", "--openapi", docs[0], "-o", file); code != 0 {
			t.Fatalf("generating: exit %d\n%s", code, stderr)
		}
	}
	for step := 1; step < len(docs); step++ {
		for _, file := range []string{plain, shaped} {
			editJSON(t, file, func(c map[string]any) { userEdit(c, step) })
		}
		sdkRoundTrip(t, shaped)
		if r := runUpdate(t, "--openapi", docs[step-1], shaped); r.Changed || len(r.Updated) != 0 || len(r.Conflicts) != 0 {
			t.Errorf("step %d: the document the SDK's file came from changed it: %+v", step, r)
		}
		want := runUpdate(t, "--openapi", docs[step], plain)
		got := runUpdate(t, "--openapi", docs[step], shaped)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("step %d: after the SDK the update reports\n%+v\nwant, as without it,\n%+v", step, got, want)
		}
		if want.ScriptTables != "refreshed" {
			t.Errorf("step %d: the test script's tables were %q, want refreshed", step, want.ScriptTables)
		}
		if len(want.Added) == 0 {
			t.Errorf("step %d: the report %+v adds nothing: the documents no longer exercise the update", step, want)
		}
	}
}

// userEdit renames the first request of the first folder and gives the second a test, as a
// user of the app would.
func userEdit(c map[string]any, step int) {
	items := c["item"].([]any)[0].(map[string]any)["item"].([]any)
	first, second := items[0].(map[string]any), items[1].(map[string]any)
	first["name"] = first["name"].(string) + " (mine)"
	second["event"] = []any{map[string]any{"listen": "test", "script": map[string]any{
		"type": "text/javascript", "exec": []any{"pm.test('step " + strconv.Itoa(step) + "', () => {});"}}}}
}
