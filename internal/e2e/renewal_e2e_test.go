//go:build e2e

package e2e

import (
	"net/http"
	"strings"
	"testing"
)

// post sends an empty POST to one of server.js's test controls.
func (s *oauthServer) post(t *testing.T, path string) {
	t.Helper()
	resp, err := http.Post(s.Base+path, "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST %s: HTTP %d", path, resp.StatusCode)
	}
}

// revokeNext makes server.js's API revoke the next good token it gets: that request and every
// later one with the token get 401, as after a revocation on the server.
func (s *oauthServer) revokeNext(t *testing.T) { s.post(t, "/__revoke-next") }

// TestNewmanRenewsARevokedToken revokes the token of a run at its first API request: the
// collection drops it, the next request gets a new token, and the run goes on with it.
func TestNewmanRenewsARevokedToken(t *testing.T) {
	basic := loadClients(t)["m2m-basic"]
	srv := startOAuthServer(t, "ES384", 3600)
	t.Setenv(envClientSecret, basic.Secret)
	collection, environment := generateFiles(t, srv, "--client-id", basic.ID)
	srv.revokeNext(t)
	run, console, _ := runNewman(t, collection, "-e", environment, "-n", "2")
	st := srv.stats(t)
	// 10 requests: the first refused, then a new token for the other nine.
	if st.APIRequests != 10 || st.APIUnauthorized != 1 || st.TokensIssued != 2 {
		t.Errorf("server stats %+v: want 10 API requests, 1 refused, 2 tokens", st)
	}
	if run.Run.Stats.Assertions.Failed != 1 {
		t.Errorf("%d assertions failed, want the one of the refused request", run.Run.Stats.Assertions.Failed)
	}
	if !strings.Contains(console, "gen-postman: the API refused the token (HTTP 401): the next request asks for a new one") {
		t.Errorf("newman output does not say the token was dropped:\n%s", console)
	}
}

// TestNewmanDoesNotLoopOnRefusedTokens has an API refuse every token (POST /__refuse-all): the
// collection asks for one new token after the first 401, and no more.
func TestNewmanDoesNotLoopOnRefusedTokens(t *testing.T) {
	basic := loadClients(t)["m2m-basic"]
	srv := startOAuthServer(t, "ES384", 3600)
	t.Setenv(envClientSecret, basic.Secret)
	collection, environment := generateFiles(t, srv, "--client-id", basic.ID)
	srv.post(t, "/__refuse-all")
	_, console, err := runNewman(t, collection, "-e", environment, "-n", "2")
	if err == nil {
		t.Error("newman exited 0 though the API refused every request")
	}
	st := srv.stats(t)
	if st.APIRequests != 10 || st.APIUnauthorized != 10 || st.TokensIssued != 2 {
		t.Errorf("server stats %+v: want 10 API requests all refused, 2 tokens (one renewal, no loop)", st)
	}
	if got := strings.Count(console, "the API refused the token (HTTP 401)"); got != 1 {
		t.Errorf("the token was dropped %d times, want once", got)
	}
}

// TestNewmanServerIgnoresDPoP runs a DPoP collection against a server that ignores DPoP and
// issues Bearer tokens (as Ory Hydra does): the token goes as Bearer, which the API takes,
// and a test fails every request saying the server ignored DPoP.
func TestNewmanServerIgnoresDPoP(t *testing.T) {
	c := newKeyClient(t, "svc", "p256", false)
	srv := startKeyServerWith(t, 3600, []string{"--dpop-off"}, c)
	collection, environment := generateFiles(t, srv, "--client-id", c.ID, "--private-key", c.Key, "--dpop")
	run, console, err := runNewman(t, collection, "-e", environment)
	if err == nil {
		t.Error("newman exited 0 though the token is not DPoP-bound")
	}
	st := srv.stats(t)
	if st.APIRequests != 5 || st.APIUnauthorized != 0 || st.TokensIssued != 1 || st.DPoPProofs != 0 {
		t.Errorf("server stats %+v: want 5 API requests accepted as Bearer, 1 token", st)
	}
	if run.Run.Stats.Assertions.Failed != 5 {
		t.Errorf("%d assertions failed, want one a request", run.Run.Stats.Assertions.Failed)
	}
	if !strings.Contains(console, `the server ignored DPoP: it issued token_type "Bearer"`) {
		t.Errorf("newman output does not say the server ignored DPoP:\n%s", console)
	}

	// verify fails the dpop check, calls the API as Bearer, and blames no refused DPoP token.
	r, stdout, _, code := runVerifyJSON(t, "--endpoint", srv.Base, "--client-id", c.ID, "--private-key", c.Key, "--dpop", "--call")
	if code != exitCheckFailed || r.status("dpop") != "fail" || r.status("call") != "pass" ||
		strings.Contains(strings.Join(r.Hints, " "), "refused the DPoP-bound token") {
		t.Errorf("verify: exit %d, dpop %s, call %s, hints %q\n%s", code, r.status("dpop"), r.status("call"), r.Hints, stdout)
	}
}
