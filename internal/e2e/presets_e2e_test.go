//go:build e2e

package e2e

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// presetCase is one identity server's preset as a user calls it against the oidc-provider
// server configured as that server behaves.
type presetCase struct {
	name     string
	client   fixtureClient
	args     []string // the preset's flags: provider, where the server is
	verify   []string // what verify needs besides: the audience to expect
	requests int      // the preset's ready requests
	// newmanBaseURL, when set, is where Newman sends the ready requests instead of the
	// preset's API host (Microsoft Graph is not reachable from a test).
	newmanBaseURL string
	// want are the statuses verify must report; every other check must pass or be skipped.
	want map[string]string
}

func presetCases(t *testing.T, srv *oauthServer) []presetCase {
	clients := byProvider(loadClients(t))
	s := srv.Servers
	return []presetCase{
		{name: "keycloak", client: clients["keycloak"],
			args:     []string{"--provider", "keycloak", "--endpoint", s.Keycloak.Endpoint, "--realm", s.Keycloak.Realm},
			verify:   []string{"--audience", s.Keycloak.Audience},
			requests: 4,
			want:     map[string]string{"signature": "pass", "issuer": "pass", "audience": "pass", "client": "pass", "typ": "warn"}},
		{name: "zitadel", client: clients["zitadel"],
			args:     []string{"--provider", "zitadel", "--endpoint", s.Zitadel.Endpoint},
			requests: 2,
			want:     map[string]string{"jwt": "skip", "active": "pass", "issuer": "pass", "scope": "pass", "client": "pass", "lifetime": "pass"}},
		{name: "entra", client: clients["entra"],
			args: []string{"--provider", "entra", "--tenant", s.Entra.Tenant,
				"--token-url", s.Entra.TokenURL, "--jwks-url", s.Entra.JWKSURL},
			requests: 3, newmanBaseURL: s.Entra.Graph,
			want: map[string]string{"signature": "pass", "issuer": "pass", "audience": "pass", "scope": "pass", "client": "pass", "typ": "warn"}},
		{name: "okta", client: clients["okta"],
			args:     []string{"--provider", "okta", "--endpoint", s.Okta.Endpoint, "--scope", s.Okta.Scope},
			requests: 3,
			want:     map[string]string{"signature": "pass", "issuer": "pass", "scope": "pass", "client": "pass"}},
	}
}

// byProvider maps each identity server's preset to its fixture client.
func byProvider(clients map[string]fixtureClient) map[string]fixtureClient {
	out := map[string]fixtureClient{}
	for _, c := range clients {
		if c.Provider != "" {
			out[c.Provider] = c
		}
	}
	return out
}

// TestPresetsEndToEnd generates each identity server's collection with its preset, runs it in
// Newman over two iterations (every ready request authorized, one token request), and runs
// verify against the same server.
func TestPresetsEndToEnd(t *testing.T) {
	srv := startOAuthServer(t, "RS256", 3600)
	for _, tc := range presetCases(t, srv) {
		t.Run(tc.name, func(t *testing.T) {
			resetStats(t, srv)
			t.Setenv(envClientSecret, tc.client.Secret)
			dir := t.TempDir()
			args := append([]string{"--client-id", tc.client.ID, "--name", "e2e", "--out-dir", dir}, tc.args...)
			if _, stderr, code := runCLI(t, args...); code != 0 {
				t.Fatalf("gen-postman %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
			}
			collection, environment := filepath.Join(dir, "e2e.postman_collection.json"), filepath.Join(dir, "e2e.postman_environment.json")
			newmanArgs := []string{collection, "-e", environment, "-n", "2"}
			if tc.newmanBaseURL != "" {
				newmanArgs = append(newmanArgs, "--env-var", "baseUrl="+tc.newmanBaseURL)
			}
			run, console, err := runNewman(t, newmanArgs...)
			if err != nil {
				t.Errorf("newman: %v", err)
			}
			checkAllAuthorized(t, srv, run, 2*tc.requests, 1, console)
			if strings.Contains(console, tc.client.Secret) {
				t.Error("newman output shows the client secret")
			}
			if st := srv.stats(t); st.SecretLeaks != 0 {
				t.Errorf("%d requests carried the client secret elsewhere than the token endpoint", st.SecretLeaks)
			}

			call := "--call"
			if tc.newmanBaseURL != "" {
				call = "--call=" + tc.newmanBaseURL + "/v1.0/users"
			}
			verifyArgs := append(append([]string{"--no-cache", "--client-id", tc.client.ID, call}, tc.args...), tc.verify...)
			r, stdout, stderr, code := runVerifyJSON(t, verifyArgs...)
			if code != 0 || !r.OK {
				t.Errorf("verify: exit %d, ok %v; want 0 and true\n%s\n%s", code, r.OK, stdout, stderr)
			}
			for _, c := range r.Checks {
				want, named := tc.want[c.Name]
				switch {
				case named && c.Status != want:
					t.Errorf("verify %s: %s %q, want %s", c.Name, c.Status, c.Detail, want)
				case !named && c.Status != "pass" && c.Status != "skip":
					t.Errorf("verify %s: %s %q, want pass or skip", c.Name, c.Status, c.Detail)
				}
			}
			if r.status("call") != "pass" {
				t.Errorf("verify call: %s", r.status("call"))
			}
			if strings.Contains(stdout+stderr, tc.client.Secret) {
				t.Error("verify shows the client secret")
			}

			// The collection alone says as much: verify reads the token request from it.
			r, stdout, stderr, code = runVerifyJSON(t, "--no-cache", "--collection", collection, "--environment", environment)
			if code != 0 || !r.OK {
				t.Errorf("verify --collection: exit %d, ok %v; want 0 and true\n%s\n%s", code, r.OK, stdout, stderr)
			}
			for name, want := range tc.want {
				if name != "audience" && r.status(name) != want {
					t.Errorf("verify --collection %s: %s, want %s", name, r.status(name), want)
				}
			}
		})
	}
}

// resetStats sets the server's counters to zero.
func resetStats(t *testing.T, srv *oauthServer) {
	t.Helper()
	resp, err := http.Post(srv.Base+"/__stats/reset", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("resetting stats: HTTP %d", resp.StatusCode)
	}
}
