package verify_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/verify"
	"github.com/gen-postman/gen-postman/verify/verifytest"
)

func TestRunPassesWithEachKeyType(t *testing.T) {
	for _, alg := range verifytest.Algs {
		t.Run(alg, func(t *testing.T) {
			f := newFixture(t, verifytest.Options{Alg: alg})
			r := f.run(t, f.options())
			if got := r.Outcome(); got != verify.Passed || !r.OK {
				t.Errorf("Outcome = %v, OK = %v; checks %+v", got, r.OK, r.Checks)
			}
			var names []string
			for _, c := range r.Checks {
				names = append(names, c.Name)
				if c.Status != verify.StatusPass {
					t.Errorf("%s = %s (%s), want pass", c.Name, c.Status, c.Detail)
				}
			}
			if !slices.Equal(names, checkNames) {
				t.Errorf("checks %v, want %v", names, checkNames)
			}
			sig := check(r, "signature").Detail
			wantSig := alg + ", key " + f.idp.KeyID()[:8] + "… from " + f.srv.URL + "/oidc/jwks"
			if sig != wantSig {
				t.Errorf("signature detail %q, want %q", sig, wantSig)
			}
			if got := check(r, "lifetime").Detail; got != "expires in 1h (lifetime 1h)" {
				t.Errorf("lifetime detail %q", got)
			}
			if r.Claims["aud"] != logtoAPI || r.Header["alg"] != alg {
				t.Errorf("claims %v, header %v", r.Claims, r.Header)
			}
		})
	}
}

// Each defect fails exactly one check, and the report says why.
func TestRunEachCheckFailsAlone(t *testing.T) {
	tests := []struct {
		name       string
		defect     verifytest.Defect
		tweak      func(*verify.Options)
		want       string // the one failing check
		detail     string // part of its detail
		notSkipped bool   // the later checks still ran
	}{
		{name: "forged signature", defect: verifytest.ForgedSignature, want: "signature", detail: "does not verify with key", notSkipped: true},
		{name: "key not in the set", defect: verifytest.UnknownKey, want: "signature",
			detail: "is not in the key set at", notSkipped: true},
		{name: "alg none", defect: verifytest.AlgNone, want: "signature", detail: "alg none: the token is not signed", notSkipped: true},
		{name: "HS256", defect: verifytest.HS256, want: "signature", detail: "alg HS256 is a shared-secret (HMAC) algorithm", notSkipped: true},
		{name: "opaque token", defect: verifytest.OpaqueToken, want: "jwt", detail: "an opaque token"},
		{name: "wrong issuer", defect: verifytest.WrongIssuer, want: "issuer", detail: `/other", want "`, notSkipped: true},
		{name: "wrong audience", defect: verifytest.WrongAudience, want: "audience",
			detail: `aud "https://wrong.example/api", want "https://default.logto.app/api"`, notSkipped: true},
		{name: "no exp", defect: verifytest.NoExpiry, want: "lifetime", detail: "no exp claim", notSkipped: true},
		{name: "expired", defect: verifytest.Expired, want: "lifetime", detail: "expired 1h ago", notSkipped: true},
		{name: "iat in future", defect: verifytest.IssuedInFuture, want: "lifetime", detail: "issued 10m in the future (iat)", notSkipped: true},
		{name: "nbf in future", defect: verifytest.NotYetValid, want: "lifetime", detail: "not valid for another 10m (nbf)", notSkipped: true},
		{name: "expires_in mismatch", defect: verifytest.ExpiresInMismatch, want: "lifetime",
			detail: "exp - iat is 1h but expires_in says 2h", notSkipped: true},
		{name: "max lifetime", tweak: func(o *verify.Options) { o.MaxLifetime = 30 * time.Minute }, want: "lifetime",
			detail: "lives 1h, more than the maximum 30m", notSkipped: true},
		{name: "dropped scope", defect: verifytest.DroppedScope, want: "scope", detail: "missing all; the token has no scope claim", notSkipped: true},
		{name: "wrong client", defect: verifytest.WrongClient, want: "client", detail: `sub "someone-else" is not the client "m2m-app"`, notSkipped: true},
		{name: "token_type mac", defect: verifytest.TokenTypeMAC, want: "token_type", detail: `token_type "mac", not Bearer`, notSkipped: true},
		{name: "discovery not tied", defect: verifytest.DiscoveryMismatch,
			tweak: func(o *verify.Options) { o.Profile.Issuer, o.Profile.JWKSURL = "", "" },
			want:  "signature", detail: "no discovery document whose token_endpoint is", notSkipped: true},
	}
	for _, alg := range verifytest.Algs {
		for _, tt := range tests {
			t.Run(alg+"/"+tt.name, func(t *testing.T) {
				runDefect(t, alg, tt.defect, tt.tweak, tt.want, tt.detail, tt.notSkipped)
			})
		}
	}
}

