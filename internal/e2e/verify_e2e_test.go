//go:build e2e

package e2e

import (
	"encoding/json"
	"strings"
	"testing"
)

// verifyReport is the part of verify --json the tests read.
type verifyReport struct {
	OK     bool `json:"ok"`
	Checks []struct {
		Name, Status, Detail string
	} `json:"checks"`
	Hints []string `json:"hints"`
	Call  *struct {
		Method string `json:"method"`
		URL    string `json:"url"`
		Status int    `json:"status"`
	} `json:"call"`
	Claims map[string]any `json:"claims"`
	Token  string         `json:"token"`
	Error  *struct {
		Status int    `json:"status"`
		Error  string `json:"error"`
	} `json:"error"`
}

func (r verifyReport) status(name string) string {
	for _, c := range r.Checks {
		if c.Name == name {
			return c.Status
		}
	}
	return "missing"
}

// runVerify runs gen-postman verify --json and decodes its report.
func runVerifyJSON(t *testing.T, args ...string) (verifyReport, string, string, int) {
	t.Helper()
	stdout, stderr, code := runCLI(t, append([]string{"verify", "--json"}, args...)...)
	var r verifyReport
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("verify --json printed no JSON report (exit %d): %v\nstdout: %s\nstderr: %s", code, err, stdout, stderr)
	}
	return r, stdout, stderr, code
}

// TestVerifyAgainstTheRealServer runs verify on tokens from oidc-provider: the good path with
// each key type, then the server's own refusals.
func TestVerifyAgainstTheRealServer(t *testing.T) {
	clients := loadClients(t)
	basic, limited := clients["m2m-basic"], clients["m2m-limited"]
	allChecks := []string{"token_request", "token_type", "jwt", "signature", "issuer", "audience", "lifetime", "scope", "client", "typ", "call"}

	for _, alg := range []string{"ES384", "RS256"} {
		t.Run("good token "+alg, func(t *testing.T) {
			srv := startOAuthServer(t, alg, 3600)
			t.Setenv(envClientSecret, basic.Secret)
			r, stdout, stderr, code := runVerifyJSON(t, "--endpoint", srv.Base, "--client-id", basic.ID, "--call")
			if code != 0 || !r.OK {
				t.Errorf("exit %d, ok %v; want 0 and true\n%s\n%s", code, r.OK, stdout, stderr)
			}
			for _, name := range allChecks {
				if got := r.status(name); got != "pass" {
					t.Errorf("check %s: %s, want pass", name, got)
				}
			}
			if r.Claims["iss"] != srv.Issuer || r.Claims["client_id"] != basic.ID {
				t.Errorf("claims = %v, want iss %s and client_id %s", r.Claims, srv.Issuer, basic.ID)
			}
			if strings.Contains(stdout+stderr, basic.Secret) {
				t.Error("the output shows the client secret")
			}
			if r.Token != "" || strings.Contains(stdout, `"token"`) {
				t.Error("the report holds the token without --show-token")
			}
		})
	}

	srv := startOAuthServer(t, "ES384", 3600)
	tests := []struct {
		name      string
		secret    string
		args      []string
		wantCode  exitCode
		wantFail  string // the check that fails
		wantError string // the OAuth error code, for a refused request
		wantHint  string
	}{
		{"wrong secret", "not-the-secret", []string{"--client-id", basic.ID}, exitTokenRequest, "token_request", "invalid_client", "client id or secret"},
		{"unknown resource", basic.Secret, []string{"--client-id", basic.ID, "--resource", "https://unknown.example.com"}, exitTokenRequest, "token_request", "invalid_target", "not registered"},
		// oidc-provider names APIs with resource and reads no audience: the registered API
		// given as an audience is refused, and the hint asks for --resource.
		{"audience to a resource server", basic.Secret, []string{"--client-id", basic.ID, "--provider", "generic", "--token-url", srv.TokenURL,
			"--audience", "https://api.example.test", "--scope", "read:items"}, exitTokenRequest, "token_request", "invalid_target",
			"give the API with --resource https://api.example.test instead of --audience"},
		{"scope the app does not hold", limited.Secret, []string{"--client-id", limited.ID, "--resource", "https://api.example.test", "--scope", "read:items write:items"}, exitCheckFailed, "scope", "", "write:items"},
		{"unknown client", "whatever", []string{"--client-id", "no-such-app"}, exitTokenRequest, "token_request", "invalid_client", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(envClientSecret, tt.secret)
			r, stdout, stderr, code := runVerifyJSON(t, append([]string{"--endpoint", srv.Base}, tt.args...)...)
			if exitCode(code) != tt.wantCode || r.OK {
				t.Errorf("exit %d, ok %v; want %d and false\n%s", code, r.OK, tt.wantCode, stdout)
			}
			if got := r.status(tt.wantFail); got != "fail" {
				t.Errorf("check %s: %s, want fail", tt.wantFail, got)
			}
			if tt.wantError != "" && (r.Error == nil || r.Error.Error != tt.wantError) {
				t.Errorf("error = %+v, want %s", r.Error, tt.wantError)
			}
			if hints := strings.Join(r.Hints, "\n"); !strings.Contains(hints, tt.wantHint) {
				t.Errorf("hints %q lack %q", hints, tt.wantHint)
			}
			if strings.Contains(stdout+stderr, tt.secret) {
				t.Error("the output shows the client secret")
			}
		})
	}
}

