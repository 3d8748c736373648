//go:build e2e && realdocs

package e2e

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestRealDocsSchemasCompileInTheSandbox generates the collections of the real documents and
// has the test script check an answer against each schema their contracts name, in Postman's
// sandbox: ajv 6 compiles every one (patterns in JavaScript's dialect, references found), so
// no contract test of theirs fails for a schema it cannot read. go test -tags 'e2e realdocs'
// -run RealDocs ./internal/e2e; about 30 s on a loaded machine.
func TestRealDocsSchemasCompileInTheSandbox(t *testing.T) {
	docs := []string{"logto-management-api.cloud.json", "kinde-management-api.yaml", "fusionauth.yaml", "okta-management.yaml",
		"clerk-bapi-2026-05-12.yml", "pingone-combined.json", "twilio-iam-organizations.json", "keycloak-23.0.7.json",
		"ory-hydra.json", "ory-hydra.swagger2.json"}
	for _, name := range docs {
		t.Run(name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "--provider", "generic", "--token-url", "https://id.example.com/token", "--client-id", "svc",
				"--openapi", realDocument(t, name))
			if code != 0 {
				t.Fatalf("gen-postman: exit %d\n%s", code, stderr)
			}
			script := collectionTestScript(t, stdout)
			var contracts map[string][][]string
			scriptTable(t, script, "contracts", &contracts)
			// One answer for each schema named, at the first listed code that names it.
			var answers []sandboxAnswer
			named := map[string]bool{}
			ids := slices.Sorted(maps.Keys(contracts))
			for _, id := range ids {
				for _, r := range contracts[id] {
					status, err := strconv.Atoi(r[0])
					if len(r) < 2 || r[1] == "" || named[r[1]] || err != nil {
						continue
					}
					named[r[1]] = true
					contentType := "application/json"
					if len(r) > 2 && !strings.Contains(r[2], "*") {
						contentType = r[2]
					}
					answers = append(answers, sandboxAnswer{ID: id, Name: r[1], NoAuth: true, Code: status,
						Headers: map[string]string{"Content-Type": contentType}, Body: "null"})
				}
			}
			if len(answers) == 0 {
				t.Fatal("the collection names no schema")
			}
			checked := 0
			for i, tests := range runInSandbox(t, script, answers) {
				for _, test := range tests {
					if !strings.HasSuffix(test.Name, ": the answer matches the document's schema") {
						continue
					}
					checked++
					if strings.Contains(test.Message, "cannot be checked") {
						t.Errorf("schema %s: %s", answers[i].Name, test.Message)
					}
				}
			}
			if checked != len(answers) {
				t.Errorf("%d schema tests made, want one for each of the %d schemas", checked, len(answers))
			}
			t.Logf("%d schemas compiled, script %d KB", len(answers), len(script)/1024)
		})
	}
}

// scriptTable decodes the table the script writes on one line as "const NAME = {...};".
func scriptTable(t *testing.T, script, name string, v any) {
	t.Helper()
	prefix := "const " + name + " = "
	for _, line := range strings.Split(script, "\n") {
		if table, ok := strings.CutPrefix(line, prefix); ok {
			if err := json.Unmarshal([]byte(strings.TrimSuffix(table, ";")), v); err != nil {
				t.Fatalf("table %s: %v", name, err)
			}
			return
		}
	}
	t.Fatalf("the script has no table %s", name)
}
