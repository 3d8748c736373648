package generate

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/gen-postman/gen-postman/internal/apimodel"
	"github.com/gen-postman/gen-postman/internal/openapi"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenCases are the inputs whose collections and environments are kept in testdata/.
var goldenCases = []struct {
	name string
	opts profile.Options
}{
	{"logto", profile.Options{Tenant: "acme", ClientID: "m2m-app-id", ClientSecret: "the-secret"}},
	{"logto-self-hosted", profile.Options{Endpoint: "http://localhost:3001"}},
	{"kinde", profile.Options{Provider: "kinde", Tenant: "acme", ClientID: "kinde-client"}},
	{"auth0", profile.Options{Provider: "auth0", Tenant: "acme", Scope: ptr("read:users read:clients")}},
	{"keycloak", profile.Options{Provider: "keycloak", Endpoint: "https://sso.example.com", Realm: "demo", ClientID: "m2m"}},
	{"entra", profile.Options{Provider: "entra", Tenant: "72f988bf-86f1-41af-91ab-2d7cd011db47", ClientID: "5a1f0c1e-0000-4000-8000-000000000001"}},
	{"zitadel", profile.Options{Provider: "zitadel", Tenant: "acme-x1y2", ClientID: "svc"}},
	{"okta", profile.Options{Provider: "okta", Tenant: "dev-123456.okta.com", ClientID: "0oa1"}},
	{"generic", profile.Options{Provider: "generic", TokenURL: "https://id.example.com/oauth2/token", Audience: "https://api.example.com", ClientAuth: "body"}},
	// OpenAPI documents: the document's server and the token URL the user confirmed for a generic provider,
	// and Logto's own base URL and token URL winning over the document's.
	{"openapi-store", profile.Options{Provider: "generic", Tenant: "", Resource: "https://api.store.example",
		TokenURL: "https://acme.store.example/oidc/token", API: openAPI("store-3.0.json", "acme")}},
	{"openapi-catalog-logto", profile.Options{Tenant: "acme", API: openAPI("catalog-3.1.yaml", "acme")}},
	// Form, multipart, text and file bodies.
	{"openapi-bodies", profile.Options{Provider: "generic", TokenURL: "https://id.bodies.example/oauth/token",
		API: openAPI("bodies-3.0.yaml", "")}},
}

// openAPI parses a document of internal/openapi's test data into a profile's API.
func openAPI(file, tenant string) *apimodel.API {
	data, err := os.ReadFile(filepath.Join("..", "internal", "openapi", "testdata", file))
	if err != nil {
		panic(err)
	}
	doc, err := openapi.Parse(data, openapi.Options{Tenant: tenant})
	if err != nil {
		panic(fmt.Sprintf("parsing %s: %v", file, err))
	}
	return doc.API()
}

func ptr(s string) *string { return &s }

var exportedAt = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func resolve(t testing.TB, opts profile.Options) *profile.Profile {
	t.Helper()
	p, err := profile.Resolve(opts)
	if err != nil {
		t.Fatalf("Resolve(%+v): %v", opts, err)
	}
	return p
}

func encodeCollection(t testing.TB, p *profile.Profile) []byte {
	t.Helper()
	c, err := newCollection(p)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	data, err := postman.Encode(c)
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return data
}

func encodeEnvironment(t testing.TB, p *profile.Profile) []byte {
	t.Helper()
	data, err := postman.Encode(NewEnvironment(p, EnvironmentOptions{Now: func() time.Time { return exportedAt }, ExportedUsing: "gen-postman/test"}))
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return data
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			p := resolve(t, tc.opts)
			checkGolden(t, tc.name+".postman_collection.json.golden", encodeCollection(t, p))
			checkGolden(t, tc.name+".postman_environment.json.golden", encodeEnvironment(t, p))
		})
	}
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./generate -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./generate -update rewrites it):\n%s", name, lineDiff(string(want), string(got)))
	}
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  - " + wl + "\n  + " + gl + "\n")
			if shown++; shown == 5 {
				break
			}
		}
	}
	return b.String()
}

func collectionSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	f, err := os.Open(filepath.Join("..", "testdata", "schema", "collection-v2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("collection.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("collection.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestCollectionsMatchTheOfficialSchema(t *testing.T) {
	schema := collectionSchema(t)
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			data := encodeCollection(t, resolve(t, tc.opts))
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(doc); err != nil {
				t.Errorf("collection is not valid v2.1.0: %v", err)
			}
		})
	}
}

func TestSchemaCatchesABrokenCollection(t *testing.T) {
	schema := collectionSchema(t)
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(`{"info": {"name": "x"}, "item": [{"request": 3}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if schema.Validate(doc) == nil {
		t.Error("the schema accepted a collection without info.schema and with a numeric request")
	}
}
