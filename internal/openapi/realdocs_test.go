//go:build realdocs

package openapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/apimodel"
)

// TestRealDocs checks the conversion of the real documents of ../shared/openapi.
// Run it with: go test -tags realdocs -run RealDocs ./internal/openapi/
func TestRealDocs(t *testing.T) {
	tests := []struct {
		file       string
		operations int
		public     int
		server     string
		token      string
	}{
		{"logto-management-api.cloud.json", 271, 58, "", ""},
		{"kinde-management-api.yaml", 183, 0, "https://your_kinde_subdomain.kinde.com", ""},
		{"okta-management.yaml", 732, 7, "https://subdomain.okta.com", ""},
		{"fusionauth.yaml", 323, 0, "http://localhost:9011", ""},
		{"ory-hydra.json", 52, 0, "", ""},
		{"ory-hydra.swagger2.json", 52, 0, "", ""},
		{"clerk-bapi-2026-05-12.yml", 249, 1, "https://api.clerk.com/v1", ""},
		{"twilio-iam-organizations.json", 13, 2, "https://preview-iam.twilio.com", "https://preview-iam.twilio.com/v1/token"},
		{"pingone-combined.json", 54, 0, "https://api.pingone.com/v1", "https://api.pingone.com/as/token"},
		{"keycloak-23.0.7.json", 316, 0, "https://keycloak.example.com/admin/realms", ""},
	}
	// The documents read as written, but for Keycloak's one $ref to a schema it does not define.
	warnings := map[string]string{
		"keycloak-23.0.7.json": `$ref "#/components/schemas/oas_any_type_not_mapped", used once, points at nothing in the document: read as an empty schema (any value)`,
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data := readRealDoc(t, tt.file)
			doc, err := Parse(data, Options{})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			checkRealDoc(t, doc, tt.operations, tt.public)
			if got := strings.Join(doc.Warnings, "\n"); got != warnings[tt.file] {
				t.Errorf("warnings %q, want %q", got, warnings[tt.file])
			}
			if doc.ServerURL != tt.server || doc.TokenURL != tt.token {
				t.Errorf("server %q token %q, want %q %q", doc.ServerURL, doc.TokenURL, tt.server, tt.token)
			}
			again, err := Parse(data, Options{})
			if err != nil {
				t.Fatalf("second Parse: %v", err)
			}
			a, _ := json.Marshal(doc)
			b, _ := json.Marshal(again)
			if string(a) != string(b) {
				t.Errorf("two parses differ")
			}
		})
	}
	t.Run("logto tenant", func(t *testing.T) {
		doc, err := Parse(readRealDoc(t, "logto-management-api.cloud.json"), Options{Tenant: "abc123"})
		if err != nil {
			t.Fatal(err)
		}
		if doc.ServerURL != "https://abc123.logto.app" || doc.TokenURL != "https://abc123.logto.app/oidc/token" {
			t.Errorf("server %q token %q", doc.ServerURL, doc.TokenURL)
		}
	})
	t.Run("hydra swagger 2.0 as openapi 3.0", func(t *testing.T) {
		// The two files give three operations different summaries; all else is the same API.
		renamed := map[string]string{
			"Check Alive Status":     "Check HTTP Server Status",
			"Check Readiness Status": "Check HTTP Server and Database Status",
			"Get Service Version":    "Return Running Software Version.",
		}
		requests := func(name string, rename map[string]string) []string {
			doc, err := Parse(readRealDoc(t, name), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, f := range doc.Folders {
				for _, r := range f.Requests {
					name := r.Name
					if to, ok := rename[name]; ok {
						name = to
					}
					out = append(out, fmt.Sprintf("%s %s | %s public=%v", r.Method, r.Path, name, r.Public))
				}
			}
			sort.Strings(out)
			return out
		}
		v2, v3 := requests("ory-hydra.swagger2.json", renamed), requests("ory-hydra.json", nil)
		if strings.Join(v2, "\n") != strings.Join(v3, "\n") {
			t.Errorf("Swagger 2.0 requests differ from OpenAPI 3.0's:\n%s", lineDiff(strings.Join(v3, "\n"), strings.Join(v2, "\n")))
		}
		if len(v2) != 52 {
			t.Errorf("%d requests, want 52", len(v2))
		}
	})
	t.Run("kinde tenant", func(t *testing.T) {
		doc, err := Parse(readRealDoc(t, "kinde-management-api.yaml"), Options{Tenant: "acme"})
		if err != nil {
			t.Fatal(err)
		}
		if doc.ServerURL != "https://acme.kinde.com" {
			t.Errorf("server %q", doc.ServerURL)
		}
	})
}

