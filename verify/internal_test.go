package verify

import (
	"encoding/base64"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func TestExpiresIn(t *testing.T) {
	tests := []struct {
		json string
		want flexSecond
		err  bool
	}{
		{json: `3600`, want: flexSecond{3600, true}},
		{json: `"3599"`, want: flexSecond{3599, true}},
		{json: `" 60 "`, want: flexSecond{60, true}},
		{json: `3600.0`, want: flexSecond{3600, true}},
		{json: `null`, want: flexSecond{}},
		{json: `0`, want: flexSecond{0, true}},
		{json: `-1`, err: true},
		{json: `1.5`, err: true},
		{json: `"soon"`, err: true},
		{json: `true`, err: true},
		{json: `1e300`, err: true},
		{json: `99999999999999999999`, err: true},
	}
	for _, tt := range tests {
		var got flexSecond
		err := json.Unmarshal([]byte(tt.json), &got)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("expires_in %s = %+v, %v; want %+v, error %v", tt.json, got, err, tt.want, tt.err)
		}
	}
}

func TestParseTokenResponse(t *testing.T) {
	tests := []struct {
		body string
		want string // the error, or empty
	}{
		{body: `{"access_token":"abc","token_type":"Bearer","expires_in":"60","scope":"a b"}`},
		{body: `{"token_type":"Bearer"}`, want: "no access_token in the answer"},
		{body: `{"access_token":""}`, want: "no access_token in the answer"},
		{body: `{"access_token":42}`, want: "field access_token is a JSON number, not a string"},
		{body: `{"access_token":"a","expires_in":"x"}`, want: "expires_in"},
		{body: `[]`, want: "the body is not a JSON object"},
		{body: `<html>`, want: "the body is not a JSON object"},
	}
	for _, tt := range tests {
		r, err := parseTokenResponse([]byte(tt.body))
		switch {
		case tt.want == "" && (err != nil || r.AccessToken != "abc" || r.ExpiresIn.Seconds != 60 || r.Scope != "a b"):
			t.Errorf("parseTokenResponse(%s) = %+v, %v", tt.body, r, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("parseTokenResponse(%s) error %v, want %q", tt.body, err, tt.want)
		}
	}
}

func TestDecodeJWT(t *testing.T) {
	seg := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	tests := []struct {
		token string
		want  string // the error, or empty
	}{
		{token: seg(`{"alg":"ES384","kid":"k1"}`) + "." + seg(`{"exp":1772604367.5}`) + ".sig"},
		{token: "opaque-token", want: "an opaque token (12 characters"},
		{token: "a.b.c.d.e", want: "encrypted JWT (JWE)"},
		{token: "!!." + seg(`{}`) + ".x", want: "its header is not base64url"},
		{token: seg(`[1]`) + "." + seg(`{}`) + ".x", want: "its header is not a JSON object"},
		{token: seg(`{"alg":"RS256"}`) + "." + seg(`"x"`) + ".x", want: "its payload is not a JSON object"},
		{token: seg(`{"alg":"RS256"}`) + "." + seg(`{} {}`) + ".x", want: "its payload has data after"},
		{token: seg(`{"typ":"JWT"}`) + "." + seg(`{}`) + ".x", want: "its header has no alg"},
		{token: seg(`{"alg":7}`) + "." + seg(`{}`) + ".x", want: "its header has no alg"},
	}
	for _, tt := range tests {
		p, err := decodeJWT(tt.token)
		if tt.want == "" {
			if err != nil || p.alg != "ES384" || p.kid != "k1" || p.claims["exp"] != json.Number("1772604367.5") {
				t.Errorf("decodeJWT(%q) = %+v, %v", tt.token, p, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("decodeJWT(%q) error %v, want %q", tt.token, err, tt.want)
		}
	}
}

// The claim checks, one case per branch that the fake server does not reach.
func TestClaimChecks(t *testing.T) {
	now := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	base := expectations{
		issuer: "https://i", issuerFrom: "profile", audiences: []string{"https://api"}, scopes: []string{"a", "b"},
		clientID: "c1", now: now, receivedAt: now, leeway: time.Minute,
	}
	good := func() jwt.MapClaims {
		return jwt.MapClaims{"iss": "https://i", "aud": "https://api", "scope": "a b", "sub": "c1",
			"iat": json.Number("1772600767"), "exp": json.Number("1772604367")}
	}
	tests := []struct {
		name   string
		edit   func(jwt.MapClaims, *expectations)
		header map[string]any
		check  string
		status Status
		detail string
	}{
		{name: "iss not a string", edit: func(c jwt.MapClaims, _ *expectations) { c["iss"] = json.Number("1") }, check: CheckIssuer, status: StatusFail, detail: "iss is a number, not a string"},
		{name: "no iss", edit: func(c jwt.MapClaims, _ *expectations) { delete(c, "iss") }, check: CheckIssuer, status: StatusFail, detail: "no iss claim"},
		{name: "iss trailing slash", edit: func(c jwt.MapClaims, _ *expectations) { c["iss"] = "https://i/" }, check: CheckIssuer, status: StatusFail, detail: `iss "https://i/", want "https://i"`},
		{name: "no expected issuer", edit: func(_ jwt.MapClaims, e *expectations) { e.issuer = "" }, check: CheckIssuer, status: StatusWarn, detail: "no expected issuer"},
		{name: "aud array with more", edit: func(c jwt.MapClaims, _ *expectations) { c["aud"] = []any{"x", "https://api"} }, check: CheckAudience, status: StatusPass, detail: `["x" "https://api"]`},
		{name: "two audiences wanted", edit: func(_ jwt.MapClaims, e *expectations) { e.audiences = []string{"https://api", "y"} }, check: CheckAudience, status: StatusFail, detail: `want "y"`},
		{name: "space-separated audiences, one missing", edit: func(_ jwt.MapClaims, e *expectations) { e.audiences = []string{"https://api y"} },
			check: CheckAudience, status: StatusFail, detail: `aud "https://api", want "y" as well`},
		{name: "space-separated audiences, all granted", edit: func(c jwt.MapClaims, e *expectations) {
			e.audiences = []string{"https://api  y"}
			c["aud"] = []any{"y", "https://api"}
		}, check: CheckAudience, status: StatusPass, detail: `["y" "https://api"]`},
		{name: "no aud", edit: func(c jwt.MapClaims, _ *expectations) { delete(c, "aud") }, check: CheckAudience, status: StatusFail, detail: "no aud claim"},
		{name: "aud of numbers", edit: func(c jwt.MapClaims, _ *expectations) { c["aud"] = []any{json.Number("1")} }, check: CheckAudience, status: StatusFail, detail: "neither a string"},
		{name: "no audience asked", edit: func(_ jwt.MapClaims, e *expectations) { e.audiences = nil }, check: CheckAudience, status: StatusSkip, detail: `aud is "https://api"`},
		{name: "exp a string", edit: func(c jwt.MapClaims, _ *expectations) { c["exp"] = "soon" }, check: CheckLifetime, status: StatusFail, detail: "exp is not a NumericDate"},
		{name: "exp infinite", edit: func(c jwt.MapClaims, _ *expectations) { c["exp"] = json.Number("1e400") }, check: CheckLifetime, status: StatusFail, detail: "exp is not a time between 1970 and 9999"},
		{name: "iat before 1970", edit: func(c jwt.MapClaims, _ *expectations) { c["iat"] = json.Number("-1") }, check: CheckLifetime, status: StatusFail, detail: "iat is not a time"},
		{name: "lifetime over the maximum, leeway apart", edit: func(_ jwt.MapClaims, e *expectations) { e.maxLifetime = 59 * time.Minute },
			check: CheckLifetime, status: StatusFail, detail: "lives 1h, more than the maximum 59m"},
		{name: "lifetime at the maximum", edit: func(_ jwt.MapClaims, e *expectations) { e.maxLifetime = time.Hour },
			check: CheckLifetime, status: StatusPass, detail: "lifetime 1h"},
		{name: "no iat: the leeway allows for this machine's clock", edit: func(c jwt.MapClaims, e *expectations) {
			delete(c, "iat")
			e.receivedAt, e.now, e.maxLifetime = now.Add(-30*time.Second), now.Add(-30*time.Second), time.Hour
		}, check: CheckLifetime, status: StatusPass, detail: "expires in"},
		{name: "expired within leeway", edit: func(_ jwt.MapClaims, e *expectations) { e.now = now.Add(time.Hour + 30*time.Second) }, check: CheckLifetime, status: StatusPass, detail: "expired 30s ago, within the leeway of 1m"},
		{name: "no iat, expires_in from arrival", edit: func(c jwt.MapClaims, e *expectations) {
			delete(c, "iat")
			e.expiresIn = flexSecond{7200, true}
		}, check: CheckLifetime, status: StatusFail, detail: "exp - now is 1h but expires_in says 2h"},
		{name: "expires_in within leeway", edit: func(_ jwt.MapClaims, e *expectations) { e.expiresIn = flexSecond{3590, true} }, check: CheckLifetime, status: StatusPass, detail: "expires in 1h"},
		{name: "extra scope", edit: func(c jwt.MapClaims, _ *expectations) { c["scope"] = "b a c" }, check: CheckScope, status: StatusPass, detail: "a b; also granted c"},
		{name: "scope from response", edit: func(c jwt.MapClaims, e *expectations) { delete(c, "scope"); e.grantedScope = "a b" }, check: CheckScope, status: StatusPass, detail: "from the token response"},
		{name: "scp string", edit: func(c jwt.MapClaims, _ *expectations) { delete(c, "scope"); c["scp"] = "a b" }, check: CheckScope, status: StatusPass, detail: "a b"},
		{name: "scp of numbers", edit: func(c jwt.MapClaims, _ *expectations) { delete(c, "scope"); c["scp"] = []any{json.Number("1")} }, check: CheckScope, status: StatusFail, detail: "scp holds a number"},
		{name: "missing one", edit: func(c jwt.MapClaims, _ *expectations) { c["scope"] = "b" }, check: CheckScope, status: StatusFail, detail: "missing a; granted b"},
		{name: "no scope asked", edit: func(_ jwt.MapClaims, e *expectations) { e.scopes = nil }, check: CheckScope, status: StatusSkip, detail: "the token grants a b"},
		{name: "client_id wins over sub", edit: func(c jwt.MapClaims, _ *expectations) { c["client_id"] = "c1"; c["sub"] = "service-account-7" }, check: CheckClient, status: StatusPass, detail: "client_id names"},
		{name: "azp differs", edit: func(c jwt.MapClaims, _ *expectations) { c["azp"] = "c2" }, check: CheckClient, status: StatusFail, detail: `azp "c2" is not the client "c1"`},
		{name: "no client claim", edit: func(c jwt.MapClaims, _ *expectations) { delete(c, "sub") }, check: CheckClient, status: StatusWarn, detail: "no client_id, azp or sub"},
		{name: "typ application/at+jwt", header: map[string]any{"typ": "application/at+JWT"}, check: CheckTyp, status: StatusPass},
		{name: "no typ", header: map[string]any{}, check: CheckTyp, status: StatusWarn, detail: "no typ"},
		{name: "typ number", header: map[string]any{"typ": json.Number("1")}, check: CheckTyp, status: StatusWarn, detail: "typ is a number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims, want := good(), base
			if tt.edit != nil {
				tt.edit(claims, &want)
			}
			header := tt.header
			if header == nil {
				header = map[string]any{"typ": "at+jwt"}
			}
			checks, _ := claimChecks(header, claims, want)
			for _, c := range checks {
				wantStatus := StatusPass
				if c.Name == tt.check {
					wantStatus = tt.status
					if !strings.Contains(c.Detail, tt.detail) {
						t.Errorf("%s detail %q, want it to contain %q", c.Name, c.Detail, tt.detail)
					}
				}
				if c.Status != wantStatus {
					t.Errorf("%s = %s (%s), want %s", c.Name, c.Status, c.Detail, wantStatus)
				}
			}
		})
	}
}

func TestHumanDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		time.Hour: "1h", 59*time.Minute + 58*time.Second: "59m58s", 90 * time.Minute: "1h30m",
		time.Hour + 5*time.Second: "1h0m5s", 1500 * time.Millisecond: "2s", -time.Minute: "-1m", 0: "0s",
		math.MinInt64: "-2562047h47m16s", math.MaxInt64: "2562047h47m16s",
	} {
		if got := humanDuration(d); got != want {
			t.Errorf("humanDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

// An issuer that differs only by host gets a hint that says so, and how to fix it.
func TestIssuerHostHint(t *testing.T) {
	want := expectations{issuer: "http://localhost:3001/oidc", advice: advice{names: Names{Location: "--tenant or --endpoint", Issuer: "--issuer"}}}
	check, hint := checkIssuer(jwt.MapClaims{"iss": "http://127.0.0.1:3001/oidc"}, want)
	if check.Status != StatusFail || !strings.Contains(hint, "differ only by host, 127.0.0.1 against localhost") || !strings.Contains(hint, "--issuer") {
		t.Errorf("check %+v, hint %q", check, hint)
	}
	for _, iss := range []string{"http://127.0.0.1:3002/oidc", "https://127.0.0.1:3001/oidc", "http://127.0.0.1:3001/other"} {
		if _, hint := checkIssuer(jwt.MapClaims{"iss": iss}, want); strings.Contains(hint, "only by host") {
			t.Errorf("iss %q: hint %q, though more than the host differs", iss, hint)
		}
	}
}

// TestIsIdentifier: a bare call is refused only at the identifier itself, not at an API's
// endpoints under it (Kinde's /api/v1/... under https://SUB.kinde.com/api).
func TestIsIdentifier(t *testing.T) {
	tests := []struct {
		target, id string
		want       bool
	}{
		{"https://api.example.com/", "https://api.example.com", true},
		{"https://api.example.com", "https://api.example.com/", true},
		{"https://API.example.com:443/v1/?x=1", "https://api.example.com/v1", true},
		{"https://api.example.com/v1/users", "https://api.example.com/v1", false},
		{"https://acme.kinde.com/api/v1/users", "https://acme.kinde.com/api", false},
		{"http://api.example.com/", "https://api.example.com", false},
		{"https://api.example.com:8443/", "https://api.example.com", false},
		{"https://other.example.com/", "https://api.example.com", false},
		{"https://api.example.com/", "urn:my-api", false},
		{"https://api.example.com/", "my-api", false},
	}
	for _, tt := range tests {
		if got := isIdentifier(tt.target, tt.id); got != tt.want {
			t.Errorf("isIdentifier(%q, %q) = %v, want %v", tt.target, tt.id, got, tt.want)
		}
	}
}

// TestKeysHint: the hint for a missing key set asks for the settings not given and names the
// given ones as the ones to check.
func TestKeysHint(t *testing.T) {
	n := Names{JWKSURL: "--jwks-url", Issuer: "--issuer"}
	tests := []struct {
		given      []string
		want, none string
	}{
		{nil, "Give the issuer's key set with --jwks-url, or its issuer with --issuer", ""},
		{[]string{"--jwks-url"}, "Check the key set URL given with --jwks-url", "Give"},
		{[]string{"--issuer"}, "the issuer given with --issuer was not found", "its issuer with --issuer"},
		{[]string{"--issuer", "--jwks-url"}, "Check the key set URL given with --jwks-url", "Give"},
	}
	for _, tt := range tests {
		n.Given = map[string]bool{}
		for _, g := range tt.given {
			n.Given[g] = true
		}
		got := keysHint(n)
		if !strings.Contains(got, tt.want) || (tt.none != "" && strings.Contains(got, tt.none)) {
			t.Errorf("given %q: %q, want %q and no %q", tt.given, got, tt.want, tt.none)
		}
	}
}
