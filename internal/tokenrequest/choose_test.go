package tokenrequest_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/tokenrequest"
)

// oauth2Array is a v2.1 oauth2 auth block of client credentials with the given extra entries.
func oauth2Array(tokenURL, extra string) string {
	return `{"type": "oauth2", "oauth2": [{"key": "grant_type", "value": "client_credentials"},
		{"key": "accessTokenUrl", "value": "` + tokenURL + `"}` + extra + `]}`
}

func resourceParam(value string) string {
	return `, {"key": "tokenRequestParams", "type": "any", "value": [{"key": "resource", "value": "` + value + `", "enabled": true, "send_as": "request_body"}]}`
}

// Collections made the way the providers' guides and the Postman app make them: auth on a
// request, a folder or the collection, inherited or switched off on the way.
func TestLoadHandMadeCollections(t *testing.T) {
	const logtoAuth = `{"type": "oauth2", "oauth2": [
		{"key": "grant_type", "value": "client_credentials", "type": "string"},
		{"key": "accessTokenUrl", "value": "https://acme.logto.app/oidc/token", "type": "string"},
		{"key": "clientId", "value": "m2m-app", "type": "string"},
		{"key": "clientSecret", "value": "m2m-secret", "type": "string"},
		{"key": "scope", "value": "all", "type": "string"},
		{"key": "tokenRequestParams", "type": "any", "value": [{"key": "resource", "value": "https://acme.logto.app/api", "enabled": true, "send_as": "request_body"}]}]}`
	tests := []struct {
		name, collection, env, request string
		wantToken, wantParam           string // token URL; resource or audience
		wantCall                       tokenrequest.Call
		wantEndpoint                   string
		wantWarning                    string // a substring of the one warning; empty for none
	}{
		{
			name: "Logto guide: literal values on a request",
			collection: `{"info": {"name": "Logto"}, "item": [{"name": "Get applications", "request": {"method": "GET",
				"url": "https://acme.logto.app/api/applications", "auth": ` + logtoAuth + `}}]}`,
			wantToken: "https://acme.logto.app/oidc/token", wantParam: "https://acme.logto.app/api",
			wantCall:     tokenrequest.Call{Name: "Get applications", Method: "GET", URL: "https://acme.logto.app/api/applications"},
			wantEndpoint: "https://acme.logto.app",
		},
		{
			name: "Kinde guide: user variables on the collection, from the environment",
			collection: `{"info": {"name": "Kinde"}, "auth": {"type": "oauth2", "oauth2": [
				{"key": "grant_type", "value": "client_credentials"}, {"key": "accessTokenUrl", "value": "{{domain}}/oauth2/token"},
				{"key": "clientId", "value": "{{client_id}}"}, {"key": "clientSecret", "value": "{{client_secret}}"},
				{"key": "client_authentication", "value": "body"},
				{"key": "tokenRequestParams", "value": [{"key": "audience", "value": "{{audience}}", "enabled": true, "send_as": "request_body"}]}]},
				"item": [{"name": "Users", "item": [{"name": "Get users", "request": {"url": "{{domain}}/api/v1/users"}}]}]}`,
			env: `{"values": [{"key": "domain", "value": "https://acme.kinde.com"}, {"key": "client_id", "value": "m2m-app"},
				{"key": "client_secret", "value": "m2m-secret", "type": "secret"}, {"key": "audience", "value": "https://acme.kinde.com/api"}]}`,
			wantToken: "https://acme.kinde.com/oauth2/token", wantParam: "https://acme.kinde.com/api",
			wantCall:     tokenrequest.Call{Name: "Users/Get users", Method: "GET", URL: "https://acme.kinde.com/api/v1/users"},
			wantEndpoint: "https://acme.kinde.com",
		},
		{
			name: "folder-level auth after a public request",
			collection: `{"info": {"name": "F"}, "item": [
				{"name": "Health", "request": {"url": "https://api.example.com/health"}},
				{"name": "Admin", "auth": ` + oauth2Array("https://id.example.com/token", resourceParam("https://api.example.com")) + `,
				 "item": [{"name": "Things", "request": {"url": "https://api.example.com/things"}}]}]}`,
			wantToken: "https://id.example.com/token", wantParam: "https://api.example.com",
			wantCall:     tokenrequest.Call{Name: "Admin/Things", Method: "GET", URL: "https://api.example.com/things"},
			wantEndpoint: "https://api.example.com",
		},
		{
			name: "v2.0 object form on a request",
			collection: `{"info": {"name": "v2.0", "schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"},
				"item": [{"name": "Ping", "request": {"method": "HEAD", "url": "https://api.example.com/ping",
				"auth": {"type": "oauth2", "oauth2": {"grant_type": "client_credentials", "accessTokenUrl": "https://id.example.com/token",
				"tokenRequestParams": [{"key": "resource", "value": "https://api.example.com", "enabled": true, "send_as": "request_body"}]}}}}]}`,
			wantToken: "https://id.example.com/token", wantParam: "https://api.example.com",
			wantCall:     tokenrequest.Call{Name: "Ping", Method: "HEAD", URL: "https://api.example.com/ping"},
			wantEndpoint: "https://api.example.com",
		},
		{
			name: "noauth and inherit mixed; the first request under the auth is a POST",
			collection: `{"info": {"name": "Mixed"}, "auth": ` + oauth2Array("https://id.example.com/token", resourceParam("https://api.example.com")) + `,
				"item": [
				{"name": "Public", "auth": {"type": "noauth"}, "item": [{"name": "Status", "request": {"url": "https://api.example.com/status"}}]},
				{"name": "Items", "auth": {"type": "inherit"}, "item": [
					{"name": "Create", "request": {"method": "POST", "url": "https://api.example.com/items", "auth": {"type": "inherit"}}},
					{"name": "Unsigned", "request": {"method": "GET", "url": "https://api.example.com/open", "auth": {"type": "noauth"}}},
					{"name": "List", "request": {"method": "GET", "url": "https://api.example.com/items", "auth": null}}]}]}`,
			wantToken: "https://id.example.com/token", wantParam: "https://api.example.com",
			wantCall:     tokenrequest.Call{Name: "Items/List", Method: "GET", URL: "https://api.example.com/items"},
			wantEndpoint: "https://api.example.com",
		},
		{
			name:       "two configurations: the first request's is checked",
			collection: twoConfigs,
			wantToken:  "https://id.example.com/token", wantParam: "https://a.example.com",
			wantCall:     tokenrequest.Call{Name: "A/List", Method: "GET", URL: "https://a.example.com/list"},
			wantEndpoint: "https://a.example.com",
			wantWarning:  `2 different OAuth 2.0 configurations; verify checks the one of request "A/List" (token URL https://id.example.com/token, resource https://a.example.com); not checked: request "B/Create item" and 1 more (token URL https://id.example.com/token, resource https://b.example.com); choose one with --request NAME`,
		},
		{
			name:       "two configurations: --request picks by path",
			collection: twoConfigs, request: "B/List items",
			wantToken: "https://id.example.com/token", wantParam: "https://b.example.com",
			wantCall:     tokenrequest.Call{Name: "B/List items", Method: "GET", URL: "https://b.example.com/items"},
			wantEndpoint: "https://b.example.com",
			wantWarning:  `not checked: request "A/List"`,
		},
		{
			name:       "two configurations: --request picks by name, and calls a GET of the same auth",
			collection: twoConfigs, request: "Create item",
			wantToken: "https://id.example.com/token", wantParam: "https://b.example.com",
			wantCall:     tokenrequest.Call{Name: "B/List items", Method: "GET", URL: "https://b.example.com/items"},
			wantEndpoint: "https://b.example.com",
			wantWarning:  `verify checks the one of request "B/Create item"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var env io.Reader
			if tt.env != "" {
				env = strings.NewReader(tt.env)
			}
			c, err := tokenrequest.Load(strings.NewReader(tt.collection), env, tt.request)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if c.TokenURL != tt.wantToken || (c.Resource != tt.wantParam && c.Audience != tt.wantParam) || c.BaseURL != tt.wantEndpoint {
				t.Errorf("Request %+v\nwant token URL %s, API %s, base URL %s", c, tt.wantToken, tt.wantParam, tt.wantEndpoint)
			}
			if c.Call == nil || *c.Call != tt.wantCall {
				t.Errorf("Call %+v, want %+v", c.Call, tt.wantCall)
			}
			switch {
			case tt.wantWarning == "" && len(c.Warnings) > 0:
				t.Errorf("Warnings %q, want none", c.Warnings)
			case tt.wantWarning != "" && (len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0], tt.wantWarning)):
				t.Errorf("Warnings %q, want one containing\n%s", c.Warnings, tt.wantWarning)
			}
		})
	}
}

// twoConfigs has two folders whose auth names two APIs, two requests each.
const twoConfigs = `{"info": {"name": "Two"}, "item": [
	{"name": "A", "auth": {"type": "oauth2", "oauth2": [{"key": "grant_type", "value": "client_credentials"},
		{"key": "accessTokenUrl", "value": "https://id.example.com/token"}` + `, {"key": "tokenRequestParams", "type": "any", "value": [{"key": "resource", "value": "https://a.example.com", "enabled": true, "send_as": "request_body"}]}]},
	 "item": [{"name": "List", "request": {"url": "https://a.example.com/list"}}, {"name": "Get", "request": {"url": "https://a.example.com/get"}}]},
	{"name": "B", "auth": {"type": "oauth2", "oauth2": [{"key": "grant_type", "value": "client_credentials"},
		{"key": "accessTokenUrl", "value": "https://id.example.com/token"}` + `, {"key": "tokenRequestParams", "type": "any", "value": [{"key": "resource", "value": "https://b.example.com", "enabled": true, "send_as": "request_body"}]}]},
	 "item": [{"name": "Create item", "request": {"method": "POST", "url": "https://b.example.com/items"}},
	          {"name": "List items", "request": {"url": "https://b.example.com/items"}}]},
	{"name": "C", "item": [{"name": "List", "request": {"url": "https://c.example.com/list", "auth": {"type": "noauth"}}}]}]}`

func TestLoadChoiceErrors(t *testing.T) {
	tests := []struct {
		name, collection, request, field, want string
	}{
		{"unknown request", twoConfigs, "Nope", "request", `the collection has no such request; it has "A/List", "A/Get", "B/Create item", "B/List items", "C/List"`},
		{"ambiguous name", twoConfigs, "List", "request", `more than one request has this name: "A/List", "C/List"; give it as Folder/Request`},
		{"request without auth", twoConfigs, "C/List", "request", "this request is sent without auth"},
		{"request with other auth", `{"info": {}, "item": [{"name": "R", "request": {"url": "https://x.example/", "auth": {"type": "basic", "basic": []}}}]}`,
			"R", "request", `this request is sent with "basic" auth, not oauth2`},
		{"unreadable request auth", `{"info": {}, "item": [{"name": "F", "item": [{"name": "R", "request": {"url": "https://x.example/",
			"auth": {"type": "oauth2", "oauth2": [{"key": "grant_type", "value": "authorization_code"}]}}}]}]}`,
			"", "collection", `the auth of request "F/R": its oauth2 grant_type is "authorization_code"`},
		{"unreadable folder auth", `{"info": {}, "item": [{"name": "F", "auth": ` + oauth2Array("{{nowhere}}", "") + `, "item": [{"name": "R", "request": "https://x.example/"}]}]}`,
			"", "collection", `the auth of folder "F": accessTokenUrl uses {{nowhere}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := tokenrequest.Load(strings.NewReader(tt.collection), nil, tt.request)
			var ie *input.Error
			if !errors.As(err, &ie) {
				t.Fatalf("Load = %+v, %v; want an *input.Error", c, err)
			}
			if string(ie.Field) != tt.field || !strings.Contains(ie.Reason, tt.want) {
				t.Errorf("error field %q, reason\n %q\nwant field %q and\n %q", ie.Field, ie.Reason, tt.field, tt.want)
			}
		})
	}
}

