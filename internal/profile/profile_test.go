package profile

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/templates"
)

func strptr(s string) *string { return &s }

func TestResolveProviders(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want Profile // Folders and Warnings are not compared here
	}{
		{
			name: "logto cloud",
			opts: Options{Tenant: "acme"},
			want: Profile{
				Provider: "logto", JWTAccessTokens: true, Name: "logto-acme", BaseURL: "https://acme.logto.app",
				TokenURL: "https://acme.logto.app/oidc/token", Issuer: "https://acme.logto.app/oidc",
				JWKSURL: "https://acme.logto.app/oidc/jwks", ClientAuth: ClientAuthHeader, Scope: "all",
				OpenAPIURL: "https://acme.logto.app/api/.well-known/management.openapi.json",
				Params:     []Param{{ParamResource, "https://acme.logto.app/api"}},
			},
		},
		{
			name: "logto self-hosted",
			opts: Options{Endpoint: "https://auth.example.com/"},
			want: Profile{
				Provider: "logto", JWTAccessTokens: true, Name: "logto-auth.example.com", BaseURL: "https://auth.example.com",
				TokenURL: "https://auth.example.com/oidc/token", Issuer: "https://auth.example.com/oidc",
				JWKSURL: "https://auth.example.com/oidc/jwks", ClientAuth: ClientAuthHeader, Scope: "all",
				OpenAPIURL: "https://auth.example.com/api/.well-known/management.openapi.json",
				Params:     []Param{{ParamResource, "https://default.logto.app/api"}},
			},
		},
		{
			name: "logto cloud with a custom domain",
			opts: Options{Tenant: "ACME", Endpoint: "https://auth.acme.com"},
			want: Profile{
				Provider: "logto", JWTAccessTokens: true, Name: "logto-acme", BaseURL: "https://auth.acme.com",
				TokenURL: "https://auth.acme.com/oidc/token", Issuer: "https://auth.acme.com/oidc",
				JWKSURL: "https://auth.acme.com/oidc/jwks", ClientAuth: ClientAuthHeader, Scope: "all",
				OpenAPIURL: "https://auth.acme.com/api/.well-known/management.openapi.json",
				Params:     []Param{{ParamResource, "https://acme.logto.app/api"}},
			},
		},
		{
			name: "kinde",
			opts: Options{Provider: "kinde", Tenant: "acme", ClientID: "abc", ClientSecret: "s"},
			want: Profile{
				Provider: "kinde", JWTAccessTokens: true, Name: "kinde-acme", BaseURL: "https://acme.kinde.com",
				TokenURL: "https://acme.kinde.com/oauth2/token", Issuer: "https://acme.kinde.com",
				JWKSURL: "https://acme.kinde.com/.well-known/jwks", ClientAuth: ClientAuthBody,
				ClientID: "abc", ClientSecret: "s",
				OpenAPIURL: "https://raw.githubusercontent.com/kinde-oss/management-api-js/main/spec/kinde-mgmt-api-specs.yaml",
				Params:     []Param{{ParamAudience, "https://acme.kinde.com/api"}},
			},
		},
		{
			name: "auth0 tenant",
			opts: Options{Provider: "auth0", Tenant: "acme", Scope: strptr("read:users  read:clients")},
			want: Profile{
				Provider: "auth0", JWTAccessTokens: true, Name: "auth0-acme", BaseURL: "https://acme.auth0.com",
				TokenURL: "https://acme.auth0.com/oauth/token", Issuer: "https://acme.auth0.com/",
				JWKSURL: "https://acme.auth0.com/.well-known/jwks.json", ClientAuth: ClientAuthBody,
				Scope:  "read:users read:clients",
				Params: []Param{{ParamAudience, "https://acme.auth0.com/api/v2/"}},
			},
		},
		{
			name: "auth0 regional domain",
			opts: Options{Provider: "auth0", Endpoint: "https://acme.eu.auth0.com", ClientAuth: "header"},
			want: Profile{
				Provider: "auth0", JWTAccessTokens: true, Name: "auth0-acme.eu.auth0.com", BaseURL: "https://acme.eu.auth0.com",
				TokenURL: "https://acme.eu.auth0.com/oauth/token", Issuer: "https://acme.eu.auth0.com/",
				JWKSURL: "https://acme.eu.auth0.com/.well-known/jwks.json", ClientAuth: ClientAuthHeader,
				Params: []Param{{ParamAudience, "https://acme.eu.auth0.com/api/v2/"}},
			},
		},
		{
			name: "generic takes its base URL from the resource",
			opts: Options{Provider: "generic", TokenURL: "http://127.0.0.1:8080/token", Resource: "https://api.example.com/v1", Scope: strptr("read")},
			want: Profile{
				Provider: "generic", Name: "generic-api.example.com", BaseURL: "https://api.example.com/v1",
				TokenURL: "http://127.0.0.1:8080/token", ClientAuth: ClientAuthHeader, Scope: "read",
				Params: []Param{{ParamResource, "https://api.example.com/v1"}},
			},
		},
		{
			name: "generic with an audience that is not a URL uses the token URL's origin",
			opts: Options{Provider: "generic", TokenURL: "https://id.example.com/oauth/token?x=1", Audience: "orders-api", Issuer: "https://id.example.com", Name: "orders"},
			want: Profile{
				Provider: "generic", Name: "orders", BaseURL: "https://id.example.com",
				TokenURL: "https://id.example.com/oauth/token?x=1", Issuer: "https://id.example.com",
				ClientAuth: ClientAuthHeader, Params: []Param{{ParamAudience, "orders-api"}},
			},
		},
		{
			name: "an explicit empty scope clears the preset's",
			opts: Options{Tenant: "acme", Scope: strptr(""), Resource: "https://api.acme.com"},
			want: Profile{
				Provider: "logto", JWTAccessTokens: true, Name: "logto-acme", BaseURL: "https://acme.logto.app",
				TokenURL: "https://acme.logto.app/oidc/token", Issuer: "https://acme.logto.app/oidc",
				JWKSURL: "https://acme.logto.app/oidc/jwks", ClientAuth: ClientAuthHeader,
				OpenAPIURL: "https://acme.logto.app/api/.well-known/management.openapi.json",
				Params:     []Param{{ParamResource, "https://api.acme.com"}},
			},
		},
		{
			name: "loopback over plain http",
			opts: Options{Endpoint: "http://localhost:3001"},
			want: Profile{
				Provider: "logto", JWTAccessTokens: true, Name: "logto-localhost-3001", BaseURL: "http://localhost:3001",
				TokenURL: "http://localhost:3001/oidc/token", Issuer: "http://localhost:3001/oidc",
				JWKSURL: "http://localhost:3001/oidc/jwks", ClientAuth: ClientAuthHeader, Scope: "all",
				OpenAPIURL: "http://localhost:3001/api/.well-known/management.openapi.json",
				Params:     []Param{{ParamResource, "https://default.logto.app/api"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Resolve(tt.opts)
			if err != nil {
				t.Fatalf("Resolve(%+v): %v", tt.opts, err)
			}
			if len(got.Folders) == 0 {
				t.Errorf("profile has no ready requests")
			}
			got.Folders, got.Warnings, got.Hints = nil, nil, templates.Hints{}
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("Resolve(%+v)\n got  %+v\n want %+v", tt.opts, *got, tt.want)
			}
		})
	}
}

