//go:build e2e

package e2e

import (
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// generateFiles runs gen-postman --out-dir for the e2e server and returns the two file paths.
func generateFiles(t *testing.T, srv *oauthServer, args ...string) (collection, environment string) {
	t.Helper()
	dir := t.TempDir()
	args = append([]string{"--endpoint", srv.Base, "--name", "e2e", "--out-dir", dir}, args...)
	stdout, stderr, code := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("gen-postman %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing with --out-dir", stdout)
	}
	return filepath.Join(dir, "e2e.postman_collection.json"), filepath.Join(dir, "e2e.postman_environment.json")
}

// checkAllAuthorized fails unless the server saw wantRequests API requests and wantTokens token
// requests, none refused, and Newman saw every exchange answered 200 and every test pass.
func checkAllAuthorized(t *testing.T, srv *oauthServer, run newmanRun, wantRequests, wantTokens int, console string) {
	t.Helper()
	st := srv.stats(t)
	if st.APIRequests != wantRequests || st.TokenRequests != wantTokens || st.APIUnauthorized != 0 || st.TokenErrors != 0 {
		t.Errorf("server stats = %+v, want %d API requests and %d token requests, none refused", st, wantRequests, wantTokens)
	}
	if got := len(run.Run.Executions); got != wantRequests+wantTokens {
		t.Errorf("newman reports %d exchanges, want %d", got, wantRequests+wantTokens)
	}
	for _, e := range run.Run.Executions {
		if e.Response.Code != 200 {
			t.Errorf("%s: HTTP %d, want 200", e.Item.Name, e.Response.Code)
		}
	}
	// Two tests per request: the token was had, and the API accepted it.
	if run.Run.Stats.Assertions.Failed != 0 || run.Run.Stats.Assertions.Total != 2*wantRequests {
		t.Errorf("assertions: %d of %d failed, want 0 of %d", run.Run.Stats.Assertions.Failed, run.Run.Stats.Assertions.Total, 2*wantRequests)
	}
	if t.Failed() {
		t.Logf("newman output:\n%s", console)
	}
}

// TestNewmanRunsTheCollection is the main job end to end: the real OAuth server issues tokens,
// Newman runs the generated collection and environment, and every request is authorized with
// one token request for the whole run.
func TestNewmanRunsTheCollection(t *testing.T) {
	clients := loadClients(t)
	tests := []struct {
		name       string
		alg        string
		client     fixtureClient
		iterations int
		secretFlag bool // pass the secret to newman with --env-var instead of the environment file
	}{
		{"ES384, HTTP Basic, a secret that needs form-encoding", "ES384", clients["m2m-basic"], 3, false},
		{"RS256, credentials in the body, secret from --env-var", "RS256", clients["m2m-post"], 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startOAuthServer(t, tt.alg, 3600)
			args := []string{"--client-id", tt.client.ID, "--client-auth", tt.client.Auth}
			if !tt.secretFlag {
				t.Setenv(envClientSecret, tt.client.Secret)
			}
			collection, environment := generateFiles(t, srv, args...)
			newmanArgs := []string{collection, "-e", environment, "-n", strconv.Itoa(tt.iterations)}
			if tt.secretFlag {
				newmanArgs = append(newmanArgs, "--env-var", "clientSecret="+tt.client.Secret)
			}
			run, console, err := runNewman(t, newmanArgs...)
			if err != nil {
				t.Errorf("newman: %v", err)
			}
			requests := 5 * tt.iterations // five ready requests per iteration
			checkAllAuthorized(t, srv, run, requests, 1, console)
		})
	}
}

// TestNewmanRenewsAnExpiringToken runs with a two-second token lifetime and a pause between
// requests longer than the renewal point, so each request needs a new token.
func TestNewmanRenewsAnExpiringToken(t *testing.T) {
	client := loadClients(t)["m2m-basic"]
	srv := startOAuthServer(t, "ES384", 2)
	t.Setenv(envClientSecret, client.Secret)
	collection, environment := generateFiles(t, srv, "--client-id", client.ID)
	run, console, err := runNewman(t, collection, "-e", environment, "--delay-request", "1200")
	if err != nil {
		t.Errorf("newman: %v", err)
	}
	// Each token is due for renewal after one second, so every request fetches a new one.
	checkAllAuthorized(t, srv, run, 5, 5, console)
}

