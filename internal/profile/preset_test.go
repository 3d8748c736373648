package profile

import (
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/apimodel"
	"github.com/gen-postman/gen-postman/templates"
)

// TestEveryPresetResolves renders each embedded preset the way a user would call it, so a
// broken provider file fails here.
func TestEveryPresetResolves(t *testing.T) {
	presets, err := templates.Presets()
	if err != nil {
		t.Fatal(err)
	}
	if len(presets) < 4 {
		t.Fatalf("found %d presets, want at least logto, kinde, auth0 and generic", len(presets))
	}
	for _, preset := range presets {
		t.Run(preset.Name, func(t *testing.T) {
			opts := Options{Provider: preset.Name, Tenant: "acme"}
			switch {
			case preset.RealmHelp != "":
				opts = Options{Provider: preset.Name, Endpoint: "https://id.example.com", Realm: "demo"}
			case preset.TenantKind == templates.TenantDomain:
				opts.Tenant = "acme.example.com"
			case preset.TenantBase == "":
				opts = Options{Provider: preset.Name, TokenURL: "https://id.example.com/token", Audience: "https://api.example.com"}
			}
			p, err := Resolve(opts)
			if err != nil {
				t.Fatalf("Resolve: %v", err)
			}
			for field, raw := range map[string]string{"TokenURL": p.TokenURL, "BaseURL": p.BaseURL} {
				if u, err := url.Parse(raw); err != nil || u.Scheme != "https" || u.Host == "" || strings.Contains(raw, "{") {
					t.Errorf("%s = %q, want an https URL with every placeholder filled", field, raw)
				}
			}
			if preset.Param != "" && (len(p.Params) == 0 || p.Params[0].Name != preset.Param) {
				t.Errorf("Params = %v, want the preset's %s first", p.Params, preset.Param)
			}
			requests := 0
			for _, f := range p.Folders {
				for _, r := range f.Requests {
					requests++
					if !strings.HasPrefix(r.Path, "/") || r.Method == "" || r.Name == "" {
						t.Errorf("folder %q: request %+v needs a name, a method and a path from /", f.Name, r)
					}
				}
			}
			if requests == 0 {
				t.Error("preset has no ready requests")
			}
		})
	}
}

// TestIdentityServerPresets resolves each enterprise preset as its guide calls it: every URL
// where the server puts it, the API named where the server names it.
func TestIdentityServerPresets(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want Profile
	}{
		{"keycloak", Options{Provider: "keycloak", Endpoint: "https://sso.example.com", Realm: "Demo"}, Profile{
			BaseURL:          "https://sso.example.com/admin/realms/Demo",
			TokenURL:         "https://sso.example.com/realms/Demo/protocol/openid-connect/token",
			Issuer:           "https://sso.example.com/realms/Demo",
			JWKSURL:          "https://sso.example.com/realms/Demo/protocol/openid-connect/certs",
			IntrospectionURL: "https://sso.example.com/realms/Demo/protocol/openid-connect/token/introspect",
			ClientAuth:       ClientAuthHeader, Name: "keycloak-Demo",
		}},
		{"zitadel cloud", Options{Provider: "zitadel", Tenant: "acme-x1y2"}, Profile{
			BaseURL:          "https://acme-x1y2.zitadel.cloud",
			TokenURL:         "https://acme-x1y2.zitadel.cloud/oauth/v2/token",
			Issuer:           "https://acme-x1y2.zitadel.cloud",
			JWKSURL:          "https://acme-x1y2.zitadel.cloud/oauth/v2/keys",
			IntrospectionURL: "https://acme-x1y2.zitadel.cloud/oauth/v2/introspect",
			Scope:            "openid urn:zitadel:iam:org:project:id:zitadel:aud",
			ClientAuth:       ClientAuthHeader, Name: "zitadel-acme-x1y2",
		}},
		{"entra by tenant id", Options{Provider: "entra", Tenant: "72F988BF-86F1-41AF-91AB-2D7CD011DB47"}, Profile{
			BaseURL:       "https://graph.microsoft.com",
			TokenURL:      "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token",
			Issuer:        "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0",
			IssuerAliases: []string{"https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/"},
			JWKSURL:       "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/discovery/v2.0/keys",
			Scope:         "https://graph.microsoft.com/.default",
			Audiences:     []string{"https://graph.microsoft.com"},
			APIScopes:     []string{"https://graph.microsoft.com/.default"},
			ClientAuth:    ClientAuthBody, Name: "entra-72f988bf-86f1-41af-91ab-2d7cd011db47",
		}},
		{"entra by domain, own API", Options{Provider: "entra", Tenant: "contoso.onmicrosoft.com", Scope: strptr("api://5a1f/.default")}, Profile{
			BaseURL:       "https://graph.microsoft.com",
			TokenURL:      "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
			Issuer:        "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0",
			IssuerAliases: []string{"https://sts.windows.net/contoso.onmicrosoft.com/"},
			JWKSURL:       "https://login.microsoftonline.com/contoso.onmicrosoft.com/discovery/v2.0/keys",
			Scope:         "api://5a1f/.default",
			Audiences:     []string{"api://5a1f"},
			APIScopes:     []string{"api://5a1f/.default"},
			ClientAuth:    ClientAuthBody, Name: "entra-contoso.onmicrosoft.com",
		}},
		{"entra national cloud", Options{Provider: "entra", Endpoint: "https://login.microsoftonline.us/72f988bf-86f1-41af-91ab-2d7cd011db47"}, Profile{
			BaseURL:    "https://graph.microsoft.com",
			TokenURL:   "https://login.microsoftonline.us/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token",
			Issuer:     "https://login.microsoftonline.us/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0",
			JWKSURL:    "https://login.microsoftonline.us/72f988bf-86f1-41af-91ab-2d7cd011db47/discovery/v2.0/keys",
			Scope:      "https://graph.microsoft.com/.default",
			Audiences:  []string{"https://graph.microsoft.com"},
			APIScopes:  []string{"https://graph.microsoft.com/.default"},
			ClientAuth: ClientAuthBody, Name: "entra-login.microsoftonline.us",
		}},
		{"zitadel with its token request elsewhere", Options{Provider: "zitadel", Endpoint: "https://id.example.com", TokenURL: "https://proxy.example.com/oauth/v2/token"}, Profile{
			BaseURL:    "https://id.example.com",
			TokenURL:   "https://proxy.example.com/oauth/v2/token",
			Issuer:     "https://id.example.com",
			JWKSURL:    "https://id.example.com/oauth/v2/keys",
			Scope:      "openid urn:zitadel:iam:org:project:id:zitadel:aud",
			ClientAuth: ClientAuthHeader, Name: "zitadel-id.example.com",
		}},
		{"okta", Options{Provider: "okta", Tenant: "Dev-123456.okta.com"}, Profile{
			BaseURL:          "https://dev-123456.okta.com",
			TokenURL:         "https://dev-123456.okta.com/oauth2/v1/token",
			Issuer:           "https://dev-123456.okta.com",
			JWKSURL:          "https://dev-123456.okta.com/oauth2/v1/keys",
			IntrospectionURL: "https://dev-123456.okta.com/oauth2/v1/introspect",
			Scope:            "okta.users.read",
			ClientAuth:       ClientAuthHeader, Name: "okta-dev-123456.okta.com",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Resolve(tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Folders) == 0 || got.Hints.TokenURL == "" {
				t.Errorf("no ready requests or hints: %+v", got)
			}
			tt.want.Provider = tt.opts.Provider
			got.Folders, got.Warnings, got.Hints = nil, nil, templates.Hints{}
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("\n got  %+v\n want %+v", *got, tt.want)
			}
		})
	}
}

