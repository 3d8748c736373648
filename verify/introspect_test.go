package verify_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/verify"
	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// opaqueFixture starts a fake server that issues opaque tokens, as Zitadel and Ory Hydra do,
// and returns the generic profile that points at it with an audience and a scope; profile
// options in opts override.
func opaqueFixture(t *testing.T, o verifytest.Options, opts profile.Options) (*fixture, verify.Options) {
	t.Helper()
	o.OpaqueTokens = true
	f := newFixture(t, o)
	if opts.TokenURL == "" {
		opts.TokenURL = f.srv.URL + "/oidc/token"
	}
	opts.Provider, opts.Audience = "generic", "https://api.example"
	opts.Issuer, opts.JWKSURL = verifytest.Issuer(f.srv.URL), f.srv.URL+"/oidc/jwks"
	scope := "read write"
	opts.Scope = &scope
	p, err := profile.Resolve(opts)
	if err != nil {
		t.Fatal(err)
	}
	p.ClientID, p.ClientSecret = testClientID, testSecret
	vo := f.options()
	vo.Profile = p
	return f, vo
}

func TestIntrospection(t *testing.T) {
	tests := []struct {
		name     string
		idp      verifytest.Options
		opts     profile.Options
		auth     profile.ClientAuth
		want     map[string]verify.Status
		detail   map[string]string // a part of the named check's detail
		hint     string
		outcome  verify.Outcome
		sent     int // introspection requests the server got
		sentAuth string
	}{
		{name: "discovered, active, Basic", idp: verifytest.Options{Introspection: true},
			want: map[string]verify.Status{"jwt": verify.StatusSkip, "active": verify.StatusPass, "signature": verify.StatusSkip,
				"issuer": verify.StatusPass, "audience": verify.StatusPass, "lifetime": verify.StatusPass, "scope": verify.StatusPass,
				"client": verify.StatusPass, "typ": verify.StatusSkip},
			detail:  map[string]string{"jwt": "proven by introspection at http://", "active": "active, by introspection", "audience": `"https://api.example" (by introspection)`, "client": "client_id names the client"},
			outcome: verify.Passed, sent: 1, sentAuth: "header"},
		{name: "given, active, credentials in the body", idp: verifytest.Options{Introspection: true, ClientAuth: "body"}, auth: profile.ClientAuthBody,
			want:    map[string]verify.Status{"active": verify.StatusPass, "scope": verify.StatusPass},
			outcome: verify.Passed, sent: 1, sentAuth: "body"},
		{name: "revoked", idp: verifytest.Options{Introspection: true, Defect: verifytest.InactiveToken},
			want:    map[string]verify.Status{"active": verify.StatusFail, "audience": verify.StatusSkip, "scope": verify.StatusSkip},
			detail:  map[string]string{"active": "not active"},
			outcome: verify.CheckFailed, sent: 1},
		{name: "a token the server never issued", idp: verifytest.Options{Introspection: true, Defect: verifytest.ChosenToken, Token: "garbage-token"},
			want:    map[string]verify.Status{"active": verify.StatusFail},
			outcome: verify.CheckFailed, sent: 1},
		{name: "another client named", idp: verifytest.Options{Introspection: true, Defect: verifytest.WrongClient},
			want:    map[string]verify.Status{"active": verify.StatusPass, "client": verify.StatusFail},
			outcome: verify.CheckFailed, sent: 1},
		{name: "a scope dropped", idp: verifytest.Options{Introspection: true, Defect: verifytest.DroppedScope},
			want:    map[string]verify.Status{"active": verify.StatusPass, "scope": verify.StatusFail},
			outcome: verify.CheckFailed, sent: 1},
		{name: "no introspection endpoint", idp: verifytest.Options{},
			want:    map[string]verify.Status{"jwt": verify.StatusWarn, "active": "", "signature": verify.StatusSkip, "audience": verify.StatusSkip},
			detail:  map[string]string{"jwt": "cannot be proven"},
			hint:    "it names no introspection_endpoint",
			outcome: verify.Passed},
		{name: "discovery names an endpoint on another host", idp: verifytest.Options{Defect: verifytest.IntrospectionElsewhere},
			want:    map[string]verify.Status{"jwt": verify.StatusWarn, "active": ""},
			hint:    "on another host than the token endpoint",
			outcome: verify.Passed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := profile.Options{ClientAuth: string(tt.auth)}
			f, vo := opaqueFixture(t, tt.idp, opts)
			if tt.name == "given, active, credentials in the body" {
				vo.Profile.IntrospectionURL = f.srv.URL + "/oidc/introspect"
			}
			r := f.run(t, vo)
			for name, want := range tt.want {
				if got := check(r, name); got.Status != want {
					t.Errorf("%s = %s %q, want %s", name, got.Status, got.Detail, want)
				}
			}
			for name, part := range tt.detail {
				if got := check(r, name); !strings.Contains(got.Detail, part) {
					t.Errorf("%s detail %q lacks %q", name, got.Detail, part)
				}
			}
			if hints := strings.Join(r.Hints, "\n"); !strings.Contains(hints, tt.hint) {
				t.Errorf("hints\n%s\nlack %q", hints, tt.hint)
			}
			if r.Outcome() != tt.outcome {
				t.Errorf("outcome %s, want %s", r.Outcome(), tt.outcome)
			}
			sent := f.idp.RequestsTo("/oidc/introspect")
			if len(sent) != tt.sent {
				t.Fatalf("%d introspection requests, want %d", len(sent), tt.sent)
			}
			for _, req := range sent {
				form, err := url.ParseQuery(req.Body)
				if err != nil || form.Get("token") == "" || form.Get("token_type_hint") != "access_token" {
					t.Errorf("introspection body %q, want token and token_type_hint", req.Body)
				}
				basic := req.Header.Get("Authorization") != ""
				if (tt.sentAuth == "header" && (!basic || form.Has("client_secret"))) || (tt.sentAuth == "body" && (basic || form.Get("client_secret") != testSecret)) {
					t.Errorf("introspection sent with Authorization %v and body %q, want client authentication by %s", basic, req.Body, tt.sentAuth)
				}
			}
			text, js := outputs(t, r)
			if tt.want["jwt"] == verify.StatusWarn && !strings.Contains(text, "OK: no check failed, but the token is not proven: see jwt") {
				t.Errorf("the summary does not say the token is unproven:\n%s", text)
			}
			if strings.Contains(text+js, testSecret) {
				t.Error("the report shows the client secret")
			}
			for _, tok := range f.idp.Issued() {
				if strings.Contains(text+js, tok) {
					t.Error("the report shows the token")
				}
			}
		})
	}
}

