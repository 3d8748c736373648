package verify

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/gen-postman/gen-postman/internal/redact"
)

const fuzzSecret = "fuzz-secret-9f3"

// Token responses are untrusted: parsing one never panics, and what it keeps never holds the
// client secret or control characters.
func FuzzParseTokenResponse(f *testing.F) {
	f.Add(200, []byte(`{"access_token":"eyJ.a.b","token_type":"Bearer","expires_in":3600,"scope":"all"}`))
	f.Add(200, []byte(`{"access_token":"x","token_type":"bearer","expires_in":"3599"}`))
	f.Add(400, []byte(`{"error":"invalid_target","error_description":"resource indicator is missing, or unknown","code":"oidc.invalid_target","message":"The resource indicator is missing, or unknown."}`))
	f.Add(401, []byte(`{"error":"invalid_client","error_description":"bad secret `+fuzzSecret+`"}`))
	f.Add(500, []byte("<html>\x1b[31m\xff</html>"))
	red := redact.New([]string{fuzzSecret}, nil)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		if r, err := parseTokenResponse(body); err == nil {
			if r.AccessToken == "" || r.ExpiresIn.Seconds < 0 || (!r.ExpiresIn.Set && r.ExpiresIn.Seconds != 0) {
				t.Errorf("parseTokenResponse accepted %+v", r)
			}
		} else if strings.Contains(err.Error(), "\n") {
			t.Errorf("error %q spans lines", err)
		}
		e := newTokenError(status, body, red)
		for _, s := range []string{e.Code, e.Description, e.ServerCode, e.Message} {
			if strings.IndexFunc(s, unicode.IsControl) >= 0 {
				t.Errorf("control character kept in %q", s)
			}
		}
		for _, s := range []string{e.Error(), e.Body} {
			if strings.Contains(s, fuzzSecret) {
				t.Errorf("the secret is in %q", s)
			}
		}
		if len(e.Body) > 3*maxErrorBody {
			t.Errorf("Body is %d bytes", len(e.Body))
		}
	})
}

// Claims and headers are untrusted: every check reads any JSON object without panicking, and
// returns its checks in order with one-line details.
func FuzzClaims(f *testing.F) {
	f.Add([]byte(`{"alg":"ES384","typ":"at+jwt","kid":"k"}`), []byte(`{"iss":"https://t.logto.app/oidc","aud":"https://t.logto.app/api","scope":"all","sub":"app","iat":1772600767,"exp":1772604367}`))
	f.Add([]byte(`{"alg":"RS256","typ":"JWT"}`), []byte(`{"aud":["https://s.kinde.com/api"],"scp":["read:users"],"azp":"app","exp":1e400,"nbf":-1}`))
	f.Add([]byte(`{"alg":"none"}`), []byte(`{"exp":"tomorrow","iat":null,"aud":[1,{}],"scope":7,"client_id":[]}`))
	f.Add([]byte(`{"alg":"HS256"}`), []byte(`{"sub":"app@clients","exp":9223372036854775807,"iat":-9223372036854775808}`))
	now := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	want := expectations{
		issuer: "https://t.logto.app/oidc", audiences: []string{"https://t.logto.app/api"}, scopes: []string{"all"},
		clientID: "app", expiresIn: flexSecond{3600, true}, receivedAt: now, now: now, leeway: time.Minute,
		maxLifetime: time.Hour,
	}
	names := []string{CheckIssuer, CheckAudience, CheckLifetime, CheckScope, CheckClient, CheckTyp}
	f.Fuzz(func(t *testing.T, header, payload []byte) {
		raw := base64.RawURLEncoding.EncodeToString(header) + "." + base64.RawURLEncoding.EncodeToString(payload) + ".c2ln"
		jwtCheck, _, parts := checkJWT(raw, redact.Redactor{}, advice{})
		if parts == nil {
			if jwtCheck.Status != StatusFail {
				t.Errorf("undecodable token: jwt = %s", jwtCheck.Status)
			}
			return
		}
		sig, _ := checkSignature(t.Context(), parts, signatureInput{keysErr: ErrNoKeys, now: func() time.Time { return now }})
		if sig.Status != StatusFail {
			t.Errorf("signature %s without keys", sig.Status)
		}
		checks, _ := claimChecks(parts.header, parts.claims, want)
		if len(checks) != len(names) {
			t.Fatalf("%d checks, want %d", len(checks), len(names))
		}
		for i, c := range checks {
			if c.Name != names[i] {
				t.Errorf("check %d is %s, want %s", i, c.Name, names[i])
			}
			switch c.Status {
			case StatusPass, StatusFail, StatusWarn, StatusSkip:
			default:
				t.Errorf("%s status %q", c.Name, c.Status)
			}
			if strings.ContainsAny(c.Detail, "\n\r") {
				t.Errorf("%s detail %q spans lines", c.Name, c.Detail)
			}
		}
	})
}

// Introspection answers are untrusted: reading one never panics, passes active only for a JSON
// true, and keeps neither the secret nor control characters in what it shows.
func FuzzIntrospection(f *testing.F) {
	f.Add([]byte(`{"active":true,"client_id":"app","scope":"read","aud":"https://api.example","exp":1772604367,"iss":"https://id.example"}`))
	f.Add([]byte(`{"active":false}`))
	f.Add([]byte(`{"active":"true","token_type":"` + fuzzSecret + `\u001b[31m"}`))
	f.Add([]byte(`{"active":true,"token_type":"Bearer\u202e","aud":[1,{}],"exp":1e400}`))
	f.Add([]byte(`[true]`))
	red := redact.New([]string{fuzzSecret}, nil)
	f.Fuzz(func(t *testing.T, body []byte) {
		claims, _, c := readIntrospection("https://id.example/introspect", body, red)
		if c.Name != CheckActive {
			t.Fatalf("check %q, want active", c.Name)
		}
		if c.Status == StatusPass && (claims == nil || claims["active"] != true) {
			t.Errorf("active passed for %s", body)
		}
		if strings.Contains(c.Detail, fuzzSecret) || strings.IndexFunc(c.Detail, unicode.IsControl) >= 0 || strings.Contains(c.Detail, "\n") {
			t.Errorf("detail %q", c.Detail)
		}
		if c.Status == StatusPass {
			now := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
			checks, _ := claimChecks(nil, claims, expectations{clientID: "app", scopes: []string{"read"}, now: now, receivedAt: now})
			for _, ch := range checks {
				if strings.Contains(ch.Detail, "\n") || strings.Contains(ch.Detail, fuzzSecret) {
					t.Errorf("%s detail %q", ch.Name, ch.Detail)
				}
			}
		}
	})
}
