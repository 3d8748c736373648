//go:build realdocs

package generate

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/gen-postman/gen-postman/internal/openapi"
	"github.com/gen-postman/gen-postman/internal/profile"
)

// TestRealDocsCollections generates the whole Logto and Kinde Management APIs and checks them
// against the official schema: every operation present, public ones noauth and the others
// inheriting the collection's OAuth 2.0, every path variable defined, no placeholder left.
// The documents are read from $GEN_POSTMAN_OPENAPI_DIR, by default ../shared/openapi beside
// the repository:
//
//	go test -tags realdocs -run RealDocs ./generate/
func TestRealDocsCollections(t *testing.T) {
	dir := os.Getenv("GEN_POSTMAN_OPENAPI_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "openapi")
	}
	schema := collectionSchema(t)
	for _, tc := range []struct {
		file             string
		opts             profile.Options
		requests, public int
	}{
		{"logto-management-api.cloud.json", profile.Options{Tenant: "acme"}, 271, 58},
		{"kinde-management-api.yaml", profile.Options{Provider: "kinde", Tenant: "acme"}, 183, 0},
		{"keycloak-23.0.7.json", profile.Options{Provider: "keycloak", Endpoint: "https://sso.example.com", Realm: "demo"}, 316, 0},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatalf("the real document is needed here (set GEN_POSTMAN_OPENAPI_DIR): %v", err)
			}
			doc, err := openapi.Parse(data, openapi.Options{Tenant: tc.opts.Tenant})
			if err != nil {
				t.Fatal(err)
			}
			tc.opts.API = doc.API()
			out := encodeCollection(t, resolve(t, tc.opts))
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(v); err != nil {
				t.Errorf("not valid v2.1.0: %v", err)
			}
			if strings.Contains(string(out), "<string>") {
				t.Error("a <string> placeholder is left")
			}
			var c struct {
				Auth     struct{ Type string }
				Variable []struct{ Key string }
				Item     []struct {
					Item []struct {
						Request struct {
							Auth *struct{ Type string }
							URL  struct {
								Variable []struct{ Value string }
							}
						}
					}
				}
			}
			if err := json.Unmarshal(out, &c); err != nil {
				t.Fatal(err)
			}
			defined := map[string]bool{}
			for _, v := range c.Variable {
				defined["{{"+v.Key+"}}"] = true
			}
			requests, public := 0, 0
			for _, f := range c.Item {
				for _, it := range f.Item {
					requests++
					switch a := it.Request.Auth; {
					case a == nil:
					case a.Type == "noauth":
						public++
					default:
						t.Errorf("a request has auth %q of its own", a.Type)
					}
					for _, v := range it.Request.URL.Variable {
						if !defined[v.Value] {
							t.Errorf("path variable value %q is no collection variable", v.Value)
						}
					}
				}
			}
			if c.Auth.Type != "oauth2" || requests != tc.requests || public != tc.public {
				t.Errorf("auth %s, %d requests (%d public), want oauth2, %d (%d)", c.Auth.Type, requests, public, tc.requests, tc.public)
			}
			t.Logf("%s: %d requests, %d public, %d bytes", tc.file, requests, public, len(out))
		})
	}
}