// TestIntrospectionURLAnywhereWhenNamed takes an introspection endpoint the user named on any
// host (Hydra serves it on its admin port): the user chose where the credentials go. Plain http
// stays refused off loopback.
func TestIntrospectionURLAnywhereWhenNamed(t *testing.T) {
	for _, tt := range []struct {
		url string
		ok  bool
	}{
		{"https://id.example.com/oauth2/introspect", true},
		{"https://ID.example.com/introspect", true},
		{"https://other.example.com/oauth2/introspect", true},
		{"https://id.example.com:8443/oauth2/introspect", true},
		{"http://id.example.com/oauth2/introspect", false},
	} {
		p, err := profile.Resolve(profile.Options{Provider: "generic", TokenURL: "https://id.example.com/oauth2/token", IntrospectionURL: tt.url})
		if (err == nil) != tt.ok {
			t.Errorf("%s: error %v, want ok %v", tt.url, err, tt.ok)
		}
		if err == nil && p.IntrospectionURL != tt.url {
			t.Errorf("%s: profile has %q", tt.url, p.IntrospectionURL)
		}
	}
}

// TestOpaqueFromAJWTProvider keeps the failure for a provider that issues JWTs for a named
// API: there, an opaque token means the request named none, introspection or not.
func TestOpaqueFromAJWTProvider(t *testing.T) {
	f := newFixture(t, verifytest.Options{Defect: verifytest.OpaqueToken, Introspection: true})
	r := f.run(t, f.options())
	if c := check(r, "jwt"); c.Status != verify.StatusFail {
		t.Errorf("jwt = %s %q, want fail", c.Status, c.Detail)
	}
	if c := check(r, "active"); c.Status != verify.StatusPass {
		t.Errorf("active = %s %q, want pass: the server vouches for the token all the same", c.Status, c.Detail)
	}
}

// TestCollectionsIntrospectionURLKeepsToTheTokenHost uses an introspection URL on another host
// only when the user named it: one a collection carries does not choose where the client's
// credentials go. (localhost and 127.0.0.1 are the same server here, but other hosts by name.)
func TestCollectionsIntrospectionURLKeepsToTheTokenHost(t *testing.T) {
	for _, named := range []bool{false, true} {
		f := newFixture(t, verifytest.Options{Defect: verifytest.OpaqueToken, Introspection: true})
		p := *f.profile
		p.JWTAccessTokens = false
		p.IntrospectionURL = strings.Replace(f.srv.URL, "127.0.0.1", "localhost", 1) + "/oidc/introspect"
		p.IntrospectionNamed = named
		opts := f.options()
		opts.Profile = &p
		r := f.run(t, opts)
		hints := strings.Join(r.Hints, "\n")
		switch active := check(r, "active"); {
		case named && (active.Status != verify.StatusPass || !strings.Contains(hints, "credentials are sent to localhost")):
			t.Errorf("named: active %s %q; hints %q", active.Status, active.Detail, hints)
		case !named && (active.Status != "" || !strings.Contains(hints, "so the client's credentials are not sent there")):
			t.Errorf("from a collection: active %s %q; hints %q", active.Status, active.Detail, hints)
		}
	}
}

// TestIntrospectionIssuerFromDiscovery: an opaque token's issuer is checked against the issuer
// of the discovery document that named the introspection endpoint when no issuer is given, as a
// JWT's is, rather than warned of as unknown.
func TestIntrospectionIssuerFromDiscovery(t *testing.T) {
	f, vo := opaqueFixture(t, verifytest.Options{Introspection: true}, profile.Options{})
	vo.Profile.Issuer = ""
	r := f.run(t, vo)
	if c := check(r, "issuer"); c.Status != verify.StatusPass || !strings.Contains(c.Detail, "(from discovery)") {
		t.Errorf("issuer = %s %q, want pass from discovery", c.Status, c.Detail)
	}
}
