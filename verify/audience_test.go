package verify_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/verify"
	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// audienceFixture starts a fake server that names APIs with audience alone, as Ory Hydra does,
// and returns the generic profile that points at it with opts' resource, audience and defect.
func audienceFixture(t *testing.T, defect verifytest.Defect, opts profile.Options) (*fixture, verify.Options) {
	t.Helper()
	f := newFixture(t, verifytest.Options{AudienceOnly: true, Defect: defect})
	opts.Provider, opts.TokenURL = "generic", f.srv.URL+"/oidc/token"
	opts.Issuer, opts.JWKSURL = verifytest.Issuer(f.srv.URL), f.srv.URL+"/oidc/jwks"
	p, err := profile.Resolve(opts)
	if err != nil {
		t.Fatal(err)
	}
	p.ClientID, p.ClientSecret = testClientID, testSecret
	o := f.options()
	o.Profile = p
	return f, o
}

func TestAudiences(t *testing.T) {
	tests := []struct {
		name     string
		defect   verifytest.Defect
		opts     profile.Options
		status   verify.Status // of the named check
		check    string
		detail   string
		hint     string // a part of the hints
		noHint   string // never in the hints
		wantSent string // the audience form field sent; empty: not checked
	}{
		{name: "two space-separated audiences, both granted", opts: profile.Options{Audience: "https://a.example https://b.example"},
			check: "audience", status: verify.StatusPass, detail: `["https://a.example" "https://b.example"]`,
			wantSent: "https://a.example https://b.example"},
		{name: "resource ignored by an audience server", opts: profile.Options{Resource: "https://a.example"},
			check: "audience", status: verify.StatusFail, detail: `the token has no aud claim; want "https://a.example"`,
			hint: "The server ignored resource: it names the API with audience. Give --audience https://a.example instead.", noHint: "--resource"},
		{name: "opaque token although an audience was sent", defect: verifytest.OpaqueToken, opts: profile.Options{Audience: "https://a.example"},
			check: "jwt", status: verify.StatusWarn, detail: "opaque",
			hint: `The audience "https://a.example" was sent, so the server issues opaque access tokens for it`, noHint: "--resource"},
		{name: "opaque token although a resource was sent", defect: verifytest.OpaqueToken, opts: profile.Options{Resource: "https://a.example"},
			check: "jwt", status: verify.StatusWarn, detail: "opaque",
			hint: "give the API with --audience instead", noHint: "--resource"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, opts := audienceFixture(t, tt.defect, tt.opts)
			r := f.run(t, opts)
			c := check(r, tt.check)
			if c.Status != tt.status || !strings.Contains(c.Detail, tt.detail) {
				t.Errorf("%s = %s %q, want %s containing %q", tt.check, c.Status, c.Detail, tt.status, tt.detail)
			}
			hints := strings.Join(r.Hints, "\n")
			if !strings.Contains(hints, tt.hint) {
				t.Errorf("hints\n%s\nlack %q", hints, tt.hint)
			}
			if tt.noHint != "" && strings.Contains(hints, tt.noHint) {
				t.Errorf("hints\n%s\nsuggest %s, which was given", hints, tt.noHint)
			}
			if tt.wantSent != "" {
				sent := f.idp.RequestsTo("/oidc/token")
				if len(sent) != 1 {
					t.Fatalf("%d token requests, want 1", len(sent))
				}
				form, err := url.ParseQuery(sent[0].Body)
				if err != nil || form["audience"] == nil || len(form["audience"]) != 1 || form.Get("audience") != tt.wantSent {
					t.Errorf("token request body %q, want one audience %q", sent[0].Body, tt.wantSent)
				}
			}
		})
	}
}

// TestIssuerDiscoveryBeatsThePresetsKeyURL: with the issuer the user named and the key set URL
// only the preset's guess (kinde --endpoint URL --issuer URL), the issuer's discovery document
// says where the keys are; without one, the guess is used and the hint says discovery found none.
func TestIssuerDiscoveryBeatsThePresetsKeyURL(t *testing.T) {
	f := newFixture(t, verifytest.Options{})
	p := *f.profile
	p.Issuer, p.JWKSURL, p.DiscoverKeys = f.srv.URL+"/oidc", f.srv.URL+"/nowhere/jwks", true
	opts := f.options()
	opts.Profile = &p
	r := f.run(t, opts)
	if c := check(r, "signature"); c.Status != verify.StatusPass || r.JWKSURL != f.srv.URL+"/oidc/jwks" {
		t.Errorf("signature %s %q, keys from %s: want the discovery document's key set", c.Status, c.Detail, r.JWKSURL)
	}

	g := newFixture(t, verifytest.Options{Defect: verifytest.DiscoveryMismatch})
	q := *g.profile
	q.Issuer, q.DiscoverKeys = g.srv.URL+"/oidc", true
	opts = g.options()
	opts.Profile = &q
	r = g.run(t, opts)
	hints := strings.Join(r.Hints, "\n")
	if c := check(r, "signature"); c.Status != verify.StatusPass || !strings.Contains(hints, "Discovery from the issuer found no key set") ||
		!strings.Contains(hints, "the preset's key set URL "+q.JWKSURL+" was used") {
		t.Errorf("signature %s %q; hints %q: want the preset's key set, said so", c.Status, c.Detail, hints)
	}
}