// runDefect runs verify against a server with one defect and checks that exactly the check
// want fails, with detail in its words.
func runDefect(t *testing.T, alg string, defect verifytest.Defect, tweak func(*verify.Options), want, detail string, notSkipped bool) {
	t.Helper()
	f := newFixture(t, verifytest.Options{Alg: alg, Defect: defect})
	opts := f.options()
	if tweak != nil {
		p := *f.profile
		opts.Profile = &p
		tweak(&opts)
	}
	r := f.run(t, opts)
	if got := failed(r); !slices.Equal(got, []string{want}) {
		t.Errorf("failed checks %v, want [%s]; checks %+v", got, want, r.Checks)
	}
	if got := r.Outcome(); got != verify.CheckFailed || r.OK {
		t.Errorf("Outcome = %v, OK = %v, want CheckFailed", got, r.OK)
	}
	if d := check(r, want).Detail; !strings.Contains(d, detail) {
		t.Errorf("%s detail %q, want it to contain %q", want, d, detail)
	}
	skipped := 0
	for _, c := range r.Checks {
		if c.Status == verify.StatusSkip {
			skipped++
		}
	}
	if notSkipped && skipped > 0 {
		t.Errorf("%d checks skipped: %+v", skipped, r.Checks)
	}
	if !notSkipped && skipped != 7 {
		t.Errorf("%d checks skipped, want the 7 after jwt: %+v", skipped, r.Checks)
	}
	if iss := check(r, "issuer"); want == "signature" && iss.Status == verify.StatusPass && !strings.Contains(iss.Detail, "unverified") {
		t.Errorf("issuer detail %q passes on an unverified token without saying so", iss.Detail)
	}
}

