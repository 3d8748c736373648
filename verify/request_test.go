package verify_test

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/verify"
	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// An id and a secret with every character that form encoding changes, and one outside ASCII.
const (
	oddID     = "my client:1"
	oddSecret = "s3cr%t +/=:é"
)

// The token request is RFC 6749's, byte for byte: §2.3.1 form-encodes the id and secret before
// HTTP Basic, and §4.4.2 the body.
func TestTokenRequestIsRFC6749(t *testing.T) {
	tests := []struct {
		auth          profile.ClientAuth
		authorization string
		body          string
	}{
		{
			auth:          profile.ClientAuthHeader,
			authorization: "Basic " + base64.StdEncoding.EncodeToString([]byte("my+client%3A1:s3cr%25t+%2B%2F%3D%3A%C3%A9")),
			body:          "grant_type=client_credentials&scope=all+read%3Aitems&resource=https%3A%2F%2Fdefault.logto.app%2Fapi",
		},
		{
			auth: profile.ClientAuthBody,
			body: "grant_type=client_credentials&scope=all+read%3Aitems&resource=https%3A%2F%2Fdefault.logto.app%2Fapi" +
				"&client_id=my+client%3A1&client_secret=s3cr%25t+%2B%2F%3D%3A%C3%A9",
		},
	}
	for _, tt := range tests {
		t.Run(string(tt.auth), func(t *testing.T) {
			f := newFixture(t, verifytest.Options{ClientID: oddID, ClientSecret: oddSecret, ClientAuth: string(tt.auth)})
			// templates takes only VSCHAR secrets (RFC 6749 Appendix A); verify must still
			// encode whatever it is given.
			f.profile.ClientID, f.profile.ClientSecret, f.profile.ClientAuth = oddID, oddSecret, tt.auth
			f.profile.Scope = "all read:items"
			r := f.run(t, f.options())
			if r.Outcome() != verify.Passed {
				t.Errorf("Outcome %v: the server did not decode the credentials; checks %+v", r.Outcome(), r.Checks)
			}
			reqs := f.idp.RequestsTo("/oidc/token")
			if len(reqs) != 1 {
				t.Fatalf("%d token requests, want 1", len(reqs))
			}
			req := reqs[0]
			if req.Method != "POST" {
				t.Errorf("method %s, want POST", req.Method)
			}
			if got := req.Header.Get("Content-Type"); got != "application/x-www-form-urlencoded" {
				t.Errorf("Content-Type %q", got)
			}
			if got := req.Header.Get("Accept"); got != "application/json" {
				t.Errorf("Accept %q", got)
			}
			if got := req.Header.Get("Authorization"); got != tt.authorization {
				t.Errorf("Authorization\n got %q\nwant %q", got, tt.authorization)
			}
			if req.Body != tt.body {
				t.Errorf("body\n got %q\nwant %q", req.Body, tt.body)
			}
		})
	}
}

// The client secret appears nowhere in a report, whatever the server echoes.
func TestSecretNeverInOutput(t *testing.T) {
	const secret = `s3cr%t +/=:é<&>"x`
	forms := []string{secret, url.QueryEscape(secret), url.PathEscape(secret), jsonEscaped(secret, true), jsonEscaped(secret, false)}
	tests := []struct {
		name   string
		defect verifytest.Defect
		auth   profile.ClientAuth
	}{
		{"echoed in the error, Basic", verifytest.EchoSecret, profile.ClientAuthHeader},
		{"echoed in the error, body", verifytest.EchoSecret, profile.ClientAuthBody},
		{"invalid_client", verifytest.InvalidClient, profile.ClientAuthHeader},
		{"HS256 keyed with it", verifytest.HS256, profile.ClientAuthBody},
		{"success", verifytest.None, profile.ClientAuthBody},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, verifytest.Options{ClientSecret: secret, Defect: tt.defect})
			f.profile.ClientSecret, f.profile.ClientAuth = secret, tt.auth
			r := f.run(t, f.options())
			text, js := outputs(t, r)
			all := text + js
			if r.Error != nil {
				all += r.Error.Error() + r.Error.Body + r.Error.Description + r.Error.Message
			}
			for _, form := range forms {
				if strings.Contains(all, form) {
					t.Errorf("the secret, as %q, is in the output:\n%s\n%s", form, text, js)
				}
			}
			if tt.defect == verifytest.EchoSecret && !strings.Contains(text, "[REDACTED]") {
				t.Errorf("the echoed secret was not replaced:\n%s", text)
			}
			var v map[string]any
			if err := json.Unmarshal([]byte(js), &v); err != nil {
				t.Errorf("redacted JSON does not parse: %v", err)
			}
		})
	}
}