// BenchmarkRenderLogtoOpenAPI is the whole work of gen-postman --openapi on Logto's document:
// parse, resolve, build and encode.
func BenchmarkRenderLogtoOpenAPI(b *testing.B) {
	dir := os.Getenv("GEN_POSTMAN_OPENAPI_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "openapi")
	}
	data, err := os.ReadFile(filepath.Join(dir, "logto-management-api.cloud.json"))
	if err != nil {
		b.Fatalf("the real document is needed here (set GEN_POSTMAN_OPENAPI_DIR): %v", err)
	}
	b.ReportAllocs()
	for b.Loop() {
		doc, err := openapi.Parse(data, openapi.Options{Tenant: "acme"})
		if err != nil {
			b.Fatal(err)
		}
		p, err := profile.Resolve(profile.Options{Tenant: "acme", API: doc.API()})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Render(p, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRealDocsBodies generates every document in the real documents' folder that converts and
// checks its collection against the official schema, and that each request whose operation has
// a body carries one in Postman's syntax: raw text, urlencoded or formdata fields, or a file.
// A document that does not convert is skipped, with its error.
func TestRealDocsBodies(t *testing.T) {
	dir := os.Getenv("GEN_POSTMAN_OPENAPI_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "openapi")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("the real documents are needed here (set GEN_POSTMAN_OPENAPI_DIR): %v", err)
	}
	schema := collectionSchema(t)
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); e.IsDir() || (ext != ".json" && ext != ".yaml" && ext != ".yml") {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := openapi.Parse(data, openapi.Options{Tenant: "acme"})
			if err != nil {
				t.Skipf("not converted, so not checked: %v", err)
			}
			want := 0
			for _, f := range doc.Folders {
				for _, r := range f.Requests {
					if r.ContentType != "" {
						want++
					}
				}
			}
			out := encodeCollection(t, resolve(t, profile.Options{Provider: "generic", TokenURL: "https://id.example.com/oauth2/token", API: doc.API()}))
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(v); err != nil {
				t.Errorf("not valid v2.1.0: %v", err)
			}
			var c struct {
				Item []struct {
					Item []struct {
						Name    string
						Request struct {
							Body *struct {
								Mode                 string
								Raw                  string
								URLEncoded, FormData []json.RawMessage
								File                 json.RawMessage
							}
						}
					}
				}
			}
			if err := json.Unmarshal(out, &c); err != nil {
				t.Fatal(err)
			}
			modes := map[string]int{}
			got := 0
			for _, f := range c.Item {
				for _, it := range f.Item {
					b := it.Request.Body
					if b == nil {
						continue
					}
					got++
					modes[b.Mode]++
					if b.Raw == "" && len(b.URLEncoded) == 0 && len(b.FormData) == 0 && b.File == nil {
						t.Errorf("request %q: %s body left empty", it.Name, b.Mode)
					}
				}
			}
			if got != want {
				t.Errorf("%d requests with a body, want %d", got, want)
			}
			t.Logf("bodies: raw %d, urlencoded %d, formdata %d, file %d", modes["raw"], modes["urlencoded"], modes["formdata"], modes["file"])
		})
	}
}

// TestRealDocsOktaPreset generates Okta's Management API with the okta preset: the document's
// server, https://{yourOktaDomain}, is the user's domain, and so are the base URL and the token
// URL; nothing is left for the user to fill in but the credentials.
func TestRealDocsOktaPreset(t *testing.T) {
	dir := os.Getenv("GEN_POSTMAN_OPENAPI_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "openapi")
	}
	data, err := os.ReadFile(filepath.Join(dir, "okta-management.yaml"))
	if err != nil {
		t.Fatalf("the real document is needed here (set GEN_POSTMAN_OPENAPI_DIR): %v", err)
	}
	const domain = "dev-123456.okta.com"
	doc, err := openapi.Parse(data, openapi.Options{Tenant: domain})
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.API().BaseURL; got != "https://"+domain {
		t.Errorf("the document's server reads as %q, want https://%s", got, domain)
	}
	p := resolve(t, profile.Options{Provider: "okta", Tenant: domain, ClientID: "0oa1", API: doc.API()})
	if p.BaseURL != "https://"+domain || p.TokenURL != "https://"+domain+"/oauth2/v1/token" {
		t.Errorf("base URL %q and token URL %q, want both on https://%s", p.BaseURL, p.TokenURL, domain)
	}
	out := encodeCollection(t, p)
	var c struct {
		Variable []struct{ Key, Value string }
		Item     []struct {
			Item []struct {
				Request struct {
					URL struct{ Raw string }
				}
			}
		}
	}
	if err := json.Unmarshal(out, &c); err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{}
	for _, v := range c.Variable {
		vars[v.Key] = v.Value
	}
	if vars["baseUrl"] != "https://"+domain || vars["tokenUrl"] != "https://"+domain+"/oauth2/v1/token" || vars["scope"] != "okta.users.read" {
		t.Errorf("variables baseUrl %q, tokenUrl %q, scope %q", vars["baseUrl"], vars["tokenUrl"], vars["scope"])
	}
	requests := 0
	for _, f := range c.Item {
		for _, it := range f.Item {
			requests++
			if raw := it.Request.URL.Raw; !strings.HasPrefix(raw, "{{baseUrl}}/") || strings.Contains(raw, "yourOktaDomain") {
				t.Errorf("request URL %q is not under {{baseUrl}}, the user's domain", raw)
			}
		}
	}
	if requests < 700 {
		t.Errorf("%d requests, want Okta's whole Management API (over 700)", requests)
	}
	t.Logf("okta-management.yaml with the okta preset: %d requests, %d bytes", requests, len(out))
}