// Shapes that real providers use pass, some with a warning.
func TestRunAcceptsProviderShapes(t *testing.T) {
	tests := []struct {
		name  string
		opts  verifytest.Options
		tweak func(*profile.Profile)
		warn  string // the check that warns, if any
		want  map[string]string
	}{
		{name: "typ JWT (Auth0, Hydra)", opts: verifytest.Options{Defect: verifytest.TypJWT}, warn: "typ",
			want: map[string]string{"typ": `typ "JWT", not at+jwt (RFC 9068)`}},
		{name: "aud array (Kinde)", opts: verifytest.Options{AudienceArray: true},
			want: map[string]string{"audience": `"https://default.logto.app/api"`}},
		{name: "scp array", opts: verifytest.Options{ScpArray: true}, want: map[string]string{"scope": "all"}},
		{name: "azp (Kinde)", opts: verifytest.Options{ClientClaim: "azp"}, want: map[string]string{"client": `azp names the client "m2m-app"`}},
		{name: "client_id (RFC 9068)", opts: verifytest.Options{ClientClaim: "client_id"}, want: map[string]string{"client": "client_id names"}},
		{name: "sub ID@clients (Auth0)", opts: verifytest.Options{ClientClaim: "auth0"}, want: map[string]string{"client": "azp names"}},
		{name: "expires_in string (Entra ID)", opts: verifytest.Options{ExpiresInString: true},
			want: map[string]string{"token_request": "expires_in 3600", "lifetime": "expires in 1h"}},
		{name: "body auth", opts: verifytest.Options{ClientAuth: "body"},
			tweak: func(p *profile.Profile) { p.ClientAuth = profile.ClientAuthBody }},
		{name: "extra scopes granted", tweak: func(p *profile.Profile) { p.Scope = "" }, warn: "",
			want: map[string]string{"scope": "no scope was requested, and the token grants none"}},
		{name: "no API requested", tweak: func(p *profile.Profile) { p.Params = nil },
			want: map[string]string{"jwt": "an opaque token"}},
		{name: "issuer and keys from discovery", tweak: func(p *profile.Profile) { p.Issuer, p.JWKSURL = "", "" },
			want: map[string]string{"issuer": "(from discovery)"}},
		{name: "keys from the issuer's discovery", tweak: func(p *profile.Profile) { p.JWKSURL = "" },
			want: map[string]string{"signature": "/oidc/jwks"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, tt.opts)
			if tt.tweak != nil {
				tt.tweak(f.profile)
			}
			r := f.run(t, f.options())
			for name, part := range tt.want {
				if d := check(r, name).Detail; !strings.Contains(d, part) {
					t.Errorf("%s detail %q, want it to contain %q", name, d, part)
				}
			}
			if tt.name == "no API requested" {
				if got := failed(r); !slices.Equal(got, []string{"jwt"}) {
					t.Errorf("failed %v, want [jwt]", got)
				}
				return
			}
			if r.Outcome() != verify.Passed {
				t.Errorf("Outcome %v; checks %+v", r.Outcome(), r.Checks)
			}
			for _, c := range r.Checks {
				if c.Status == verify.StatusWarn && c.Name != tt.warn {
					t.Errorf("%s warns: %s", c.Name, c.Detail)
				}
			}
			if tt.warn != "" && statuses(r)[tt.warn] != verify.StatusWarn {
				t.Errorf("%s = %s, want warn", tt.warn, statuses(r)[tt.warn])
			}
		})
	}
}

