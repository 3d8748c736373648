package verify_test

import (
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/verify"
	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// entraFixture starts a fake Microsoft Entra ID tenant and resolves the entra preset against
// it with scope, as `gen-postman verify --provider entra --tenant ID --token-url ... --jwks-url
// ...` would.
func entraFixture(t *testing.T, o verifytest.Options, scope string) (*fixture, verify.Options) {
	t.Helper()
	o.Entra = true
	if o.Scopes == nil {
		o.Scopes = []string{"User.Read.All", "Application.Read.All"}
	}
	f := newFixture(t, o)
	tenant := verifytest.EntraTenant
	opts := profile.Options{Provider: "entra", Tenant: tenant,
		TokenURL: f.srv.URL + "/" + tenant + "/oauth2/v2.0/token", JWKSURL: f.srv.URL + "/" + tenant + "/discovery/v2.0/keys"}
	if scope != "" {
		opts.Scope = &scope
	}
	p, err := profile.Resolve(opts)
	if err != nil {
		t.Fatal(err)
	}
	p.ClientID, p.ClientSecret = testClientID, testSecret
	vo := f.options()
	vo.Profile = p
	return f, vo
}

// TestMicrosoftGraphToken gives a token shaped as Microsoft Graph's (a nonce header, a
// signature only Graph can check) the honest verdict: the signature is not checked, and says
// why; everything else is checked; nothing fails and nothing passes falsely.
func TestMicrosoftGraphToken(t *testing.T) {
	f, opts := entraFixture(t, verifytest.Options{}, "")
	r := f.run(t, opts)
	want := map[string]verify.Status{
		"jwt": verify.StatusPass, "signature": verify.StatusWarn, "issuer": verify.StatusPass, "audience": verify.StatusPass,
		"lifetime": verify.StatusPass, "scope": verify.StatusPass, "client": verify.StatusPass, "typ": verify.StatusWarn,
	}
	for name, status := range want {
		if c := check(r, name); c.Status != status {
			t.Errorf("%s = %s %q, want %s", name, c.Status, c.Detail, status)
		}
	}
	sig := check(r, "signature").Detail
	for _, part := range []string{"not checked", "Microsoft Graph", "nonce", "cannot be validated elsewhere"} {
		if !strings.Contains(sig, part) {
			t.Errorf("signature detail %q lacks %q", sig, part)
		}
	}
	for name, part := range map[string]string{
		"issuer":   `"https://sts.windows.net/` + verifytest.EntraTenant + `/", one of the provider's issuers`,
		"audience": `"https://graph.microsoft.com" (read, not proven`,
		"scope":    "https://graph.microsoft.com/.default: roles User.Read.All Application.Read.All",
		"client":   `appid names the client "m2m-app"`,
	} {
		if c := check(r, name); !strings.Contains(c.Detail, part) {
			t.Errorf("%s detail %q lacks %q", name, c.Detail, part)
		}
	}
	if r.Outcome() != verify.Passed {
		t.Errorf("outcome %s, want passed", r.Outcome())
	}
	if len(f.idp.RequestsTo("/"+verifytest.EntraTenant+"/discovery/v2.0/keys")) > 1 {
		t.Error("the key set was fetched more than once")
	}
	if _, ok := r.Header["nonce"]; !ok {
		t.Errorf("header %v has no nonce: the fake did not make a Graph-shaped token", r.Header)
	}
}

// TestEntraTokens checks what can be checked on Graph tokens that are wrong, and verifies
// tokens for the user's own API by signature, as any other.
func TestEntraTokens(t *testing.T) {
	tests := []struct {
		name   string
		idp    verifytest.Options
		scope  string
		want   map[string]verify.Status
		detail map[string]string
		hint   string
	}{
		{name: "a Graph token for another tenant", idp: verifytest.Options{Defect: verifytest.WrongIssuer},
			want: map[string]verify.Status{"signature": verify.StatusWarn, "issuer": verify.StatusFail},
			hint: "Entra ID writes the tenant's ID"},
		{name: "an expired Graph token", idp: verifytest.Options{Defect: verifytest.Expired},
			want: map[string]verify.Status{"signature": verify.StatusWarn, "lifetime": verify.StatusFail}},
		{name: "a Graph token for another client", idp: verifytest.Options{Defect: verifytest.WrongClient},
			want: map[string]verify.Status{"signature": verify.StatusWarn, "client": verify.StatusFail}},
		{name: "a Graph token without application permissions", idp: verifytest.Options{Scopes: []string{}},
			want: map[string]verify.Status{"signature": verify.StatusWarn, "scope": verify.StatusWarn},
			hint: "admin consent"},
		{name: "a token for the user's own API", scope: "api://5a1f/.default",
			want:   map[string]verify.Status{"signature": verify.StatusPass, "audience": verify.StatusPass, "issuer": verify.StatusPass, "scope": verify.StatusPass},
			detail: map[string]string{"audience": `"api://5a1f"`, "scope": "api://5a1f/.default: roles"}},
		{name: "a forged token for the user's own API", scope: "api://5a1f/.default", idp: verifytest.Options{Defect: verifytest.ForgedSignature},
			want: map[string]verify.Status{"signature": verify.StatusFail}},
		{name: "a token for another API than the scope named", scope: "api://5a1f/.default", idp: verifytest.Options{Defect: verifytest.WrongAudience},
			want: map[string]verify.Status{"signature": verify.StatusPass, "audience": verify.StatusFail}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, opts := entraFixture(t, tt.idp, tt.scope)
			r := f.run(t, opts)
			for name, status := range tt.want {
				if c := check(r, name); c.Status != status {
					t.Errorf("%s = %s %q, want %s", name, c.Status, c.Detail, status)
				}
			}
			for name, part := range tt.detail {
				if c := check(r, name); !strings.Contains(c.Detail, part) {
					t.Errorf("%s detail %q lacks %q", name, c.Detail, part)
				}
			}
			if hints := strings.Join(r.Hints, "\n"); !strings.Contains(hints, tt.hint) {
				t.Errorf("hints\n%s\nlack %q", hints, tt.hint)
			}
		})
	}
}

// TestKeycloakAudienceHint says how Keycloak puts an API in aud when the token lacks it.
func TestKeycloakAudienceHint(t *testing.T) {
	f := newFixture(t, verifytest.Options{Defect: verifytest.WrongAudience})
	p, err := profile.Resolve(profile.Options{Provider: "keycloak", Endpoint: f.srv.URL, Realm: "demo", Audience: "demo-api",
		TokenURL: f.srv.URL + "/oidc/token", Issuer: verifytest.Issuer(f.srv.URL), JWKSURL: f.srv.URL + "/oidc/jwks"})
	if err != nil {
		t.Fatal(err)
	}
	p.ClientID, p.ClientSecret = testClientID, testSecret
	opts := f.options()
	opts.Profile = p
	r := f.run(t, opts)
	if c := check(r, "audience"); c.Status != verify.StatusFail {
		t.Errorf("audience = %s %q, want fail", c.Status, c.Detail)
	}
	if hints := strings.Join(r.Hints, "\n"); !strings.Contains(hints, "add an Audience mapper") {
		t.Errorf("hints\n%s\nlack the audience mapper", hints)
	}
}
