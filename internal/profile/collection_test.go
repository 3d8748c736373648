package profile_test

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gen-postman/gen-postman/generate"
	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/profile"
)

// generated writes p's collection and environment with package generate.
func generated(t testing.TB, p *profile.Profile) (collection, environment []byte) {
	t.Helper()
	c, err := generate.NewCollection(p)
	if err != nil {
		t.Fatal(err)
	}
	if collection, err = generate.Encode(c); err != nil {
		t.Fatal(err)
	}
	env := generate.NewEnvironment(p, generate.EnvironmentOptions{Now: func() time.Time { return time.Unix(1700000000, 0) }, ExportedUsing: "gen-postman/test"})
	if environment, err = generate.Encode(env); err != nil {
		t.Fatal(err)
	}
	return collection, environment
}

// A generated collection reads back into the profile it was generated from.
func TestLoadCollectionRoundTrip(t *testing.T) {
	tests := []profile.Options{
		{Provider: "logto", Tenant: "acme"},
		{Provider: "logto", Endpoint: "https://auth.example.com", Scope: ptr("all read:items")},
		{Provider: "kinde", Tenant: "acme"},
		{Provider: "auth0", Tenant: "acme", Scope: ptr("read:users read:clients")},
		{Provider: "generic", TokenURL: "https://id.example.com/oauth2/token", Resource: "https://api.example.com",
			Audience: "api", Issuer: "https://id.example.com", JWKSURL: "https://id.example.com/keys"},
	}
	for _, in := range tests {
		in.ClientID, in.ClientSecret = "m2m-app", "m2m-secret"
		p, err := profile.Resolve(in)
		if err != nil {
			t.Fatal(err)
		}
		for _, withEnv := range []bool{true, false} {
			name := p.Name + map[bool]string{true: "+environment", false: ""}[withEnv]
			t.Run(name, func(t *testing.T) {
				col, env := generated(t, p)
				var envReader io.Reader
				if withEnv {
					envReader = bytes.NewReader(env)
				}
				c, err := profile.LoadCollection(bytes.NewReader(col), envReader, "")
				if err != nil {
					t.Fatalf("LoadCollection: %v", err)
				}
				o := c.Options
				wantSecret := ""
				if withEnv {
					wantSecret = "m2m-secret" // the collection never holds it
				}
				if o.Provider != "generic" || o.TokenURL != p.TokenURL || o.ClientID != "m2m-app" || o.ClientSecret != wantSecret ||
					o.ClientAuth != string(p.ClientAuth) || o.Issuer != p.Issuer || o.JWKSURL != p.JWKSURL ||
					o.Endpoint != p.BaseURL || o.Name != p.Name {
					t.Errorf("Options = %+v\nprofile %+v", o, p)
				}
				if o.Scope == nil || *o.Scope != p.Scope {
					t.Errorf("Scope = %v, want %q", o.Scope, p.Scope)
				}
				if len(c.Warnings) != 0 {
					t.Errorf("Warnings %q", c.Warnings)
				}
				c.Options.ClientSecret = "from-flag"
				got, err := c.Resolve()
				if err != nil {
					t.Fatalf("Resolve: %v", err)
				}
				if got.TokenURL != p.TokenURL || got.Scope != p.Scope || got.ClientAuth != p.ClientAuth ||
					got.BaseURL != p.BaseURL || got.Issuer != p.Issuer || got.JWKSURL != p.JWKSURL {
					t.Errorf("resolved %+v\n    want %+v", got, p)
				}
				if !slices.Equal(sortedParams(got.Params), sortedParams(p.Params)) {
					t.Errorf("Params %v, want %v", got.Params, p.Params)
				}
				first := p.Folders[0].Name + "/" + p.Folders[0].Requests[0].Name
				wantCall := profile.Call{Name: first, Method: "GET", URL: p.BaseURL + p.Folders[0].Requests[0].Path}
				if got.Call == nil || *got.Call != wantCall || len(got.Folders) != 0 {
					t.Errorf("Call %+v, Folders %v; want %+v and no folders", got.Call, got.Folders, wantCall)
				}
			})
		}
	}
}

func ptr(s string) *string { return &s }