func TestResolveWarnsOfTheOtherParam(t *testing.T) {
	p, err := Resolve(Options{Tenant: "acme", Audience: "https://acme.logto.app/api", ClientID: "app"})
	if err != nil {
		t.Fatal(err)
	}
	want := []Param{{ParamResource, "https://acme.logto.app/api"}, {ParamAudience, "https://acme.logto.app/api"}}
	if !reflect.DeepEqual(p.Params, want) {
		t.Errorf("Params = %v, want %v", p.Params, want)
	}
	if len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], "may ignore --audience") {
		t.Errorf("Warnings = %q, want one about --audience", p.Warnings)
	}
}

func TestResolveRejectsBadInput(t *testing.T) {
	tests := []struct {
		name      string
		opts      Options
		wantField string
		wantText  string
	}{
		{"unknown provider", Options{Provider: "onelogin", Tenant: "a"}, "provider", "known: auth0, entra, generic, keycloak, kinde, logto, okta, zitadel"},
		{"keycloak without a realm", Options{Provider: "keycloak", Endpoint: "https://id.example.com"}, "realm", "missing"},
		{"keycloak without an endpoint", Options{Provider: "keycloak", Realm: "demo"}, "endpoint", "missing"},
		{"a realm that is not a segment", Options{Provider: "keycloak", Endpoint: "https://id.example.com", Realm: "a/b"}, "realm", "not a realm name"},
		{"a realm for a provider without realms", Options{Tenant: "acme", Realm: "demo"}, "realm", "has no realms"},
		{"okta tenant not a domain", Options{Provider: "okta", Tenant: "acme"}, "tenant", "not a domain name"},
		{"entra tenant with a slash", Options{Provider: "entra", Tenant: "contoso.com/x"}, "tenant", "not an ID or a domain name"},
		{"provider with a path", Options{Provider: "../logto", Tenant: "a"}, "provider", "unknown provider"},
		{"missing tenant", Options{}, "tenant", "missing"},
		{"tenant not a label", Options{Tenant: "acme.eu"}, "tenant", "not a DNS label"},
		{"tenant with underscore", Options{Tenant: "a_b"}, "tenant", "not a DNS label"},
		{"tenant too long", Options{Tenant: strings.Repeat("a", 64)}, "tenant", "not a DNS label"},
		{"tenant on generic", Options{Provider: "generic", Tenant: "a", TokenURL: "https://x.example/token"}, "tenant", "no tenants"},
		{"generic without token url", Options{Provider: "generic"}, "token-url", "missing"},
		{"relative endpoint", Options{Endpoint: "/oidc"}, "endpoint", "absolute http(s)"},
		{"ftp endpoint", Options{Endpoint: "ftp://example.com"}, "endpoint", "absolute http(s)"},
		{"plain http to a remote host", Options{Endpoint: "http://auth.example.com"}, "endpoint", "only to loopback"},
		{"credentials in a URL", Options{Endpoint: "https://user:pw@auth.example.com"}, "endpoint", "credentials"},
		{"endpoint with a query", Options{Endpoint: "https://auth.example.com/?a=b"}, "endpoint", "query"},
		{"token url with a fragment", Options{Tenant: "a", TokenURL: "https://a.example/token#x"}, "token-url", "fragment"},
		{"token url with a quote", Options{Tenant: "a", TokenURL: `https://a.example/"token`}, "token-url", "quotes"},
		{"token url with a newline", Options{Tenant: "a", TokenURL: "https://a.example/\ntoken"}, "token-url", "control"},
		{"token url without host", Options{Tenant: "a", TokenURL: "https:///token"}, "token-url", "no host"},
		{"resource not absolute", Options{Tenant: "a", Resource: "api"}, "resource", "absolute URI"},
		{"resource with fragment", Options{Tenant: "a", Resource: "https://api.example#x"}, "resource", "fragment"},
		{"audience with a control character", Options{Provider: "kinde", Tenant: "a", Audience: "x\x00y"}, "audience", "control"},
		{"scope with a quote", Options{Tenant: "a", Scope: strptr(`read "all"`)}, "scope", "RFC 6749"},
		{"unknown client auth", Options{Tenant: "a", ClientAuth: "jwt"}, "client-auth", "header"},
		{"client id with a newline", Options{Tenant: "a", ClientID: "a\nb"}, "client-id", "printable"},
		{"name with a slash", Options{Tenant: "a", Name: "../x"}, "name", "file name"},
		{"jwks url over http", Options{Tenant: "a", JWKSURL: "http://keys.example.com"}, "jwks-url", "loopback"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Resolve(tt.opts)
			var ie *input.Error
			if !errors.As(err, &ie) {
				t.Fatalf("Resolve(%+v) error = %v, want *input.Error", tt.opts, err)
			}
			if !errors.Is(err, input.ErrInvalid) {
				t.Errorf("errors.Is(%v, input.ErrInvalid) = false", err)
			}
			if string(ie.Field) != tt.wantField || !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("error = %q (field %q), want field %q and text %q", err, ie.Field, tt.wantField, tt.wantText)
			}
		})
	}
}