func checkRealDoc(t *testing.T, doc *Document, operations, public int) {
	t.Helper()
	vars := map[string]bool{}
	for _, v := range doc.Variables {
		vars[v.Name] = true
	}
	n, pub := 0, 0
	names := map[string]bool{}
	for _, f := range doc.Folders {
		if len(f.Requests) == 0 {
			t.Errorf("folder %q is empty", f.Name)
		}
		for _, r := range f.Requests {
			n++
			if r.Public {
				pub++
			}
			if names[r.Name] {
				t.Errorf("name %q repeated", r.Name)
			}
			names[r.Name] = true
			for _, p := range r.PathParams {
				if !vars[p.Variable] {
					t.Errorf("%s %s: path parameter %q stands for %q, which is not a variable", r.Method, r.Path, p.Name, p.Variable)
				}
				if !strings.Contains(r.Path, "{"+p.Name+"}") {
					t.Errorf("%s %s: path parameter %q not in path", r.Method, r.Path, p.Name)
				}
			}
			if r.Body != "" && isJSON(r.ContentType) && !json.Valid([]byte(r.Body)) {
				t.Errorf("%s %s: body is not JSON", r.Method, r.Path)
			}
		}
	}
	if n != operations {
		t.Errorf("%d requests, want %d", n, operations)
	}
	if pub != public {
		t.Errorf("%d public requests, want %d", pub, public)
	}
	out, _ := json.Marshal(doc)
	if strings.Contains(string(out), "<string>") {
		t.Errorf("output holds a <string> placeholder")
	}
	t.Logf("%d requests in %d folders, %d variables, %d public, %d bytes as JSON", n, len(doc.Folders), len(doc.Variables), pub, len(out))
}

// readRealDoc reads a document from $GEN_POSTMAN_OPENAPI_DIR, by default
// ../shared/openapi beside the repository.
func readRealDoc(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(realDocsDir(), name))
	if err != nil {
		tb.Fatalf("reading real document (set GEN_POSTMAN_OPENAPI_DIR to the folder holding it): %v", err)
	}
	return data
}

// TestRealDocsBodies converts every document in the real documents' folder and checks that no
// request whose operation has a request body is left with an empty one: JSON and other text,
// form fields or a file. A document that does not convert at all is skipped, with its error.
func TestRealDocsBodies(t *testing.T) {
	entries, err := os.ReadDir(realDocsDir())
	if err != nil {
		t.Fatalf("reading the real documents (set GEN_POSTMAN_OPENAPI_DIR to their folder): %v", err)
	}
	checked := 0
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if e.IsDir() || !slices.Contains([]string{".json", ".yaml", ".yml"}, ext) {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			doc, err := Parse(readRealDoc(t, e.Name()), Options{})
			if err != nil {
				t.Skipf("not converted, so its bodies are not checked: %v", err)
			}
			checked++
			counts := map[string]int{}
			for _, f := range doc.Folders {
				for _, r := range f.Requests {
					if r.ContentType == "" {
						continue
					}
					if !r.HasBody() {
						t.Errorf("%s %s: %s body left empty", r.Method, r.Path, r.ContentType)
						continue
					}
					mode := string(r.BodyKind)
					if r.BodyKind == apimodel.BodyText {
						mode = "text"
						if isJSON(r.ContentType) {
							mode = "json"
						}
					}
					counts[mode]++
					for _, field := range r.Fields {
						if field.Name == "" {
							t.Errorf("%s %s: a form field without a name", r.Method, r.Path)
						}
					}
				}
			}
			var parts []string
			for _, mode := range []string{"json", "text", "urlencoded", "multipart", "file"} {
				parts = append(parts, fmt.Sprintf("%s %d", mode, counts[mode]))
			}
			t.Logf("bodies: %s", strings.Join(parts, ", "))
		})
	}
	if checked == 0 {
		t.Fatal("no document converted")
	}
}

// TestRealDocsVariables holds the path variable rule over every document in the real documents'
// folder: one variable per resource identifier, and one resource identifier per variable. A
// parameter's identity is the resource it belongs to, from its name when that names a resource
// of the document (userId, organizationScopeId) and else the resource before it (id, name,
// factoryId under /connector-factories), with the kind of identifier its last word says: id, code,
// name, key, type... Documents that do not parse today are skipped.
func TestRealDocsVariables(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(realDocsDir(), "*.*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no documents in %s (set GEN_POSTMAN_OPENAPI_DIR): %v", realDocsDir(), err)
	}
	for _, file := range files {
		if strings.HasSuffix(file, ".md") {
			continue
		}
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(data, Options{})
			if errors.Is(err, ErrUnsupportedVersion) || errors.Is(err, ErrNotOpenAPI) {
				t.Skipf("does not parse: %v", err)
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			checkVariables(t, doc)
		})
	}
}

