package verify_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/verify"
	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// requestTo is the one request the server got for path.
func requestTo(t *testing.T, idp *verifytest.IdP, path string) verifytest.Request {
	t.Helper()
	reqs := idp.RequestsTo(path)
	if len(reqs) != 1 {
		t.Fatalf("%d requests to %s, want 1", len(reqs), path)
	}
	return reqs[0]
}

func overlap(a, b verifytest.Request) bool { return a.Start.Before(b.End) && b.Start.Before(a.End) }

// The documents the signature check needs are fetched while the token request is under way,
// so a run costs its longest chain of round trips, not their sum.
func TestRunFetchesKeysAlongsideTheTokenRequest(t *testing.T) {
	const latency = 100 * time.Millisecond
	t.Run("key set URL known", func(t *testing.T) {
		f := newFixture(t, verifytest.Options{Latency: latency})
		if r := f.run(t, f.options()); !r.OK {
			t.Fatalf("checks %+v", r.Checks)
		}
		token, keys := requestTo(t, f.idp, "/oidc/token"), requestTo(t, f.idp, "/oidc/jwks")
		if !overlap(token, keys) {
			t.Errorf("token request %s–%s and key set %s–%s do not overlap", token.Start, token.End, keys.Start, keys.End)
		}
	})
	t.Run("discovered", func(t *testing.T) {
		f := newFixture(t, verifytest.Options{Latency: latency})
		f.profile.Issuer, f.profile.JWKSURL = "", ""
		if r := f.run(t, f.options()); !r.OK {
			t.Fatalf("checks %+v", r.Checks)
		}
		token := requestTo(t, f.idp, "/oidc/token")
		disc := requestTo(t, f.idp, "/oidc/.well-known/openid-configuration")
		keys := requestTo(t, f.idp, "/oidc/jwks")
		if !overlap(token, disc) {
			t.Errorf("token request %s–%s and discovery %s–%s do not overlap", token.Start, token.End, disc.Start, disc.End)
		}
		if keys.Start.Before(disc.End) {
			t.Errorf("the key set was fetched at %s, before discovery named it at %s", keys.Start, disc.End)
		}
		if !keys.Start.Before(token.End.Add(latency / 2)) {
			t.Errorf("the key set was fetched at %s, after the token came at %s: it waited for it", keys.Start, token.End)
		}
	})
}

// A run opens no more connections than it has requests under way at once: the token request
// and the key set fetch run side by side, and the API call reuses a connection they leave idle.
func TestRunReusesConnections(t *testing.T) {
	for _, h2 := range []bool{false, true} {
		name := "HTTP/1.1"
		if h2 {
			name = "HTTP/2"
		}
		t.Run(name, func(t *testing.T) {
			idp, err := verifytest.NewIdP(verifytest.Options{Now: clock, ClientID: testClientID, ClientSecret: testSecret})
			if err != nil {
				t.Fatal(err)
			}
			var mu sync.Mutex
			conns := 0
			srv := httptest.NewUnstartedServer(idp)
			srv.EnableHTTP2 = h2
			srv.Config.ConnState = func(_ net.Conn, state http.ConnState) {
				if state == http.StateNew {
					mu.Lock()
					conns++
					mu.Unlock()
				}
			}
			srv.StartTLS()
			defer srv.Close()
			p, err := profile.Resolve(profile.Options{Provider: "logto", Endpoint: srv.URL})
			if err != nil {
				t.Fatal(err)
			}
			p.ClientID, p.ClientSecret = testClientID, testSecret
			r, err := verify.Run(context.Background(), verify.Options{Profile: p, HTTPClient: srv.Client(), Now: clock,
				Leeway: verify.DefaultLeeway, Call: "/api/applications"})
			checkRunError(t, r, err)
			if !r.OK {
				t.Fatalf("checks %+v", r.Checks)
			}
			mu.Lock()
			defer mu.Unlock()
			t.Logf("%d connections for %d requests", conns, len(idp.Requests()))
			if requests := len(idp.Requests()); conns > 2 || requests != 3 {
				t.Errorf("%d connections for %d requests (token, key set, call); want at most 2", conns, requests)
			}
		})
	}
}
