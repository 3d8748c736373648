//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/apimodel"
	"github.com/gen-postman/gen-postman/internal/openapi"
)

// skippedLine is the console line of a request the pre-request script did not send.
var skippedLine = regexp.MustCompile(`gen-postman: skipped "([^"]+)": (.*)`)

// prismRun is what one Newman run of a collection against Prism's mock did.
type prismRun struct {
	// Document is the path of the document the collection was made from.
	Document string
	// Requests counts the collection's requests; Sent those Prism received, Skipped those the
	// pre-request script did not send, by name, with why.
	Requests int
	Sent     []prismRequest
	Skipped  map[string]string
	Newman   newmanRun
	Console  string
}

// violations lists the requests Prism found the document forbids, each with its violations.
func (r *prismRun) violations() []prismRequest {
	var out []prismRequest
	for _, req := range r.Sent {
		if len(req.Violations) > 0 {
			out = append(out, req)
		}
	}
	return out
}

// runAgainstPrism generates the collection of the real document name, with tokens from the
// oidc-provider server, and runs it in Newman against Prism's dynamic mock of the document.
func runAgainstPrism(t *testing.T, name string, args ...string) *prismRun {
	t.Helper()
	doc := realDocument(t, name)
	client := loadClients(t)["m2m-basic"]
	srv := startOAuthServer(t, "ES384", 3600)
	prism := startPrism(t, doc)
	t.Setenv(envClientSecret, client.Secret)
	collection, environment := generateFiles(t, srv, append([]string{"--client-id", client.ID, "--openapi", doc}, args...)...)
	requests := countRequests(t, collection)
	run, console, _ := runNewman(t, collection, "-e", environment, "--env-var", "baseUrl="+prism.Base)
	if st := srv.stats(t); st.TokenRequests != 1 || st.TokenErrors != 0 {
		t.Errorf("server stats = %+v, want one token request, not refused", st)
	}
	r := &prismRun{Document: doc, Requests: requests, Sent: prism.requests(), Skipped: map[string]string{}, Newman: run, Console: console}
	for _, m := range skippedLine.FindAllStringSubmatch(console, -1) {
		r.Skipped[m[1]] = strings.TrimRight(m[2], "' \r")
	}
	if len(r.Sent)+len(r.Skipped) != requests {
		t.Errorf("Prism received %d requests and %d were skipped by name, want the collection's %d in all", len(r.Sent), len(r.Skipped), requests)
	}
	return r
}

// countRequests counts the requests of a collection file, in all its folders.
func countRequests(t *testing.T, file string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	type item struct {
		Request json.RawMessage `json:"request"`
		Item    []item          `json:"item"`
	}
	var c item
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatalf("reading %s: %v", file, err)
	}
	var count func([]item) int
	count = func(items []item) int {
		n := 0
		for _, it := range items {
			if it.Request != nil {
				n++
			}
			n += count(it.Item)
		}
		return n
	}
	return count(c.Item)
}

// TestNewmanRunsLogtoAgainstPrism runs the collection of Logto's whole Management API document in
// Newman against Prism's dynamic mock of that document, which checks every request against it.
// Prism finds no request the document forbids. Lists and creates fill the ids the requests after
// them use, so that at least 85% of the requests go out. A request whose body no value built from
// the document meets (Logto's email pattern written between slashes) is skipped and named. No request goes out with an empty path variable: each such request is
// skipped, named, and fails the run with a test that names the variable to set. A PUT, PATCH
// or DELETE about what no create of the run answered is skipped and named. Every answer is
// checked against the responses its operation lists, and no contract test fails but where Prism
// cannot make up an answer (checkPrismContracts).
func TestNewmanRunsLogtoAgainstPrism(t *testing.T) {
	r := runAgainstPrism(t, "logto-management-api.cloud.json")
	checkPrismRun(t, "Logto", r)
	// About 28 of Logto's operations change tenant-wide settings or the sign-in flow, which no
	// request of the run creates.
	changes := 0
	for _, why := range r.Skipped {
		if strings.Contains(why, "which this run did not create") || strings.Contains(why, "so nothing this run created") {
			changes++
		}
	}
	if changes == 0 {
		t.Error("no PUT, PATCH or DELETE was skipped for changing what the run did not create")
	}
}

