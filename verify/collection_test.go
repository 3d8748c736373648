package verify_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/gen-postman/gen-postman/generate"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/tokenrequest"
	"github.com/gen-postman/gen-postman/verify"
	"github.com/gen-postman/gen-postman/verify/verifytest"
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
	env := generate.NewEnvironment(p, generate.EnvironmentOptions{Now: clock, ExportedUsing: "gen-postman/test"})
	if environment, err = postman.Encode(env); err != nil {
		t.Fatal(err)
	}
	return collection, environment
}

// collectionProfile resolves what a collection says, as gen-postman verify --collection does.
func collectionProfile(t testing.TB, tr *tokenrequest.Request) *profile.Profile {
	t.Helper()
	var call *profile.Call
	if tr.Call != nil {
		call = &profile.Call{Name: tr.Call.Name, Method: tr.Call.Method, URL: tr.Call.URL, Problem: tr.Call.Problem}
	}
	p, err := profile.ResolveCollection(profile.Options{Provider: "generic", TokenURL: tr.TokenURL, ClientID: tr.ClientID,
		ClientSecret: tr.ClientSecret, Scope: tr.Scope, ClientAuth: tr.ClientAuth, Resource: tr.Resource, Audience: tr.Audience,
		Issuer: tr.Issuer, JWKSURL: tr.JWKSURL, Endpoint: tr.BaseURL}, call)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// verify passes on the collection that generate wrote, as a user runs it.
func TestVerifyGeneratedCollection(t *testing.T) {
	f := newFixture(t, verifytest.Options{Alg: "RS256"})
	p, err := profile.Resolve(profile.Options{Provider: "logto", Endpoint: f.srv.URL, ClientID: testClientID, ClientSecret: testSecret})
	if err != nil {
		t.Fatal(err)
	}
	col, env := generated(t, p)
	for _, withEnv := range []bool{true, false} {
		var envReader io.Reader
		if withEnv {
			envReader = bytes.NewReader(env)
		}
		tr, err := tokenrequest.Load(bytes.NewReader(col), envReader, "")
		if err != nil {
			t.Fatal(err)
		}
		if !withEnv {
			tr.ClientSecret = testSecret // as from GEN_POSTMAN_CLIENT_SECRET
		}
		profile := collectionProfile(t, tr)
		r, err := verify.Run(context.Background(), verify.Options{Profile: profile, Now: clock, Call: verify.CallFirst, Leeway: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		if r.Outcome() != verify.Passed {
			t.Errorf("environment %v: Outcome %v; checks %+v", withEnv, r.Outcome(), r.Checks)
		}
		if r.Call == nil || r.Call.URL != f.srv.URL+"/api/applications" {
			t.Errorf("Call %+v", r.Call)
		}
	}
}

// A bare call makes the collection's own request, with its method when it is HEAD, and never
// the resource identifier.
func TestCallTheCollectionsRequest(t *testing.T) {
	f := newFixture(t, verifytest.Options{})
	for _, method := range []string{"GET", "HEAD"} {
		t.Run(method, func(t *testing.T) {
			col := `{"info": {"name": "Hand made"}, "item": [{"name": "Apps", "request": {"method": "` + method + `",
				"url": "` + f.srv.URL + `/api/applications?page=2", "auth": {"type": "oauth2", "oauth2": [
				{"key": "grant_type", "value": "client_credentials"}, {"key": "accessTokenUrl", "value": "` + f.srv.URL + `/oidc/token"},
				{"key": "clientId", "value": "` + testClientID + `"}, {"key": "clientSecret", "value": "` + testSecret + `"},
				{"key": "tokenRequestParams", "value": [{"key": "resource", "value": "` + logtoAPI + `", "enabled": true, "send_as": "request_body"}]}]}}}]}`
			tr, err := tokenrequest.Load(strings.NewReader(col), nil, "")
			if err != nil {
				t.Fatal(err)
			}
			p := collectionProfile(t, tr)
			opts := f.options()
			opts.Profile, opts.Call = p, verify.CallFirst
			r := f.run(t, opts)
			want := verify.CallResult{Method: method, URL: f.srv.URL + "/api/applications?page=2", Status: 200}
			if r.Outcome() != verify.Passed || r.Call == nil || *r.Call != want {
				t.Errorf("Outcome %v, Call %+v; want passed and %+v\n%+v", r.Outcome(), r.Call, want, r.Checks)
			}
			calls := f.idp.RequestsTo("/api/applications")
			if len(calls) == 0 || calls[len(calls)-1].Method != method {
				t.Errorf("the API got %+v, want a %s", calls, method)
			}
		})
	}
}