func TestRunTokenRequestFails(t *testing.T) {
	tests := []struct {
		name     string
		opts     verifytest.Options
		tweak    func(*fixture, *verify.Options)
		timeout  time.Duration
		detail   string
		hint     string
		status   int    // the TokenError's, when one is expected
		code     string // its error code
		logtoKey string // its Logto code
	}{
		{name: "invalid_client", opts: verifytest.Options{Defect: verifytest.InvalidClient}, status: 401, code: "invalid_client",
			logtoKey: "oidc.invalid_client", detail: "HTTP 401 Unauthorized: invalid_client: client authentication failed",
			hint: "the client id or secret is wrong, or the server wants the other client authentication (this request used header (HTTP Basic); try --client-auth body)"},
		{name: "wrong secret", tweak: func(_ *fixture, o *verify.Options) { o.Profile.ClientSecret = "not-it" },
			status: 401, code: "invalid_client", logtoKey: "oidc.invalid_client", hint: "try --client-auth body"},
		{name: "Basic where body is wanted", opts: verifytest.Options{ClientAuth: "body"}, status: 401, code: "invalid_client",
			logtoKey: "oidc.invalid_client"},
		{name: "invalid_target", opts: verifytest.Options{Defect: verifytest.InvalidTarget}, status: 400, code: "invalid_target",
			logtoKey: "oidc.invalid_target",
			hint:     `the resource indicator "https://default.logto.app/api" is not registered as an API. For Logto's Management API it is https://TENANT.logto.app/api (Cloud) or https://default.logto.app/api (self-hosted)`},
		{name: "unknown resource", opts: verifytest.Options{Resources: []string{"https://api.example.test"}}, status: 400,
			code: "invalid_target", logtoKey: "oidc.invalid_target"},
		{name: "not JSON", opts: verifytest.Options{Defect: verifytest.NotJSON},
			detail: "HTTP 200, but the body is not a JSON object", hint: "The answer is not JSON"},
		{name: "500", opts: verifytest.Options{Defect: verifytest.ServerError}, status: 500,
			detail: "HTTP 500 Internal Server Error, not a JSON body (text/plain", hint: "the server failed"},
		{name: "redirect", opts: verifytest.Options{Defect: verifytest.Redirect},
			detail: "HTTP 307 redirect to", hint: "The token URL redirects"},
		{name: "huge body", opts: verifytest.Options{Defect: verifytest.HugeBody},
			detail: "response body too large: over 1 MiB"},
		{name: "slow", opts: verifytest.Options{Defect: verifytest.Slow}, timeout: 300 * time.Millisecond,
			detail: "no answer: timed out", hint: "--timeout"},
		{name: "unreachable", tweak: func(f *fixture, o *verify.Options) {
			p := *o.Profile
			dead := httptest.NewServer(http.NotFoundHandler())
			dead.Close()
			p.TokenURL = dead.URL + "/oidc/token"
			o.Profile = &p
		}, detail: "no answer: unreachable", hint: "Nothing answered at the token URL"},
		{name: "404", tweak: func(f *fixture, o *verify.Options) {
			p := *o.Profile
			p.TokenURL = f.srv.URL + "/oauth/token"
			o.Profile = &p
		}, status: 404, hint: "no token endpoint at this URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, tt.opts)
			opts := f.options()
			p := *f.profile
			opts.Profile = &p
			opts.Call = verify.CallFirst
			if tt.tweak != nil {
				tt.tweak(f, &opts)
			}
			timeout := tt.timeout
			if timeout == 0 {
				timeout = 30 * time.Second
			}
			ctx, cancel := context.WithTimeout(context.Background(), timeout)
			defer cancel()
			r, err := verify.Run(ctx, opts)
			checkRunError(t, r, err)
			if r.Outcome() != verify.RequestFailed || r.OK {
				t.Errorf("Outcome %v, OK %v, want RequestFailed", r.Outcome(), r.OK)
			}
			want := append(slices.Clone(checkNames), "call")
			for i, c := range r.Checks {
				wantStatus := verify.StatusSkip
				if i == 0 {
					wantStatus = verify.StatusFail
				}
				if i >= len(want) || c.Name != want[i] || c.Status != wantStatus {
					t.Errorf("check %d = %s %s, want %s %s", i, c.Name, c.Status, want[min(i, len(want)-1)], wantStatus)
				}
			}
			if len(r.Checks) != len(want) {
				t.Errorf("%d checks, want %d", len(r.Checks), len(want))
			}
			if d := check(r, "token_request").Detail; !strings.Contains(d, tt.detail) {
				t.Errorf("detail %q, want it to contain %q", d, tt.detail)
			}
			if hints := strings.Join(r.Hints, "\n"); !strings.Contains(hints, tt.hint) {
				t.Errorf("hints %q, want one containing %q", hints, tt.hint)
			}
			switch {
			case tt.status == 0 && r.Error != nil:
				t.Errorf("Error = %+v, want none", r.Error)
			case tt.status != 0 && r.Error == nil:
				t.Errorf("no Error, want status %d", tt.status)
			case tt.status != 0:
				if r.Error.StatusCode != tt.status || r.Error.Code != tt.code || r.Error.ServerCode != tt.logtoKey {
					t.Errorf("Error = %+v, want status %d, error %q, code %q", r.Error, tt.status, tt.code, tt.logtoKey)
				}
			}
			if len(f.idp.RequestsTo("/api/applications")) != 0 {
				t.Errorf("the API was called without a token")
			}
		})
	}
}