// A bare --call never falls back to the resource: without a GET request under the auth, the
// call says why, and verify asks for a path or URL.
func TestLoadWithoutACallableRequest(t *testing.T) {
	tests := []struct{ name, collection, want string }{
		{"only a POST", `{"info": {}, "auth": ` + oauth2Array("https://id.example.com/token", resourceParam("https://default.logto.app/api")) + `,
			"item": [{"name": "Create", "request": {"method": "POST", "url": "https://auth.example.com/api/users"}}]}`,
			`request "Create" is a POST, and no GET request uses the same OAuth 2.0 auth`},
		{"an undefined variable in the URL", `{"info": {}, "auth": ` + oauth2Array("https://id.example.com/token", "") + `,
			"item": [{"name": "R", "request": "{{host}}/x"}]}`, `the URL of request "R" uses {{host}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := tokenrequest.Load(strings.NewReader(tt.collection), nil, "")
			if err != nil {
				t.Fatal(err)
			}
			if c.Call == nil || c.Call.URL != "" || !strings.Contains(c.Call.Problem, tt.want) {
				t.Errorf("Call %+v, want a problem containing %q", c.Call, tt.want)
			}
		})
	}
}

// An export made after the app's "Use Token" carries the token itself: verify says it checks a
// new one, and never repeats the saved one.
func TestLoadStoredToken(t *testing.T) {
	for _, tt := range []struct {
		token string
		warn  bool
	}{{"eyJ.stored.token", true}, {"{{accessToken}}", false}, {"", false}} {
		col := `{"info": {}, "auth": ` + oauth2Array("https://id.example.com/token", `, {"key": "accessToken", "value": "`+tt.token+`"}`) + `}`
		c, err := tokenrequest.Load(strings.NewReader(col), nil, "")
		if err != nil {
			t.Fatal(err)
		}
		warnings := strings.Join(c.Warnings, "\n")
		if got := strings.Contains(warnings, `as Postman's "Use Token" saves it`); got != tt.warn {
			t.Errorf("accessToken %q: warnings %q, want the stored-token warning %v", tt.token, warnings, tt.warn)
		}
		if strings.Contains(warnings, "eyJ") {
			t.Errorf("a warning repeats the token: %q", warnings)
		}
	}
}
