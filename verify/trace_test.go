package verify_test

import (
	"bytes"
	"encoding/base64"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/verify"
	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// TestTraceHidesAnOpaqueToken traces a run whose token is opaque, proven by introspection and
// then used to call the API: the token, which has no shape to be known by, is shown only as
// its fingerprint, in the token response, the introspection request and the call, unless
// ShowToken asks for it.
func TestTraceHidesAnOpaqueToken(t *testing.T) {
	for _, show := range []bool{false, true} {
		f, opts := opaqueFixture(t, verifytest.Options{Introspection: true}, profile.Options{})
		var trace bytes.Buffer
		opts.Tracer = network.NewTracer(&trace, show)
		opts.ShowToken = show
		opts.Call = f.srv.URL + "/api/users"
		r := f.run(t, opts)
		if r.Outcome() != verify.Passed {
			t.Fatalf("ShowToken %v: outcome %v, want passed: %+v", show, r.Outcome(), r.Checks)
		}
		sent := f.idp.RequestsTo("/oidc/introspect")
		if len(sent) != 1 {
			t.Fatalf("%d introspection requests, want 1", len(sent))
		}
		form, err := url.ParseQuery(sent[0].Body)
		if err != nil || form.Get("token") == "" {
			t.Fatalf("the introspection request sent no token: %q", sent[0].Body)
		}
		token := form.Get("token")
		got := trace.String()
		for _, want := range []string{"> POST " + f.srv.URL + "/oidc/token", "> POST " + f.srv.URL + "/oidc/introspect", "> GET " + f.srv.URL + "/api/users"} {
			if !strings.Contains(got, want) {
				t.Errorf("ShowToken %v: the trace lacks %q:\n%s", show, want, got)
			}
		}
		if strings.Contains(got, token) != show {
			t.Errorf("ShowToken %v: the trace shows the token: %v\n%s", show, !show, got)
		}
		if fingerprint := "[REDACTED " + strconv.Itoa(len(token)) + " bytes, sha256 "; !show && strings.Count(got, fingerprint) < 3 {
			t.Errorf("the token is not shown by its fingerprint in the answer, the introspection and the call:\n%s", got)
		}
		basic := base64.StdEncoding.EncodeToString([]byte(testClientID + ":" + testSecret))
		if strings.Contains(got, testSecret) || strings.Contains(got, basic) {
			t.Errorf("the trace shows the secret:\n%s", got)
		}
	}
}
