package main

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gen-postman/gen-postman/generate"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/tokenrequest"
)

// generated writes p's collection and environment with package generate.
func generated(t testing.TB, p *profile.Profile) (collection, environment []byte) {
	t.Helper()
	c, _, err := generate.Build(p)
	if err != nil {
		t.Fatal(err)
	}
	if collection, err = postman.Encode(c); err != nil {
		t.Fatal(err)
	}
	env := generate.NewEnvironment(p, generate.EnvironmentOptions{Now: func() time.Time { return time.Unix(1700000000, 0) }, ExportedUsing: "gen-postman/test"})
	if environment, err = postman.Encode(env); err != nil {
		t.Fatal(err)
	}
	return collection, environment
}

// A generated collection reads back into the profile it was generated from.
func TestCollectionProfileRoundTrip(t *testing.T) {
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
				tr, err := tokenrequest.Load(bytes.NewReader(col), envReader, "")
				if err != nil {
					t.Fatalf("tokenrequest.Load: %v", err)
				}
				o, err := collectionOptions(tr)
				if err != nil {
					t.Fatal(err)
				}
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
				if len(tr.Warnings) != 0 {
					t.Errorf("Warnings %q", tr.Warnings)
				}
				got, err := collectionProfile(tr, profile.Options{ClientSecret: "from-flag"})
				if err != nil {
					t.Fatalf("Resolve: %v", err)
				}
				if got.TokenURL != p.TokenURL || got.Scope != p.Scope || got.ClientAuth != p.ClientAuth || got.ClientSecret != "from-flag" ||
					got.BaseURL != p.BaseURL || got.Issuer != p.Issuer || got.JWKSURL != p.JWKSURL {
					t.Errorf("resolved %+v\n    want %+v", got, p)
				}
				if !slices.Equal(sortedParams(got.Params), sortedParams(p.Params)) {
					t.Errorf("Params %v, want %v", got.Params, p.Params)
				}
				first := p.Folders[0].Name + "/" + p.Folders[0].Requests[0].Name
				// As Postman's SDK reads the URL: a path of "/" alone is no path.
				wantURL := strings.TrimSuffix(p.BaseURL+p.Folders[0].Requests[0].Path, "/")
				wantCall := profile.Call{Name: first, Method: "GET", URL: wantURL}
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

// A collection's profile carries the collection's own request and base URL, never the preset's
// folders; without a request under the auth, its call says why.
func TestCollectionProfile(t *testing.T) {
	const auth = `{"type": "oauth2", "oauth2": [{"key": "grant_type", "value": "client_credentials"},
		{"key": "accessTokenUrl", "value": "https://id.example.com/token"}, {"key": "clientId", "value": "app"}]}`
	tests := []struct {
		name, collection string
		want             profile.Call
		wantBase         string
	}{
		{"a request", `{"info": {"name": "a/b"}, "auth": ` + auth + `, "item": [{"name": "R", "request": "https://api.example.com/x"}]}`,
			profile.Call{Name: "R", Method: "GET", URL: "https://api.example.com/x"}, "https://api.example.com"},
		{"no requests", `{"info": {"name": "n"}, "auth": ` + auth + `}`,
			profile.Call{Problem: "the collection has no request that uses this OAuth 2.0 auth"}, "https://id.example.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := tokenrequest.Load(strings.NewReader(tt.collection), nil, "")
			if err != nil {
				t.Fatal(err)
			}
			p, err := collectionProfile(tr, profile.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if p.Call == nil || *p.Call != tt.want || len(p.Folders) != 0 || p.BaseURL != tt.wantBase || p.Provider != "generic" {
				t.Errorf("profile %s, Call %+v, Folders %v, BaseURL %s; want %+v, no folders, %s", p.Provider, p.Call, p.Folders, p.BaseURL, tt.want, tt.wantBase)
			}
		})
	}
}
