//go:build e2e

package e2e

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestNewmanContractTestsOfAnUpdatedCollection generates a collection from contract.yaml as it
// was before it had Get a thing, updates it with contract.yaml and runs it in Newman: against an
// API that answers {} to everything, the contract test of the request update added fails naming
// it and the schema path (the update brought its listed answers into the test script's tables),
// and against Prism's mock of the document, which answers as the document says, every contract
// test passes, the added request's among them.
func TestNewmanContractTestsOfAnUpdatedCollection(t *testing.T) {
	srv := startOAuthServer(t, "ES384", 3600)
	client := loadClients(t)["m2m-basic"]
	t.Setenv(envClientSecret, client.Secret)
	older, err := filepath.Abs(filepath.Join("testdata", "contract-v0.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	current, err := filepath.Abs(contractDoc)
	if err != nil {
		t.Fatal(err)
	}
	collection, environment := generateFiles(t, srv, "--client-id", client.ID, "--openapi", older)

	args := []string{"update", "--json", "--openapi", current, collection}
	stdout, stderr, code := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("gen-postman %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	var report struct {
		Added        []string `json:"added"`
		ScriptTables string   `json:"scriptTables"`
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("reading the report: %v\n%s", err, stdout)
	}
	if !slices.Equal(report.Added, []string{"Things/Get a thing"}) || report.ScriptTables != "refreshed" {
		t.Fatalf("update added %v, scriptTables %q; want [Things/Get a thing], refreshed", report.Added, report.ScriptTables)
	}

	api, _ := emptyAnswers(t)
	run, console, err := runNewman(t, collection, "-e", environment, "--env-var", "baseUrl="+api.URL,
		"--env-var", "thingId=t-1", "--env-var", "changeExisting=true")
	if err == nil {
		t.Error("newman exited 0 although the answers break the document")
	}
	const test, want = "Get a thing: the answer matches the document's schema",
		"Get a thing: 200 answer should have required property 'id' (schema #/definitions/Thing/required)"
	found := false
	for _, f := range run.Run.Failures {
		if f.Error.Test == test {
			found = true
			if f.Error.Message != want {
				t.Errorf("%s: %q, want %q", test, f.Error.Message, want)
			}
		}
	}
	if !found {
		t.Errorf("no failure of %q: the added request has no contract tests", test)
	}
	if t.Failed() {
		t.Logf("newman output:\n%s", console)
	}

	prism := startPrism(t, current)
	run, console, err = runNewman(t, collection, "-e", environment, "--env-var", "baseUrl="+prism.Base)
	if err != nil {
		t.Errorf("newman against Prism: %v", err)
	}
	for _, f := range run.Run.Failures {
		t.Errorf("%s: %s", f.Error.Test, f.Error.Message)
	}
	var getThing []string
	for _, name := range assertionNames(t, run) {
		if strings.HasPrefix(name, "Get a thing: ") && isContractTest(name) {
			getThing = append(getThing, name)
		}
	}
	if len(getThing) != 3 {
		t.Errorf("Get a thing's contract tests: %v, want its status, content type and schema checked", getThing)
	}
	if t.Failed() {
		t.Logf("newman output:\n%s\nPrism:\n%s", console, prism.text())
	}
}
