//go:build e2e

package e2e

import (
	"strings"
	"testing"
)

// TestVerifyOpaqueTokenIssuerFromDiscovery asks the real oidc-provider for an opaque token,
// naming neither the issuer nor the introspection endpoint: discovery, tied to the token
// endpoint, names both, and the issuer the introspection answer gives is checked against the
// discovery document's, as a JWT's would be, rather than warned of as unknown.
func TestVerifyOpaqueTokenIssuerFromDiscovery(t *testing.T) {
	basic := loadClients(t)["m2m-basic"]
	srv := startOAuthServer(t, "ES384", 3600)
	t.Setenv(envClientSecret, basic.Secret)
	r, stdout, stderr, code := runVerifyJSON(t, "--provider", "generic", "--token-url", srv.TokenURL, "--client-id", basic.ID,
		"--resource", "https://opaque.example.test", "--scope", "read:items")
	if code != 0 || !r.OK {
		t.Errorf("exit %d, ok %v; want 0 and true\n%s\n%s", code, r.OK, stdout, stderr)
	}
	for _, c := range r.Checks {
		if c.Name == "issuer" && (c.Status != "pass" || !strings.Contains(c.Detail, "(from discovery)")) {
			t.Errorf("issuer: %s %q, want a pass from discovery", c.Status, c.Detail)
		}
	}
	if r.status("active") != "pass" || r.status("issuer") == "missing" {
		t.Errorf("active %s, issuer %s: want the token proven by introspection and its issuer checked", r.status("active"), r.status("issuer"))
	}
}
