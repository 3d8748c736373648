package verify_test

import (
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/verify"
	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// TestShortSecretLeavesTheChecksAlone: a client secret short enough to stand inside the
// token's own values ("e" in the audience, "S" in RS256, "1" in every date, "read" in the
// scope) is hidden where the report shows those values, and changes no verdict: each check
// compares what the server sent with what was asked, not their redacted text.
func TestShortSecretLeavesTheChecksAlone(t *testing.T) {
	for _, secret := range []string{"x", "e", "S", "1", "a", "o", "test", "all", "api"} {
		t.Run(secret, func(t *testing.T) {
			f := newFixture(t, verifytest.Options{ClientSecret: secret})
			r := f.run(t, f.options())
			for _, c := range r.Checks {
				if c.Status == verify.StatusFail {
					t.Errorf("%s: %s", c.Name, c.Detail)
				}
			}
			if !r.OK {
				t.Errorf("the report failed with the secret %q:\n%s", secret, strings.Join(r.Hints, "\n"))
			}
		})
	}
}