// checkVariables lists the (resource, parameter) pairs each variable covers and fails when one
// variable stands for two resources' identifiers, or two variables for one.
func checkVariables(t *testing.T, doc *Document) {
	t.Helper()
	resources := map[string]bool{}
	for _, f := range doc.Folders {
		for _, r := range f.Requests {
			for _, seg := range strings.Split(r.Path, "/") {
				if seg != "" && !strings.ContainsAny(seg, "{}") {
					resources[camelCase(singular(seg))] = true
				}
			}
		}
	}
	covers := map[string]map[string]bool{}    // variable -> identities
	pairs := map[string]map[string]bool{}     // variable -> "segment {param}"
	variables := map[string]map[string]bool{} // identity -> variables
	for _, f := range doc.Folders {
		for _, r := range f.Requests {
			segments := strings.Split(r.Path, "/")
			for _, p := range r.PathParams {
				at := slices.IndexFunc(segments, func(s string) bool { return strings.Contains(s, "{"+p.Name+"}") })
				before := resourceBefore(segments, at)
				id := identity(resources, before, p.Name)
				add(covers, p.Variable, id)
				add(variables, id, p.Variable)
				seg := "/"
				for i := at - 1; i >= 0; i-- {
					if segments[i] != "" && !strings.ContainsAny(segments[i], "{}") {
						seg = segments[i]
						break
					}
				}
				add(pairs, p.Variable, seg+" {"+p.Name+"}")
			}
		}
	}
	for _, v := range doc.Variables {
		t.Logf("%-28s %-24q %s", v.Name, v.Value, strings.Join(sortedKeys(pairs[v.Name]), ", "))
		if ids := covers[v.Name]; len(ids) > 1 {
			t.Errorf("{{%s}} stands for %s: %s", v.Name, strings.Join(sortedKeys(ids), " and "), strings.Join(sortedKeys(pairs[v.Name]), ", "))
		}
	}
	for id, vars := range variables {
		if len(vars) > 1 {
			t.Errorf("%s has %d variables: %s", id, len(vars), strings.Join(sortedKeys(vars), ", "))
		}
	}
}

// identity names the identifier a path parameter stands for, as "resource's kind".
func identity(resources map[string]bool, before, name string) string {
	m := camelCase(name)
	if m == "id" {
		return before + "'s id"
	}
	subject, tail := splitName(m)
	kind := strings.ToLower(tail)
	if tail == "" {
		subject, kind = "", m
	}
	switch {
	case resources[m]:
		return m + "'s own value"
	case subject != "" && resources[subject]:
		return subject + "'s " + kind
	case subject != "" && before != "" && resources[before+upperFirst(subject)]:
		return before + upperFirst(subject) + "'s " + kind
	case subject != "" && !strings.HasSuffix(before, upperFirst(subject)) && !strings.HasPrefix(before, subject):
		return subject + "'s " + kind // a resource the document does not list: its own
	}
	return before + "'s " + kind
}

func add(m map[string]map[string]bool, k, v string) {
	if m[k] == nil {
		m[k] = map[string]bool{}
	}
	m[k][v] = true
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestRealDocsPruneComponents checks that every real document converts to the same requests,
// variables and warnings with and without the pruning of the components nothing refers to.
func TestRealDocsPruneComponents(t *testing.T) {
	entries, err := os.ReadDir(realDocsDir())
	if err != nil {
		t.Fatalf("reading the real documents (set GEN_POSTMAN_OPENAPI_DIR to their folder): %v", err)
	}
	for _, e := range entries {
		if e.IsDir() || !slices.Contains([]string{".json", ".yaml", ".yml"}, filepath.Ext(e.Name())) {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			checkPruneComponentsSame(t, e.Name(), readRealDoc(t, e.Name()))
		})
	}
}

// TestRealDocsSplitParse checks that the YAML documents, pruned as Parse prunes them, read to
// the same tree whether their large sections are parsed by workers or the whole by the library.
func TestRealDocsSplitParse(t *testing.T) {
	entries, err := os.ReadDir(realDocsDir())
	if err != nil {
		t.Fatalf("reading the real documents (set GEN_POSTMAN_OPENAPI_DIR to their folder): %v", err)
	}
	for _, e := range entries {
		if e.IsDir() || !slices.Contains([]string{".yaml", ".yml"}, filepath.Ext(e.Name())) {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			data := pruneComponents(pruneResponses(readRealDoc(t, e.Name())))
			t.Logf("%d sections parsed apart", len(splitPoints(data)))
			checkSplitSameTree(t, data)
		})
	}
}