func TestRunRefusesBadOptions(t *testing.T) {
	f := newFixture(t, verifytest.Options{})
	tests := []struct {
		name     string
		tweak    func(*verify.Options)
		input    bool  // an *input.Error is expected
		sentinel error // else this error is
		want     string
	}{
		{name: "no profile", tweak: func(o *verify.Options) { o.Profile = nil }, sentinel: verify.ErrNoProfile, want: "no profile"},
		{name: "token URL over http to a remote host", tweak: func(o *verify.Options) { o.Profile.TokenURL = "http://id.example.com/token" },
			input: true, want: "plain http is allowed only to loopback"},
		{name: "no client id", tweak: func(o *verify.Options) { o.Profile.ClientID = "" }, sentinel: verify.ErrNoClientID, want: "client id"},
		{name: "no secret", tweak: func(o *verify.Options) { o.Profile.ClientSecret = "" }, sentinel: verify.ErrNoClientSecret, want: "secret"},
		{name: "call http to a remote host", tweak: func(o *verify.Options) { o.Call = "http://api.example.com/x" }, input: true, want: "plain http is allowed only to loopback"},
		{name: "call relative", tweak: func(o *verify.Options) { o.Call = "api/users" }, input: true, want: "not a path starting with /"},
		{name: "call first without requests", tweak: func(o *verify.Options) { o.Call, o.Profile.Folders = "first", nil }, input: true, want: "no ready request"},
		{name: "call the collection's request without one", tweak: func(o *verify.Options) {
			o.Call, o.Profile.Call = "first", &profile.Call{Problem: `request "Create" is a POST, and no GET request uses the same OAuth 2.0 auth`}
		}, input: true, want: `request "Create" is a POST, and no GET request uses the same OAuth 2.0 auth; put a PATH or URL after --call`},
		{name: "call the collection's request over http to a remote host", tweak: func(o *verify.Options) {
			o.Call, o.Profile.Call = "first", &profile.Call{Name: "R", Method: "GET", URL: "http://api.example.com/x"}
		}, input: true, want: `the URL of request "R": plain http is allowed only to loopback`},
		{name: "call whose URL holds the secret", tweak: func(o *verify.Options) {
			o.Call = "https://api.example.com/users?page=" + url.QueryEscape(url.QueryEscape(o.Profile.ClientSecret))
		}, input: true, want: "its URL holds the client secret"},
		{name: "call with credentials", tweak: func(o *verify.Options) { o.Call = "https://u:hunter2@api.example.com/" }, input: true, want: "credentials"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := f.options()
			p := *f.profile
			opts.Profile = &p
			tt.tweak(&opts)
			r, err := verify.Run(context.Background(), opts)
			if r != nil || err == nil {
				t.Fatalf("Run = %v, %v; want an error", r, err)
			}
			if got := errors.Is(err, input.ErrInvalid); got != tt.input {
				t.Errorf("errors.Is(%v, input.ErrInvalid) = %v, want %v", err, got, tt.input)
			}
			if !tt.input && !errors.Is(err, tt.sentinel) {
				t.Errorf("error %v, want %v", err, tt.sentinel)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("error %q repeats a password", err)
			}
		})
	}
	if n := len(f.idp.Requests()); n != 0 {
		t.Errorf("the server got %d requests for options that cannot work", n)
	}
}

