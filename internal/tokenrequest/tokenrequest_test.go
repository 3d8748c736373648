package tokenrequest_test

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/tokenrequest"
)

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

func TestLoad(t *testing.T) {
	tests := []struct {
		name       string
		collection string
		env        string // empty: none
		check      func(t *testing.T, c *tokenrequest.Request)
	}{
		{name: "hand made", collection: collectionJSON(stdAuth, stdVars), check: func(t *testing.T, c *tokenrequest.Request) {
			want := tokenrequest.Request{Name: "Hand made", Auth: tokenrequest.Auth{TokenURL: "https://id.example.com/oauth2/token",
				ClientID: "col-id", ClientAuth: "body", Audience: "https://api.example.com"}, BaseURL: "https://api.example.com"}
			got := *c
			if got.Scope == nil || *got.Scope != "read" {
				t.Errorf("Scope %v", got.Scope)
			}
			got.Scope, got.Call, got.Warnings = nil, nil, nil
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Request\n got %+v\nwant %+v", got, want)
			}
			wantCall := tokenrequest.Call{Name: "Things/List", Method: "GET", URL: "https://api.example.com/things?limit=10"}
			if c.Call == nil || *c.Call != wantCall {
				t.Errorf("Call %+v, want %+v", c.Call, wantCall)
			}
		}},
		{name: "environment first, disabled values skipped", collection: collectionJSON(stdAuth, stdVars),
			env: `{"name": "e", "values": [{"key": "clientId", "value": "env-id", "enabled": true},
				{"key": "origin", "value": "https://disabled.example.com", "enabled": false},
				{"key": "clientSecret", "value": "env-secret", "type": "secret", "enabled": true}]}`,
			check: func(t *testing.T, c *tokenrequest.Request) {
				if c.ClientID != "env-id" || c.ClientSecret != "env-secret" || c.TokenURL != "https://id.example.com/oauth2/token" {
					t.Errorf("Request %+v", c)
				}
			}},
		{name: "secret left for the caller", collection: collectionJSON(stdAuth, stdVars), check: func(t *testing.T, c *tokenrequest.Request) {
			if c.ClientSecret != "" {
				t.Errorf("ClientSecret %q, want empty", c.ClientSecret)
			}
		}},
		{name: "Postman 8.3 to 10.12 map", collection: collectionJSON(`[{"key": "grant_type", "value": "client_credentials"},
			{"key": "accessTokenUrl", "value": "https://id.example.com/token"},
			{"key": "resource", "type": "any", "value": {"6ff1a3c0-1b8e-4a7e-9d41-08c0a6a1d0a1": "https://api.example.com"}}]`, ""),
			check: func(t *testing.T, c *tokenrequest.Request) {
				if c.Resource != "https://api.example.com" || c.ClientAuth != "" || c.Scope != nil {
					t.Errorf("Request %+v", c)
				}
				if len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0], "before 10.13") {
					t.Errorf("Warnings %q", c.Warnings)
				}
			}},
		{name: "v2.0 object auth, other params", collection: collectionJSON(`{"grant_type": "client_credentials",
			"accessTokenUrl": "https://id.example.com/token", "client_authentication": "header",
			"tokenRequestParams": [{"key": "organization", "value": "org_1", "enabled": true, "send_as": "request_body"},
				{"key": "audience", "value": "api", "enabled": true, "send_as": "request_header"}]}`, ""),
			check: func(t *testing.T, c *tokenrequest.Request) {
				if c.TokenURL != "https://id.example.com/token" || c.ClientAuth != "header" || c.Audience != "" {
					t.Errorf("Request %+v", c)
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
			c, err := tokenrequest.Load(strings.NewReader(tt.collection), env, "")
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			tt.check(t, c)
		})
	}
}

func TestLoadRefusesBadFiles(t *testing.T) {
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
			c, err := tokenrequest.Load(strings.NewReader(tt.collection), env, "")
			if err == nil {
				t.Fatalf("Load = %+v, want an error", c)
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
