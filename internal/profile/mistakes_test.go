package profile

import (
	"reflect"
	"strings"
	"testing"
)

// TestResolveCorrectsOrWarnsOfLikelyMistakes checks that a pasted issuer or token URL as
// --endpoint is corrected, and that a comma in the scope, an empty scope and a missing client id
// draw a warning, each saying what happened.
func TestResolveCorrectsOrWarnsOfLikelyMistakes(t *testing.T) {
	tests := []struct {
		name         string
		opts         Options
		wantTokenURL string
		wantScope    string
		wantWarnings []string // substrings, one per warning, in order
	}{
		{
			name:         "issuer pasted as a Logto endpoint",
			opts:         Options{Endpoint: "https://auth.example.com/oidc", ClientID: "app"},
			wantTokenURL: "https://auth.example.com/oidc/token", wantScope: "all",
			wantWarnings: []string{"--endpoint https://auth.example.com/oidc ends with /oidc, which the logto preset adds itself; using https://auth.example.com as the base URL"},
		},
		{
			name:         "issuer with a trailing slash",
			opts:         Options{Endpoint: "https://auth.example.com/oidc/", ClientID: "app"},
			wantTokenURL: "https://auth.example.com/oidc/token", wantScope: "all",
			wantWarnings: []string{"ends with /oidc"},
		},
		{
			name:         "token URL pasted as a Kinde endpoint",
			opts:         Options{Provider: "kinde", Endpoint: "https://auth.acme.com/oauth2/token", ClientID: "app"},
			wantTokenURL: "https://auth.acme.com/oauth2/token",
			wantWarnings: []string{"ends with /oauth2/token, which the kinde preset adds itself"},
		},
		{
			name:         "a path that only looks alike is kept",
			opts:         Options{Endpoint: "https://auth.example.com/myoidc", ClientID: "app"},
			wantTokenURL: "https://auth.example.com/myoidc/oidc/token", wantScope: "all",
		},
		{
			name:         "commas in the scope",
			opts:         Options{Provider: "kinde", Tenant: "acme", Scope: strptr("read:users,read:roles"), ClientID: "app"},
			wantTokenURL: "https://acme.kinde.com/oauth2/token", wantScope: "read:users,read:roles",
			wantWarnings: []string{`scope "read:users,read:roles" holds a comma, which the server takes as part of a scope's name; scopes are separated by spaces: "read:users read:roles"`},
		},
		{
			name:         "an empty scope drops the preset's",
			opts:         Options{Tenant: "acme", Scope: strptr(""), ClientID: "app"},
			wantTokenURL: "https://acme.logto.app/oidc/token",
			wantWarnings: []string{`the scope is empty, so the preset's scope "all" is not requested`},
		},
		{
			name:         "an empty scope where the preset has none",
			opts:         Options{Provider: "kinde", Tenant: "acme", Scope: strptr(" "), ClientID: "app"},
			wantTokenURL: "https://acme.kinde.com/oauth2/token",
			wantWarnings: []string{"the scope is empty: the token request asks for no scope"},
		},
		{
			name:         "no client id",
			opts:         Options{Tenant: "acme"},
			wantTokenURL: "https://acme.logto.app/oidc/token", wantScope: "all",
			wantWarnings: []string{"no client id: clientId is left empty"},
		},
		{
			name:         "nothing to remark",
			opts:         Options{Tenant: "acme", Scope: strptr("all"), ClientID: "app"},
			wantTokenURL: "https://acme.logto.app/oidc/token", wantScope: "all",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Resolve(tt.opts)
			if err != nil {
				t.Fatalf("Resolve: %v", err)
			}
			if p.TokenURL != tt.wantTokenURL || p.Scope != tt.wantScope {
				t.Errorf("token URL %q, scope %q; want %q, %q", p.TokenURL, p.Scope, tt.wantTokenURL, tt.wantScope)
			}
			if len(p.Warnings) != len(tt.wantWarnings) {
				t.Fatalf("warnings %q, want %d: %q", p.Warnings, len(tt.wantWarnings), tt.wantWarnings)
			}
			for i, w := range tt.wantWarnings {
				if !strings.Contains(p.Warnings[i], w) {
					t.Errorf("warning %q, want it to say %q", p.Warnings[i], w)
				}
			}
		})
	}
}

// TestResolveNamesALoopbackServerWithItsPort keeps two local servers' collections apart.
func TestResolveNamesALoopbackServerWithItsPort(t *testing.T) {
	for endpoint, want := range map[string]string{
		"http://127.0.0.1:40813":   "logto-127.0.0.1-40813",
		"http://[::1]:8080":        "logto---1-8080",
		"https://auth.example.com": "logto-auth.example.com",
	} {
		p, err := Resolve(Options{Endpoint: endpoint, ClientID: "app"})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(p.Name, want) {
			t.Errorf("--endpoint %s: name %q, want %q", endpoint, p.Name, want)
		}
	}
}