// TestNewmanReportsARefusedToken checks that a wrong secret fails the run with a clear line.
func TestNewmanReportsARefusedToken(t *testing.T) {
	client := loadClients(t)["m2m-basic"]
	srv := startOAuthServer(t, "ES384", 3600)
	t.Setenv(envClientSecret, "not-the-secret")
	collection, environment := generateFiles(t, srv, "--client-id", client.ID)
	run, console, err := runNewman(t, collection, "-e", environment)
	if err == nil {
		t.Error("newman exited 0 although every request was refused")
	}
	// The first request goes without a token: no token, and the API's 401. The refusal stands
	// for the four after it, which are not sent, each failing the token test: one token request
	// in all, however many requests the run holds, so a wrong secret cannot lock the client out.
	if run.Run.Stats.Assertions.Failed != 6 {
		t.Errorf("%d assertions failed, want all 6 (no token and the API's 401 for the first request, no token for the 4 not sent)", run.Run.Stats.Assertions.Failed)
	}
	if st := srv.stats(t); st.TokenRequests != 1 || st.APIRequests != 1 {
		t.Errorf("server stats %+v, want one token request and one API request", st)
	}
	want := "gen-postman: token request to " + srv.TokenURL + " was refused: HTTP 401 invalid_client"
	if !strings.Contains(console, want) {
		t.Errorf("newman output lacks %q:\n%s", want, console)
	}
	if n := strings.Count(console, `": no token: token request to`); n != 4 {
		t.Errorf("%d requests said they were skipped for the refusal, want 4:\n%s", n, console)
	}
	if strings.Contains(console, "not-the-secret") {
		t.Error("newman output shows the client secret")
	}
}

// TestNewmanFailsWithoutAToken runs the collection against a stand-in API that answers 200 to
// anything, as a public endpoint does: a refused token request must fail the run by itself,
// naming the OAuth error and the token URL, and a good one must leave it green.
func TestNewmanFailsWithoutAToken(t *testing.T) {
	client := loadClients(t)["m2m-basic"]
	srv := startOAuthServer(t, "ES384", 3600)
	const wrongSecret = "wrong-secret-4711"
	t.Setenv(envClientSecret, wrongSecret)
	collection, environment := generateFiles(t, srv, "--client-id", client.ID)
	open := []string{collection, "-e", environment, "--env-var", "baseUrl=" + srv.Base + "/open"}

	run, console, err := runNewman(t, open...)
	if err == nil {
		t.Error("newman exited 0 although no request carried a token")
	}
	// One refused token request: the first request goes, the four after it are not sent.
	if st := srv.stats(t); st.OpenRequests != 1 || st.TokenErrors != 1 {
		t.Errorf("server stats %+v, want 1 request to the open API and 1 refused token request", st)
	}
	if got := run.Run.Stats.Assertions; got.Failed != 5 || got.Total != 6 {
		t.Errorf("assertions: %d of %d failed, want the 5 token tests of 6", got.Failed, got.Total)
	}
	for _, f := range run.Run.Failures {
		msg := f.Error.Message
		if f.Error.Test != tokenTestName || !strings.Contains(msg, srv.TokenURL) || !strings.Contains(msg, "invalid_client") {
			t.Errorf("failure %q: %q, want the token test naming %s and invalid_client", f.Error.Test, msg, srv.TokenURL)
		}
	}
	if len(run.Run.Failures) != 5 {
		t.Errorf("%d failures, want 5", len(run.Run.Failures))
	}
	if strings.Contains(console, wrongSecret) {
		t.Error("newman output shows the client secret")
	}
	if t.Failed() {
		t.Logf("newman output:\n%s", console)
	}

	if _, console, err := runNewman(t, append(open, "--env-var", "clientSecret="+client.Secret)...); err != nil {
		t.Errorf("with the right secret: newman: %v\n%s", err, console)
	}
	// A token URL that answers 200 without a token is not said to refuse.
	_, console, err = runNewman(t, append(open, "--env-var", "clientSecret="+client.Secret, "--env-var", "tokenUrl="+srv.Base+"/open/token")...)
	if want := "token request to " + srv.Base + "/open/token answered HTTP 200 without an access_token"; err == nil || !strings.Contains(console, want) ||
		strings.Contains(console, "was refused: HTTP 200") {
		t.Errorf("a 200 without a token: newman %v, want the line %q:\n%s", err, want, console)
	}
}