// checkPrismRun fails unless Prism found no request the document forbids, at least 85% of the
// requests went out, and each skipped one was named, those with an empty path variable by a
// failing test.
func checkPrismRun(t *testing.T, doc string, r *prismRun) {
	t.Helper()
	bad := r.violations()
	for _, req := range bad {
		t.Errorf("Prism: the document forbids %s: %s", req.Line, strings.Join(req.Violations, "; "))
	}
	if sent := len(r.Sent); sent*100 < r.Requests*85 {
		t.Errorf("%d of %d requests sent, want at least 85%%", sent, r.Requests)
	}
	failed := map[string]bool{}
	for _, f := range r.Newman.Run.Failures {
		if f.Error.Test == "gen-postman: every path variable is set" {
			if !strings.Contains(f.Error.Message, "is empty: set ") {
				t.Errorf("failure %q does not name the variable to set", f.Error.Message)
			}
			failed[f.Source.Name] = true
		}
	}
	for name, why := range r.Skipped {
		if strings.Contains(why, " is empty") && !failed[name] {
			t.Errorf("request %q was skipped for an empty path variable without a failing test", name)
		}
	}
	contracts, prismErrors := checkPrismContracts(t, r)
	t.Logf("%s on Prism: %d requests, %d sent, %d skipped, %d with request violations; %d tests, %d failed; contract tests on %d requests, %d failed where Prism could not answer (HTTP 500)",
		doc, r.Requests, len(r.Sent), len(r.Skipped), len(bad), r.Newman.Run.Stats.Assertions.Total, r.Newman.Run.Stats.Assertions.Failed, contracts, prismErrors)
	for name, why := range r.Skipped {
		t.Logf("skipped %q: %s", name, why)
	}
	if t.Failed() {
		t.Logf("newman output:\n%s", r.Console)
	}
}

// checkPrismContracts fails unless every request sent whose operation lists responses had its
// answer checked against them, and no contract test failed but where Prism itself could not
// answer: an answer documented as JSON with no schema, which Prism's dynamic mock refuses to
// make up (HTTP 500, "schema is not defined"). Prism makes up its answers from the document's
// schemas, so a schema test that fails would be a schema the collection wrote wrong. It returns
// how many requests were checked, and how many failed for Prism's 500.
func checkPrismContracts(t *testing.T, r *prismRun) (checked, prismErrors int) {
	t.Helper()
	data, err := os.ReadFile(r.Document)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := openapi.Parse(data, openapi.Options{})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]apimodel.Request{}
	for _, f := range doc.Folders {
		for _, req := range f.Requests {
			byName[req.Name] = req
		}
	}
	statusTest := contractTestNames[0]
	checkedNames := map[string]bool{}
	for _, e := range r.Newman.Run.Executions {
		for _, a := range e.Assertions {
			if name, ok := strings.CutSuffix(a.Assertion, statusTest); ok {
				checkedNames[name] = true
			}
		}
	}
	for _, e := range r.Newman.Run.Executions {
		name := e.Item.Name
		if len(byName[name].Responses) > 0 && e.Response.Code != 0 && !checkedNames[name] {
			t.Errorf("%q was answered %d and its answer was not checked against the responses its operation lists", name, e.Response.Code)
		}
	}
	for _, f := range r.Newman.Run.Failures {
		if !isContractTest(f.Error.Test) {
			continue
		}
		if strings.HasSuffix(f.Error.Test, statusTest) && strings.Contains(f.Error.Message, "HTTP 500 ") && prismCannotAnswer(byName[f.Source.Name]) {
			prismErrors++
			continue
		}
		t.Errorf("contract test %q failed: %s", f.Error.Test, f.Error.Message)
	}
	return len(checkedNames), prismErrors
}

// prismCannotAnswer reports whether a request's operation documents a success as JSON without
// a schema, which Prism's dynamic mock answers with its own 500.
func prismCannotAnswer(req apimodel.Request) bool {
	for _, resp := range req.Responses {
		if resp.Status[0] != '2' || resp.Schema != "" {
			continue
		}
		for _, ct := range resp.ContentTypes {
			if strings.HasSuffix(ct, "json") {
				return true
			}
		}
	}
	return false
}