// TestVerifyAGeneratedCollection checks that verify reads back what generate wrote, with the
// secret coming from the environment file alone.
func TestVerifyAGeneratedCollection(t *testing.T) {
	client := loadClients(t)["m2m-post"]
	srv := startOAuthServer(t, "RS256", 3600)
	t.Setenv(envClientSecret, client.Secret)
	collection, environment := generateFiles(t, srv, "--client-id", client.ID, "--client-auth", "body")
	t.Setenv(envClientSecret, "")

	r, stdout, stderr, code := runVerifyJSON(t, "--collection", collection, "--environment", environment, "--call", "--show-token")
	if code != 0 || !r.OK {
		t.Fatalf("exit %d, ok %v\n%s\n%s", code, r.OK, stdout, stderr)
	}
	if r.status("call") != "pass" || r.status("signature") != "pass" {
		t.Errorf("call %s, signature %s; want pass", r.status("call"), r.status("signature"))
	}
	if strings.Count(r.Token, ".") != 2 {
		t.Errorf("--show-token: token = %q, want a JWT", r.Token)
	}

	// Without the environment the collection has no secret: a usage error, exit 2.
	_, stderr, code = runCLI(t, "verify", "--collection", collection)
	if exitCode(code) != exitUsage || !strings.Contains(stderr, "client-secret") {
		t.Errorf("without a secret: exit %d, stderr %q; want 2 naming the secret", code, stderr)
	}
	// The secret can come from the environment variable instead.
	t.Setenv(envClientSecret, client.Secret)
	if _, stderr, code := runCLI(t, "verify", "--collection", collection); code != 0 {
		t.Errorf("secret from %s: exit %d\n%s", envClientSecret, code, stderr)
	}
}

// TestVerifyKeepsTheRealServersKeys runs verify twice against oidc-provider, which says nothing
// about caching its key set: the second run takes the keys from the cache and passes, and
// --no-cache fetches them again.
func TestVerifyKeepsTheRealServersKeys(t *testing.T) {
	basic := loadClients(t)["m2m-basic"]
	srv := startOAuthServer(t, "ES384", 3600)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv(envClientSecret, basic.Secret)
	for i, tt := range []struct {
		args   []string
		cached bool
	}{
		{nil, false},
		{nil, true},
		{[]string{"--no-cache"}, false},
	} {
		var r struct {
			OK            bool `json:"ok"`
			KeysFromCache bool `json:"keysFromCache"`
		}
		stdout, stderr, code := runCLI(t, append([]string{"verify", "--json", "--endpoint", srv.Base, "--client-id", basic.ID}, tt.args...)...)
		if err := json.Unmarshal([]byte(stdout), &r); err != nil || code != 0 || !r.OK || r.KeysFromCache != tt.cached {
			t.Errorf("run %d %q: exit %d, %+v (%v), want keysFromCache %v\n%s\n%s", i+1, tt.args, code, r, err, tt.cached, stdout, stderr)
		}
	}
}

// TestVerifyJWTWhoseIntrospectionIsRefused asks oidc-provider, which refuses to introspect the
// JWTs it issues (400 unsupported_token_type), about a JWT whose signature verify proves: the
// token is good, and the introspection's warning says that the signature proves it but not
// that it is still active.
func TestVerifyJWTWhoseIntrospectionIsRefused(t *testing.T) {
	basic := loadClients(t)["m2m-basic"]
	srv := startOAuthServer(t, "ES384", 3600)
	t.Setenv(envClientSecret, basic.Secret)
	args := []string{"--endpoint", srv.Base, "--client-id", basic.ID, "--introspection-url", srv.IntrospectionURL}
	r, stdout, stderr, code := runVerifyJSON(t, args...)
	if code != 0 || !r.OK {
		t.Errorf("exit %d, ok %v; want 0 and true\n%s\n%s", code, r.OK, stdout, stderr)
	}
	if got := r.status("signature"); got != "pass" {
		t.Errorf("signature: %s, want pass", got)
	}
	for _, c := range r.Checks {
		if c.Name == "active" && (c.Status != "warn" || !strings.Contains(c.Detail, "unsupported_token_type") ||
			!strings.Contains(c.Detail, "the signature proves the token, not that it is still active")) {
			t.Errorf("active: %s %q, want a warning that the server refused and the signature proves the token", c.Status, c.Detail)
		}
	}
	if r.status("active") == "missing" {
		t.Error("no active check: the introspection URL was not used")
	}
	text, stderr, code := runCLI(t, append([]string{"verify"}, args...)...)
	if code != 0 || !strings.Contains(text, "OK: the token is good") || strings.Contains(text, "not proven") {
		t.Errorf("verify: exit %d, want 0 and the summary that the token is good:\n%s\n%s", code, text, stderr)
	}
}