// tokenTestName is the collection's test that fails a request sent without a token.
const tokenTestName = "gen-postman: an access token was obtained"

// TestNewmanNamesAnUnreachableTokenURL runs the collection with a token URL nothing listens on:
// the failure must name the connection error, not print [object Object].
func TestNewmanNamesAnUnreachableTokenURL(t *testing.T) {
	client := loadClients(t)["m2m-basic"]
	srv := startOAuthServer(t, "ES384", 3600)
	t.Setenv(envClientSecret, client.Secret)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String() + "/oidc/token"
	ln.Close()
	collection, environment := generateFiles(t, srv, "--client-id", client.ID)
	run, console, err := runNewman(t, collection, "-e", environment, "--env-var", "tokenUrl="+closed)
	if err == nil {
		t.Error("newman exited 0 although the token URL cannot be reached")
	}
	if len(run.Run.Failures) == 0 {
		t.Fatalf("no failure reported:\n%s", console)
	}
	for _, f := range run.Run.Failures {
		if f.Error.Test != tokenTestName {
			continue
		}
		msg := f.Error.Message
		if !strings.Contains(msg, "token request to "+closed+" failed: ECONNREFUSED") || strings.Contains(msg, "[object Object]") {
			t.Errorf("failure %q: %q, want it to name %s and ECONNREFUSED", f.Error.Test, msg, closed)
		}
	}
	if strings.Contains(console, "[object Object]") {
		t.Errorf("newman output holds [object Object]:\n%s", console)
	}
}

// TestPostmanSDKLoadsTheCollection loads every provider's collection with Postman's own SDK.
func TestPostmanSDKLoadsTheCollection(t *testing.T) {
	requireNode(t)
	cases := map[string][]string{
		"logto":   {"--tenant", "acme"},
		"kinde":   {"--provider", "kinde", "--tenant", "acme"},
		"auth0":   {"--provider", "auth0", "--tenant", "acme"},
		"generic": {"--provider", "generic", "--token-url", "https://id.example.com/token", "--resource", "https://api.example.com"},
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "c.json")
			if _, stderr, code := runCLI(t, append(args, "-o", file)...); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			v := loadWithPostmanSDK(t, file)
			if v.AuthType != "oauth2" {
				t.Fatalf("auth type = %q, want oauth2", v.AuthType)
			}
			for key, want := range map[string]any{
				"grant_type": "client_credentials", "accessTokenUrl": "{{tokenUrl}}", "clientId": "{{clientId}}",
				"clientSecret": "{{clientSecret}}", "accessToken": "{{accessToken}}", "headerPrefix": "Bearer",
				"addTokenTo": "header", "scope": "{{scope}}",
			} {
				if v.OAuth2[key] != want {
					t.Errorf("oauth2 %s = %v, want %v", key, v.OAuth2[key], want)
				}
			}
			params, ok := v.OAuth2["tokenRequestParams"].([]any)
			if !ok || len(params) != 1 {
				t.Fatalf("tokenRequestParams = %#v, want an array of one", v.OAuth2["tokenRequestParams"])
			}
			p := params[0].(map[string]any)
			if p["send_as"] != "request_body" || p["enabled"] != true || !strings.HasPrefix(p["value"].(string), "{{") {
				t.Errorf("tokenRequestParams[0] = %v", p)
			}
			if v.Items == 0 || strings.Join(v.Events, ",") != "prerequest,test" {
				t.Errorf("items = %d, events = %v; want requests and prerequest,test", v.Items, v.Events)
			}
			if v.Variables["clientSecret"] != "" {
				t.Error("the collection carries a client secret")
			}
		})
	}
}