func TestRunCall(t *testing.T) {
	tests := []struct {
		name   string
		call   func(f *fixture) string
		path   string // the API path the server must see
		status verify.Status
		detail string
	}{
		{name: "first ready request", call: func(*fixture) string { return "first" }, path: "/api/applications",
			status: verify.StatusPass, detail: "/api/applications: HTTP 200 OK"},
		{name: "path", call: func(*fixture) string { return "/api/users?page=1" }, path: "/api/users",
			status: verify.StatusPass, detail: "/api/users?page=1: HTTP 200 OK"},
		{name: "absolute URL", call: func(f *fixture) string { return f.srv.URL + "/api/roles" }, path: "/api/roles",
			status: verify.StatusPass, detail: "HTTP 200"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, verifytest.Options{})
			opts := f.options()
			opts.Call = tt.call(f)
			r := f.run(t, opts)
			c := check(r, "call")
			if c.Status != tt.status || !strings.Contains(c.Detail, tt.detail) {
				t.Errorf("call = %s %q, want %s containing %q", c.Status, c.Detail, tt.status, tt.detail)
			}
			got := f.idp.RequestsTo(tt.path)
			if len(got) != 1 {
				t.Fatalf("%d requests to %s, want 1", len(got), tt.path)
			}
			if got[0].Method != http.MethodGet || got[0].Header.Get("Authorization") != "Bearer "+f.idp.Issued()[0] {
				t.Errorf("API request %s with Authorization %q", got[0].Method, got[0].Header.Get("Authorization"))
			}
			if r.Call == nil || r.Call.Status != 200 || r.Call.Body != "" {
				t.Errorf("Call = %+v", r.Call)
			}
		})
	}

	t.Run("refused", func(t *testing.T) {
		f := newFixture(t, verifytest.Options{})
		api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("WWW-Authenticate", `Bearer error="insufficient_scope"`)
			http.Error(w, `{"message":"scope all is required"}`, http.StatusForbidden)
		}))
		defer api.Close()
		opts := f.options()
		opts.Call = api.URL + "/api/applications"
		r := f.run(t, opts)
		c := check(r, "call")
		if c.Status != verify.StatusFail || !strings.Contains(c.Detail, `HTTP 403 Forbidden (Bearer error="insufficient_scope")`) {
			t.Errorf("call = %s %q", c.Status, c.Detail)
		}
		if r.Outcome() != verify.CheckFailed {
			t.Errorf("Outcome %v, want CheckFailed", r.Outcome())
		}
		if !strings.Contains(strings.Join(r.Hints, " "), "lacks a permission") || !strings.Contains(r.Call.Body, "scope all is required") {
			t.Errorf("hints %q, call %+v", r.Hints, r.Call)
		}
	})
}

// Redirects are never followed: the client credentials stay with the URL given.
func TestRunDoesNotFollowRedirects(t *testing.T) {
	var elsewhere []*http.Request
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		elsewhere = append(elsewhere, r)
		w.WriteHeader(http.StatusOK)
	}))
	defer target.Close()
	for _, auth := range []profile.ClientAuth{profile.ClientAuthHeader, profile.ClientAuthBody} {
		t.Run(string(auth), func(t *testing.T) {
			f := newFixture(t, verifytest.Options{Defect: verifytest.Redirect, RedirectTo: target.URL + "/token"})
			f.profile.ClientAuth = auth
			opts := f.options()
			opts.HTTPClient = nil // the default client
			r := f.run(t, opts)
			if len(elsewhere) != 0 {
				t.Errorf("the redirect target got %d requests", len(elsewhere))
			}
			want := `HTTP 307 redirect to "` + target.URL + `/token", not followed`
			if d := check(r, "token_request").Detail; !strings.Contains(d, want) {
				t.Errorf("detail %q, want it to contain %q", d, want)
			}
			if n := len(f.idp.RequestsTo("/oidc/token")); n != 1 {
				t.Errorf("%d token requests, want 1", n)
			}
		})
	}
}