func TestURLCredentialsNeverInErrors(t *testing.T) {
	for _, raw := range []string{
		"https://admin:hunter2@auth.example.com",
		"https://admin:hunter2@auth.example.com/x y",
		"http://admin:hunter2@auth.example.com",
		"https://admin:hunter2@@auth.example.com/%zz",
	} {
		_, err := Resolve(Options{Endpoint: raw})
		if err == nil {
			t.Errorf("Resolve accepted --endpoint %q", raw)
			continue
		}
		if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("error %q repeats the password", err)
		}
	}
}

func TestSecretNeverInErrors(t *testing.T) {
	const secret = "top\x01secret-value"
	_, err := Resolve(Options{Tenant: "a", ClientSecret: secret})
	if err == nil {
		t.Fatal("Resolve accepted a secret with a control character")
	}
	if strings.Contains(err.Error(), "secret-value") {
		t.Errorf("error %q shows the secret", err)
	}
}

// TestDiscoverKeysWhenTheIssuerIsTheUsers marks the preset's key set URL as a guess when the user
// named the issuer, so verify reads the issuer's discovery document (kinde --issuer URL).
func TestDiscoverKeysWhenTheIssuerIsTheUsers(t *testing.T) {
	for _, tt := range []struct {
		name string
		opts Options
		want bool
	}{
		{"issuer named", Options{Provider: "kinde", Tenant: "acme", Issuer: "https://auth.acme.example"}, true},
		{"the preset's issuer", Options{Provider: "kinde", Tenant: "acme"}, false},
		{"key set named too", Options{Provider: "kinde", Tenant: "acme", Issuer: "https://auth.acme.example",
			JWKSURL: "https://auth.acme.example/.well-known/jwks"}, false},
	} {
		p, err := Resolve(tt.opts)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if p.DiscoverKeys != tt.want {
			t.Errorf("%s: DiscoverKeys %v, want %v", tt.name, p.DiscoverKeys, tt.want)
		}
	}
}
