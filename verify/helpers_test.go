package verify_test

import (
	"bytes"
	"context"
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/verify"
	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// fixedNow is the clock of both the fake server and verify, so that every time is exact.
var fixedNow = time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)

func clock() time.Time { return fixedNow }

const (
	testClientID = "m2m-app"
	testSecret   = "m2m-secret-Zq81"
	logtoAPI     = "https://default.logto.app/api"
)

// cliNames are the command line's names for the settings, as gen-postman passes them.
var cliNames = verify.Names{
	TokenURL: "--token-url", Resource: "--resource", Audience: "--audience", Scope: "--scope",
	ClientAuth: "--client-auth", Issuer: "--issuer", JWKSURL: "--jwks-url", Timeout: "--timeout",
	Location: "--tenant or --endpoint", Call: "--call",
}

// fixture is a fake server and the Logto profile that points at it.
type fixture struct {
	idp     *verifytest.IdP
	srv     *httptest.Server
	profile *profile.Profile
}

// newFixture starts a fake server with o and resolves the logto preset against it, as
// `gen-postman verify --provider logto --endpoint URL` would.
func newFixture(t testing.TB, o verifytest.Options) *fixture {
	t.Helper()
	if o.Now == nil {
		o.Now = clock
	}
	if o.ClientID == "" {
		o.ClientID = testClientID
	}
	if o.ClientSecret == "" {
		o.ClientSecret = testSecret
	}
	idp, err := verifytest.NewIdP(o)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(idp)
	t.Cleanup(srv.Close)
	p, err := profile.Resolve(profile.Options{Provider: "logto", Endpoint: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	// Set after Resolve, which takes only printable ASCII: verify must send whatever it gets.
	p.ClientID, p.ClientSecret = o.ClientID, o.ClientSecret
	return &fixture{idp: idp, srv: srv, profile: p}
}

func (f *fixture) options() verify.Options {
	return verify.Options{Profile: f.profile, HTTPClient: f.srv.Client(), Now: clock, Leeway: verify.DefaultLeeway, Names: cliNames}
}

func (f *fixture) run(t testing.TB, opts verify.Options) *verify.Report {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := verify.Run(ctx, opts)
	checkRunError(t, r, err)
	return r
}

// statuses maps each check's name to its status.
func statuses(r *verify.Report) map[string]verify.Status {
	m := map[string]verify.Status{}
	for _, c := range r.Checks {
		m[c.Name] = c.Status
	}
	return m
}

func failed(r *verify.Report) []string {
	var names []string
	for _, c := range r.Checks {
		if c.Status == verify.StatusFail {
			names = append(names, c.Name)
		}
	}
	return names
}

func check(r *verify.Report, name string) verify.Check {
	for _, c := range r.Checks {
		if c.Name == name {
			return c
		}
	}
	return verify.Check{}
}

// outputs renders r as text and as JSON.
func outputs(t testing.TB, r *verify.Report) (text, js string) {
	t.Helper()
	var tb, jb bytes.Buffer
	if err := r.WriteText(&tb); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteJSON(&jb); err != nil {
		t.Fatal(err)
	}
	return tb.String(), jb.String()
}

// checkNames are the checks every report has, in order, without call.
var checkNames = []string{"token_request", "token_type", "jwt", "signature", "issuer", "audience", "lifetime", "scope", "client", "typ"}

// checkRunError fails unless Run returned a report and the error its outcome calls for.
func checkRunError(t testing.TB, r *verify.Report, err error) {
	t.Helper()
	if r == nil {
		t.Fatalf("Run: no report: %v", err)
	}
	var refusal *verify.TokenError
	switch r.Outcome() {
	case verify.Passed:
		if err != nil {
			t.Errorf("Run passed with error %v", err)
		}
	case verify.CheckFailed:
		if !errors.Is(err, verify.ErrCheckFailed) {
			t.Errorf("a check failed but Run's error is %v", err)
		}
	case verify.RequestFailed:
		if !errors.Is(err, verify.ErrTokenRequest) {
			t.Errorf("the token request failed but Run's error is %v", err)
		}
		if errors.As(err, &refusal) != (r.Error != nil) || (refusal != nil && refusal != r.Error) {
			t.Errorf("Run's error %v, want the report's TokenError %v", err, r.Error)
		}
	}
}