func TestRunOverTLS(t *testing.T) {
	idp, err := verifytest.NewIdP(verifytest.Options{ClientID: testClientID, ClientSecret: testSecret, Now: clock, Alg: "RS256"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(idp)
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the untrusted case ends in a handshake error
	srv.StartTLS()
	defer srv.Close()
	p, err := profile.Resolve(profile.Options{Provider: "logto", Endpoint: srv.URL, ClientID: testClientID, ClientSecret: testSecret})
	if err != nil {
		t.Fatal(err)
	}
	p.JWKSURL = "" // from discovery, over TLS too

	t.Run("trusted", func(t *testing.T) {
		r, err := verify.Run(context.Background(), verify.Options{Profile: p, HTTPClient: srv.Client(), Now: clock, Leeway: verify.DefaultLeeway})
		if err != nil {
			t.Fatal(err)
		}
		if r.Outcome() != verify.Passed || r.JWKSURL != srv.URL+"/oidc/jwks" {
			t.Errorf("Outcome %v, JWKSURL %q; checks %+v", r.Outcome(), r.JWKSURL, r.Checks)
		}
	})
	t.Run("untrusted certificate", func(t *testing.T) {
		r, err := verify.Run(context.Background(), verify.Options{Profile: p, Now: clock, Leeway: verify.DefaultLeeway})
		checkRunError(t, r, err)
		if d := check(r, "token_request").Detail; r.Outcome() != verify.RequestFailed || !strings.Contains(d, "TLS certificate not trusted") {
			t.Errorf("Outcome %v, detail %q", r.Outcome(), d)
		}
	})
}

func TestRunDiscoveryTie(t *testing.T) {
	t.Run("tied", func(t *testing.T) {
		f := newFixture(t, verifytest.Options{})
		f.profile.Issuer, f.profile.JWKSURL = "", ""
		r := f.run(t, f.options())
		if r.Outcome() != verify.Passed || r.Issuer != f.srv.URL+"/oidc" || r.JWKSURL != f.srv.URL+"/oidc/jwks" {
			t.Errorf("Outcome %v, Issuer %q, JWKSURL %q", r.Outcome(), r.Issuer, r.JWKSURL)
		}
		var got []string
		for _, req := range f.idp.Requests() {
			got = append(got, req.Method+" "+req.Path)
		}
		// The token request runs alongside discovery, which comes before the key set.
		want := []string{"GET /oidc/.well-known/openid-configuration", "GET /oidc/jwks"}
		if i := slices.Index(got, "POST /oidc/token"); i < 0 || !slices.Equal(slices.Delete(slices.Clone(got), i, i+1), want) {
			t.Errorf("requests %q, want the token request and %q", got, want)
		}
	})
	t.Run("token_endpoint differs", func(t *testing.T) {
		f := newFixture(t, verifytest.Options{Defect: verifytest.DiscoveryMismatch})
		f.profile.Issuer, f.profile.JWKSURL = "", ""
		r := f.run(t, f.options())
		if r.JWKSURL != "" || r.Issuer != "" || len(f.idp.RequestsTo("/oidc/jwks")) != 0 {
			t.Errorf("keys taken from an untied document: Issuer %q, JWKSURL %q", r.Issuer, r.JWKSURL)
		}
		want := `its token_endpoint "` + f.srv.URL + `/oidc/other-token" is not the token URL`
		if hints := strings.Join(r.Hints, "\n"); !strings.Contains(hints, want) {
			t.Errorf("hints %q, want one containing %q", hints, want)
		}
		if d := check(r, "signature").Detail; !strings.Contains(d, "no discovery document whose token_endpoint is "+f.profile.TokenURL+" (4 tried)") {
			t.Errorf("signature detail %q", d)
		}
		if s := statuses(r)["issuer"]; s != verify.StatusWarn {
			t.Errorf("issuer = %s, want warn without an expected issuer", s)
		}
	})
	t.Run("not from the token's iss", func(t *testing.T) {
		// The token names an issuer elsewhere; with no tie, verify must not fetch from it.
		other := verifytest.Options{ClientID: testClientID, ClientSecret: testSecret, Now: clock}
		otherIdP, err := verifytest.NewIdP(other)
		if err != nil {
			t.Fatal(err)
		}
		otherSrv := httptest.NewServer(otherIdP)
		defer otherSrv.Close()
		f := newFixture(t, verifytest.Options{Defect: verifytest.DiscoveryMismatch})
		f.profile.Issuer, f.profile.JWKSURL = "", ""
		f.run(t, f.options())
		if n := len(otherIdP.Requests()); n != 0 {
			t.Errorf("another server got %d requests", n)
		}
	})
}

// TestShortSecretLeavesTheReportReadable checks that a secret which is an ordinary word is
// hidden where the server repeats it, and nowhere else: the report's own words stay whole.
func TestShortSecretLeavesTheReportReadable(t *testing.T) {
	f := newFixture(t, verifytest.Options{ClientSecret: "wrong", Defect: verifytest.InvalidClient})
	r := f.run(t, f.options())
	var text bytes.Buffer
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "the client id or secret is wrong") {
		t.Errorf("the hint lost its words:\n%s", text.String())
	}
}