// TestKeycloakAdminDocument puts Keycloak's admin document, whose paths start with /{realm},
// under BASE/admin/realms, with --realm as the realm variable's value.
func TestKeycloakAdminDocument(t *testing.T) {
	api := &apimodel.API{
		BaseURL:   "https://keycloak.example.com/admin/realms",
		Folders:   []apimodel.Folder{{Name: "Users", Requests: []apimodel.Request{{Name: "Get users", Method: "GET", Path: "/{realm}/users"}}}},
		Variables: []apimodel.Variable{{Name: "realm", Description: "realm name (not id!)"}, {Name: "userId"}},
	}
	p, err := Resolve(Options{Provider: "keycloak", Endpoint: "https://sso.example.com", Realm: "demo", API: api})
	if err != nil {
		t.Fatal(err)
	}
	if p.BaseURL != "https://sso.example.com/admin/realms" {
		t.Errorf("BaseURL = %q, want the admin document's base on the endpoint", p.BaseURL)
	}
	want := []apimodel.Variable{{Name: "realm", Value: "demo", Description: "realm name (not id!)"}, {Name: "userId"}}
	if !reflect.DeepEqual(p.Variables, want) {
		t.Errorf("Variables = %+v, want %+v", p.Variables, want)
	}
	if api.Variables[0].Value != "" {
		t.Error("Resolve changed the document's own model")
	}
}

// TestDocumentWithoutAServer: requests of a document that names no usable server go to the
// resource identifier, as the generic provider's own do, and a warning says so and how to send
// them elsewhere; a document's path without a host goes after the token URL's origin, said too.
func TestDocumentWithoutAServer(t *testing.T) {
	folders := []apimodel.Folder{{Name: "Things", Requests: []apimodel.Request{{Name: "List things", Method: "GET", Path: "/things"}}}}
	for _, tt := range []struct {
		name    string
		api     *apimodel.API
		base    string
		warning string
	}{
		{"no server", &apimodel.API{Folders: folders}, "https://api.example.com/v1",
			"the OpenAPI document names no server that could be used (none, or one whose placeholders nothing fills): the requests go to https://api.example.com/v1, the --resource given"},
		{"a path without a host", &apimodel.API{Folders: folders, BasePath: "/api"}, "https://api.example.com/api",
			"the OpenAPI document's server is /api, a path without a host: the requests go to https://api.example.com/api"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Resolve(Options{Provider: "generic", TokenURL: "https://id.example.com/token", Resource: "https://api.example.com/v1", API: tt.api})
			if err != nil {
				t.Fatal(err)
			}
			if p.BaseURL != tt.base || !slices.ContainsFunc(p.Warnings, func(w string) bool { return strings.HasPrefix(w, tt.warning) }) {
				t.Errorf("BaseURL %q, warnings %q; want %q and a warning %q", p.BaseURL, p.Warnings, tt.base, tt.warning)
			}
		})
	}
}