func jsonEscaped(s string, html bool) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(html)
	_ = enc.Encode(s)
	e := strings.TrimSpace(b.String())
	return e[1 : len(e)-1]
}

// The token is in the report only when asked for; its claims always are.
func TestTokenOnlyWithShowToken(t *testing.T) {
	for _, show := range []bool{false, true} {
		f := newFixture(t, verifytest.Options{})
		opts := f.options()
		opts.ShowToken = show
		r := f.run(t, opts)
		token := f.idp.Issued()[0]
		text, js := outputs(t, r)
		if got := strings.Contains(text, token) && strings.Contains(js, token); got != show {
			t.Errorf("ShowToken %v: token in the output = %v", show, got)
		}
		if !show && (strings.Contains(text, token) || strings.Contains(js, token) || r.Token != "") {
			t.Errorf("ShowToken false: the token leaked")
		}
		var decoded struct {
			Token  string         `json:"token"`
			Claims map[string]any `json:"claims"`
		}
		if err := json.Unmarshal([]byte(js), &decoded); err != nil {
			t.Fatal(err)
		}
		if show && decoded.Token != token {
			t.Errorf("JSON token %q, want the issued one", decoded.Token)
		}
		if decoded.Claims["sub"] != testClientID {
			t.Errorf("claims %v", decoded.Claims)
		}
	}
}

func TestReportText(t *testing.T) {
	f := newFixture(t, verifytest.Options{Defect: verifytest.TypJWT})
	r := f.run(t, f.options())
	text, _ := outputs(t, r)
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	want := []string{
		"Token endpoint: " + f.srv.URL + "/oidc/token",
		"  PASS  token_request  HTTP 200 with an access token, expires_in 3600",
		"  PASS  token_type     Bearer",
		"  PASS  jwt            a signed JWT, alg ES384, kid " + f.idp.KeyID()[:8] + "…",
		"  PASS  signature      ES384, key " + f.idp.KeyID()[:8] + "… from " + f.srv.URL + "/oidc/jwks",
		`  PASS  issuer         "` + f.srv.URL + `/oidc"`,
		`  PASS  audience       "https://default.logto.app/api"`,
		"  PASS  lifetime       expires in 1h (lifetime 1h)",
		"  PASS  scope          all",
		`  PASS  client         sub names the client "m2m-app"`,
		`  WARN  typ            typ "JWT", not at+jwt (RFC 9068): usable, but not marked as an access token`,
		"OK: the token is good (9 passed, 1 warned, 0 failed, 0 skipped).",
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), text)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d\n got %q\nwant %q", i+1, lines[i], want[i])
		}
	}
}

func TestOutcome(t *testing.T) {
	c := func(name string, s verify.Status) verify.Check { return verify.Check{Name: name, Status: s} }
	tests := []struct {
		checks []verify.Check
		want   verify.Outcome
	}{
		{[]verify.Check{c("token_request", "pass"), c("typ", "warn"), c("audience", "skip")}, verify.Passed},
		{[]verify.Check{c("token_request", "pass"), c("scope", "fail")}, verify.CheckFailed},
		{[]verify.Check{c("token_request", "fail"), c("scope", "skip")}, verify.RequestFailed},
		{nil, verify.Passed},
	}
	for _, tt := range tests {
		r := &verify.Report{Checks: tt.checks}
		if got := r.Outcome(); got != tt.want {
			t.Errorf("Outcome(%v) = %v, want %v", tt.checks, got, tt.want)
		}
	}
}
