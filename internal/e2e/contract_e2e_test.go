//go:build e2e

package e2e

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// contractDoc is a small API whose answers its document describes: a list, a create whose answer
// has required properties, a read, a 204 delete and a public health check.
var contractDoc = filepath.Join("testdata", "contract.yaml")

// contractFiles generates the collection of contractDoc, with tokens from srv, and its
// environment; args are more flags.
func contractFiles(t *testing.T, srv *oauthServer, args ...string) (collection, environment string) {
	t.Helper()
	client := loadClients(t)["m2m-basic"]
	t.Setenv(envClientSecret, client.Secret)
	doc, err := filepath.Abs(contractDoc)
	if err != nil {
		t.Fatal(err)
	}
	return generateFiles(t, srv, append([]string{"--client-id", client.ID, "--openapi", doc}, args...)...)
}

// emptyAnswers is an API that answers 200 with {} to everything: no real server answers so, and
// every answer the document describes with required properties must fail its contract test.
func emptyAnswers(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var requests atomic.Int64
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{}`))
	}))
	t.Cleanup(api.Close)
	return api, &requests
}

// contractTestNames are the names of the contract tests the script makes about a request.
var contractTestNames = []string{": the status is one the document lists", ": the content type is one the document lists", ": the answer matches the document's schema"}

func isContractTest(name string) bool {
	for _, suffix := range contractTestNames {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// TestNewmanContractTestsFailEmptyAnswers runs the collection in Newman against an API that
// answers {} with 200 to everything: the contract tests fail in every operation whose
// documented answer is not that, each failure naming the operation and the schema path or the
// statuses the document lists; the token tests pass, and the health check, whose schema
// requires nothing, passes.
func TestNewmanContractTestsFailEmptyAnswers(t *testing.T) {
	srv := startOAuthServer(t, "ES384", 3600)
	api, requests := emptyAnswers(t)
	collection, environment := contractFiles(t, srv)
	start := time.Now()
	run, console, err := runNewman(t, collection, "-e", environment, "--env-var", "baseUrl="+api.URL,
		"--env-var", "thingId=t-1", "--env-var", "changeExisting=true")
	t.Logf("newman: %v", time.Since(start).Round(time.Millisecond))
	if err == nil {
		t.Error("newman exited 0 although the answers break the document")
	}
	if got := requests.Load(); got != 5 {
		t.Errorf("the API got %d requests, want all 5", got)
	}
	want := map[string]string{
		"List things: the answer matches the document's schema": "List things: 200 answer should be array (schema #/definitions/get-things-200/type)",
		"Create a thing: the status is one the document lists":  "Create a thing: HTTP 200 is not an answer the document lists (201)",
		"Get a thing: the answer matches the document's schema": "Get a thing: 200 answer should have required property 'id' (schema #/definitions/Thing/required)",
		"Delete a thing: the status is one the document lists":  "Delete a thing: HTTP 200 is not an answer the document lists (204)",
	}
	got := map[string]string{}
	for _, f := range run.Run.Failures {
		got[f.Error.Test] = f.Error.Message
	}
	for test, message := range want {
		if got[test] != message {
			t.Errorf("failure of %q: %q, want %q", test, got[test], message)
		}
	}
	for test, message := range got {
		if _, ok := want[test]; !ok {
			t.Errorf("unexpected failure of %q: %q", test, message)
		}
	}
	// Token tests on the four protected requests; contract tests: list 3, create 1, get 3,
	// delete 1, health 3.
	if total := run.Run.Stats.Assertions.Total; total != 2*4+11 {
		t.Errorf("%d tests, want %d", total, 2*4+11)
	}
	if t.Failed() {
		t.Logf("newman output:\n%s", console)
	}

	// Without contract tests, the same answers pass: only the token tests are made.
	off, _ := contractFiles(t, srv, "--no-contract-tests")
	start = time.Now()
	run, console, err = runNewman(t, off, "-e", environment, "--env-var", "baseUrl="+api.URL,
		"--env-var", "thingId=t-1", "--env-var", "changeExisting=true")
	t.Logf("newman, --no-contract-tests: %v", time.Since(start).Round(time.Millisecond))
	if err != nil {
		t.Errorf("newman without contract tests: %v", err)
	}
	for _, name := range assertionNames(t, run) {
		if isContractTest(name) {
			t.Errorf("a contract test without contract tests: %q", name)
		}
	}
	if run.Run.Stats.Assertions.Total != 2*4 || run.Run.Stats.Assertions.Failed != 0 {
		t.Errorf("%d tests, %d failed, want the 8 token tests passing", run.Run.Stats.Assertions.Total, run.Run.Stats.Assertions.Failed)
	}
	if t.Failed() {
		t.Logf("newman output:\n%s", console)
	}
}

// TestNewmanContractTestsPassOnPrism runs the collection in Newman against Prism's dynamic mock
// of the document, which answers as the document says: every contract test is made and passes,
// and Prism finds no request the document forbids.
func TestNewmanContractTestsPassOnPrism(t *testing.T) {
	srv := startOAuthServer(t, "ES384", 3600)
	doc, err := filepath.Abs(contractDoc)
	if err != nil {
		t.Fatal(err)
	}
	prism := startPrism(t, doc)
	collection, environment := contractFiles(t, srv)
	start := time.Now()
	run, console, err := runNewman(t, collection, "-e", environment, "--env-var", "baseUrl="+prism.Base)
	t.Logf("newman: %v", time.Since(start).Round(time.Millisecond))
	if err != nil {
		t.Errorf("newman: %v", err)
	}
	for _, f := range run.Run.Failures {
		t.Errorf("%s: %s", f.Error.Test, f.Error.Message)
	}
	for _, req := range prism.requests() {
		if len(req.Violations) > 0 {
			t.Errorf("Prism: the document forbids %s: %s", req.Line, strings.Join(req.Violations, "; "))
		}
	}
	contract := 0
	for _, name := range assertionNames(t, run) {
		if isContractTest(name) {
			contract++
		}
	}
	// list 3, create 3, get 3, delete 1 (a 204 has no body), health 3.
	if contract != 13 {
		t.Errorf("%d contract tests, want 13", contract)
	}
	if t.Failed() {
		t.Logf("newman output:\n%s\nPrism:\n%s", console, prism.text())
	}
}

// assertionNames are the names of the tests a run made, each once, sorted, from Newman's report.
// It lists the token request the first request's script sends as an exchange of its own, with
// that request's tests: a name that recurs is counted once.
func assertionNames(t *testing.T, run newmanRun) []string {
	t.Helper()
	seen := map[string]bool{}
	var names []string
	for _, e := range run.Run.Executions {
		for _, a := range e.Assertions {
			if !seen[a.Assertion] {
				seen[a.Assertion] = true
				names = append(names, a.Assertion)
			}
		}
	}
	sort.Strings(names)
	return names
}