func sortedParams(ps []profile.Param) []profile.Param {
	out := slices.Clone(ps)
	slices.SortFunc(out, func(a, b profile.Param) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// collectionJSON is a hand-made collection whose oauth2 auth is the given JSON array.
func collectionJSON(auth string, variables string) string {
	return `{"info": {"name": "Hand made", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"auth": {"type": "oauth2", "oauth2": ` + auth + `},
		"variable": [` + variables + `],
		"item": [{"name": "Things", "item": [{"name": "List", "request": {"method": "get", "url": {"raw": "{{baseUrl}}/things?limit={{limit}}"}}}]},
		         {"name": "Other host", "request": "https://elsewhere.example.com/x"}]}`
}

const (
	stdAuth = `[{"key": "grant_type", "value": "client_credentials"},
		{"key": "accessTokenUrl", "value": "{{tokenUrl}}"},
		{"key": "clientId", "value": "{{clientId}}"},
		{"key": "clientSecret", "value": "{{clientSecret}}"},
		{"key": "scope", "value": "read"},
		{"key": "client_authentication", "value": "body"},
		{"key": "tokenRequestParams", "type": "any", "value": [
			{"key": "audience", "value": "{{audience}}", "enabled": true, "send_as": "request_body"},
			{"key": "resource", "value": "https://disabled.example", "enabled": false, "send_as": "request_body"}]}]`
	stdVars = `{"key": "tokenUrl", "value": "{{origin}}/oauth2/token"}, {"key": "origin", "value": "https://id.example.com"},
		{"key": "clientId", "value": "col-id"}, {"key": "audience", "value": "https://api.example.com"},
		{"key": "baseUrl", "value": "https://api.example.com"}, {"key": "limit", "value": 10}`
)

func TestLoadCollection(t *testing.T) {
	tests := []struct {
		name       string
		collection string
		env        string // empty: none
		check      func(t *testing.T, c *profile.Collection)
	}{
		{name: "hand made", collection: collectionJSON(stdAuth, stdVars), check: func(t *testing.T, c *profile.Collection) {
			want := profile.Options{Provider: "generic", Name: "Hand made", TokenURL: "https://id.example.com/oauth2/token",
				ClientID: "col-id", ClientAuth: "body", Audience: "https://api.example.com", Endpoint: "https://api.example.com"}
			got := c.Options
			if got.Scope == nil || *got.Scope != "read" {
				t.Errorf("Scope %v", got.Scope)
			}
			got.Scope = nil
			if got != want {
				t.Errorf("Options\n got %+v\nwant %+v", got, want)
			}
			wantCall := profile.Call{Name: "Things/List", Method: "GET", URL: "https://api.example.com/things?limit=10"}
			if c.Call == nil || *c.Call != wantCall {
				t.Errorf("Call %+v, want %+v", c.Call, wantCall)
			}
		}},
		{name: "environment first, disabled values skipped", collection: collectionJSON(stdAuth, stdVars),
			env: `{"name": "e", "values": [{"key": "clientId", "value": "env-id", "enabled": true},
				{"key": "origin", "value": "https://disabled.example.com", "enabled": false},
				{"key": "clientSecret", "value": "env-secret", "type": "secret", "enabled": true}]}`,
			check: func(t *testing.T, c *profile.Collection) {
				if c.Options.ClientID != "env-id" || c.Options.ClientSecret != "env-secret" || c.Options.TokenURL != "https://id.example.com/oauth2/token" {
					t.Errorf("Options %+v", c.Options)
				}
			}},
		{name: "secret left for the caller", collection: collectionJSON(stdAuth, stdVars), check: func(t *testing.T, c *profile.Collection) {
			if c.Options.ClientSecret != "" {
				t.Errorf("ClientSecret %q, want empty", c.Options.ClientSecret)
			}
		}},
		{name: "Postman 8.3 to 10.12 map", collection: collectionJSON(`[{"key": "grant_type", "value": "client_credentials"},
			{"key": "accessTokenUrl", "value": "https://id.example.com/token"},
			{"key": "resource", "type": "any", "value": {"6ff1a3c0-1b8e-4a7e-9d41-08c0a6a1d0a1": "https://api.example.com"}}]`, ""),
			check: func(t *testing.T, c *profile.Collection) {
				if c.Options.Resource != "https://api.example.com" || c.Options.ClientAuth != "" || c.Options.Scope != nil {
					t.Errorf("Options %+v", c.Options)
				}
				if len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0], "before 10.13") {
					t.Errorf("Warnings %q", c.Warnings)
				}
			}},
		{name: "v2.0 object auth, other params", collection: collectionJSON(`{"grant_type": "client_credentials",
			"accessTokenUrl": "https://id.example.com/token", "client_authentication": "header",
			"tokenRequestParams": [{"key": "organization", "value": "org_1", "enabled": true, "send_as": "request_body"},
				{"key": "audience", "value": "api", "enabled": true, "send_as": "request_header"}]}`, ""),
			check: func(t *testing.T, c *profile.Collection) {
				if c.Options.TokenURL != "https://id.example.com/token" || c.Options.ClientAuth != "header" || c.Options.Audience != "" {
					t.Errorf("Options %+v", c.Options)
				}
				if len(c.Warnings) != 2 {
					t.Errorf("Warnings %q, want two", c.Warnings)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var env io.Reader
			if tt.env != "" {
				env = strings.NewReader(tt.env)
			}
			c, err := profile.LoadCollection(strings.NewReader(tt.collection), env, "")
			if err != nil {
				t.Fatalf("LoadCollection: %v", err)
			}
			tt.check(t, c)
		})
	}
}

func TestLoadCollectionRefusesBadFiles(t *testing.T) {
	auth := func(extra string) string {
		return `[{"key": "grant_type", "value": "client_credentials"}, {"key": "accessTokenUrl", "value": "https://id.example.com/token"}` + extra + `]`
	}
	tests := []struct {
		name       string
		collection string
		env        string
		want       string
	}{
		{name: "unresolved variable", collection: collectionJSON(`[{"key": "grant_type", "value": "client_credentials"},
			{"key": "accessTokenUrl", "value": "{{tokenUrl}}"}]`, ""),
			want: "accessTokenUrl uses {{tokenUrl}}, which the collection does not define; pass its environment with --environment"},
		{name: "unresolved with an environment", collection: collectionJSON(auth(`, {"key": "scope", "value": "{{scopes}}"}`), ""),
			env: `{"values": []}`, want: "scope uses {{scopes}}, which neither the environment nor the collection defines"},
		{name: "unresolved parameter", collection: collectionJSON(auth(`, {"key": "tokenRequestParams", "value":
			[{"key": "resource", "value": "{{api}}", "enabled": true, "send_as": "request_body"}]}`), ""), want: "resource uses {{api}}"},
		{name: "variables in a loop", collection: collectionJSON(auth(`, {"key": "scope", "value": "{{a}}"}`),
			`{"key": "a", "value": "{{b}}"}, {"key": "b", "value": "{{a}}"}`), want: "refer to each other"},
		{name: "[object Object] params", collection: collectionJSON(auth(`, {"key": "tokenRequestParams", "type": "string", "value": "[object Object]"}`), ""),
			want: `tokenRequestParams is "[object Object]": the file was written with the parameters typed "string", and Postman's SDK`},
		{name: "[object Object] value", collection: collectionJSON(auth(`, {"key": "tokenRequestParams", "value":
			[{"key": "audience", "value": "[object Object]", "enabled": true}]}`), ""), want: "Postman's SDK"},
		{name: "[object Object] legacy", collection: collectionJSON(auth(`, {"key": "audience", "value": "[object Object]"}`), ""),
			want: "Postman's SDK lost its value"},
		{name: "legacy map with two values", collection: collectionJSON(auth(`, {"key": "audience", "value": {"a": "x", "b": "y"}}`), ""),
			want: "more than one value"},
		{name: "authorization code", collection: collectionJSON(`[{"key": "grant_type", "value": "authorization_code"}]`, ""),
			want: `grant_type is "authorization_code"; verify checks the client credentials grant only`},
		{name: "basic auth", collection: `{"info": {"name": "x"}, "auth": {"type": "basic", "basic": []}}`, want: `its auth is "basic", not oauth2, and no folder or request sets OAuth 2.0`},
		{name: "no auth", collection: `{"info": {"name": "x"}, "item": []}`, want: "it has no OAuth 2.0 auth"},
		{name: "no token URL", collection: collectionJSON(`[{"key": "grant_type", "value": "client_credentials"}]`, ""), want: "no accessTokenUrl"},
		{name: "bad client_authentication", collection: collectionJSON(auth(`, {"key": "client_authentication", "value": "jwt"}`), ""),
			want: `client_authentication is "jwt"`},
		{name: "not JSON", collection: `<html>`, want: "invalid --collection: not a JSON collection file"},
		{name: "an environment", collection: `{"values": [], "_postman_variable_scope": "environment"}`, want: "pass it with --environment"},
		{name: "a collection as environment", collection: collectionJSON(auth(""), ""), env: collectionJSON(auth(""), ""),
			want: "invalid --environment: this is a Postman collection"},
		{name: "environment not JSON", collection: collectionJSON(auth(""), ""), env: "{", want: "invalid --environment: not a JSON"},
		{name: "too large", collection: `{"info": {"name": "` + strings.Repeat("x", 10<<20) + `"}}`, want: "larger than 10 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var env io.Reader
			if tt.env != "" {
				env = strings.NewReader(tt.env)
			}
			c, err := profile.LoadCollection(strings.NewReader(tt.collection), env, "")
			if err == nil {
				t.Fatalf("LoadCollection = %+v, want an error", c)
			}
			var ie *input.Error
			if !errors.As(err, &ie) || !errors.Is(err, input.ErrInvalid) {
				t.Errorf("error %T %v, want an *input.Error", err, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error\n %q\nwant it to contain\n %q", err, tt.want)
			}
		})
	}
}
