package verify_test

import (
	"context"
	"encoding/json"
	"net/url"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/verify"
	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// canarySecret has spaces and the characters that encodings change, so that every way a
// server may write it back is tried.
const canarySecret = `c4n4ry s3cr%t+/:é<&>"x\y`

// canaryPieces are parts of the canary that must never appear either: a part of the secret
// shown is a leak too.
var canaryPieces = []string{"c4n4ry", "s3cr%t", "s3cr%25t", "s3cr"}

// TestHostileServer runs verify against a server for each way a hostile server misbehaves.
// In every case the secret and the token never appear in the text or the JSON report, the
// JSON is valid, nothing steers the terminal, the run ends in time with bounded memory, and
// the outcome and the telling check are as they should be.
func TestHostileServer(t *testing.T) {
	const timeout = 5 * time.Second
	tests := []struct {
		kind    string // the misbehaviour, as the issue lists it
		defect  verifytest.Defect
		generic bool   // a profile without issuer or key set, so that discovery runs
		call    string // Options.Call
		want    verify.Outcome
		check   string // a check whose detail must hold detail
		detail  string
	}{
		{"secret in a transport error (status line)", verifytest.EchoStatusLine, false, "", verify.RequestFailed, "token_request", "malformed HTTP status code"},
		{"secret in a transport error (header line)", verifytest.EchoHeaderLine, false, "", verify.RequestFailed, "token_request", "malformed MIME header"},
		{"secret in Content-Type", verifytest.EchoContentType, false, "", verify.RequestFailed, "token_request", "not a JSON body ([REDACTED])"},
		{"secret in Location", verifytest.EchoLocation, false, "", verify.RequestFailed, "token_request", "raw=[REDACTED]&enc=[REDACTED]"},
		{"secret in discovery issuer and kid", verifytest.EchoDiscovery, true, "", verify.CheckFailed, "issuer", "[REDACTED]"},
		{"secret in discovery token_endpoint", verifytest.EchoDiscoveryEndpoint, true, "", verify.CheckFailed, "signature", "no key set URL"},
		{"secret as a claim name and value", verifytest.EchoInToken, false, "", verify.Passed, "signature", "ES384"},
		{"secret as the token's alg", verifytest.EchoAlg, false, "", verify.CheckFailed, "signature", "[REDACTED]"},
		{"secret cut at the body limit", verifytest.EchoAtCut, false, "", verify.RequestFailed, "token_request", "invalid_request"},
		{"secret with its spaces made newlines", verifytest.EchoNewlines, false, "", verify.RequestFailed, "token_request", "bad secret [REDACTED]"},
		{"secret JSON-escaped with \\/ and lower-case %xx", verifytest.EchoEscaped, false, "", verify.RequestFailed, "token_request", "json [REDACTED] form [REDACTED]"},
		{"token in a --call refusal", verifytest.EchoTokenOnCall, false, "/api/applications", verify.CheckFailed, "call", "HTTP 401"},
		{"terminal controls in scope and claims", verifytest.ControlChars, false, "", verify.Passed, "scope", `\x1b[2J`},
		{"huge RSA modulus", verifytest.RSAKeyHuge, false, "", verify.CheckFailed, "signature", "above the 8192 bits accepted"},
		{"small RSA key", verifytest.RSAKeySmall, false, "", verify.CheckFailed, "signature", "an RSA key of 1024 bits, below the 2048 bits"},
		{"EC point off the curve", verifytest.ECOffCurve, false, "", verify.CheckFailed, "signature", "not on its curve P-384"},
		{"unknown crit extension", verifytest.Crit, false, "", verify.CheckFailed, "signature", "critical (crit)"},
		{"key alg does not pin the token's", verifytest.KeyAlgNotPinned, false, "", verify.CheckFailed, "signature", "may check a PS256 signature"},
		{"duplicate kids", verifytest.DuplicateKid, false, "", verify.Passed, "signature", "ES384, key"},
	}
	for _, tt := range tests {
		t.Run(tt.defect.String(), func(t *testing.T) {
			f := newFixture(t, verifytest.Options{Defect: tt.defect, ClientSecret: canarySecret})
			opts := f.options()
			if tt.generic {
				p, err := profile.Resolve(profile.Options{Provider: "generic", TokenURL: f.srv.URL + "/oidc/token", Resource: logtoAPI, Scope: ptr("all")})
				if err != nil {
					t.Fatal(err)
				}
				p.ClientID, p.ClientSecret = testClientID, canarySecret
				opts.Profile = p
			}
			opts.Call = tt.call
			ctx, cancel := context.WithTimeout(context.Background(), timeout)
			defer cancel()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			r, err := verify.Run(ctx, opts)
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			checkRunError(t, r, err)
			if elapsed > timeout+time.Second {
				t.Errorf("%s: the run took %s, over the %s limit", tt.kind, elapsed, timeout)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
				t.Errorf("%s: the run allocated %d MiB", tt.kind, grew>>20)
			}
			if got := r.Outcome(); got != tt.want {
				t.Errorf("%s: outcome %s, want %s\n%s", tt.kind, got, tt.want, r.Checks)
			}
			if c := check(r, tt.check); !strings.Contains(c.Detail, tt.detail) {
				t.Errorf("%s: %s detail %q, want it to hold %q", tt.kind, tt.check, c.Detail, tt.detail)
			}
			text, js := outputs(t, r)
			var decoded map[string]any
			if err := json.Unmarshal([]byte(js), &decoded); err != nil {
				t.Errorf("%s: --json output is not JSON: %v", tt.kind, err)
			}
			secrets := append([]string{canarySecret, url.QueryEscape(canarySecret)}, canaryPieces...)
			for _, tok := range f.idp.Issued() {
				// The whole token, a piece of its middle, and a piece of its first half.
				secrets = append(secrets, tok, tok[len(tok)/2-10:len(tok)/2+10], tok[len(tok)/2-30:len(tok)/2-5])
			}
			for name, out := range map[string]string{"text": text, "JSON": js} {
				for _, s := range secrets {
					if strings.Contains(out, s) {
						t.Errorf("%s: the %s report holds %q:\n%s", tt.kind, name, s, out)
					}
				}
				if i := strings.IndexAny(out, "\x1b\u009b\u202e\u0007"); i >= 0 {
					t.Errorf("%s: the %s report holds a terminal control at %d: %q", tt.kind, name, i, out[max(0, i-20):min(len(out), i+20)])
				}
			}
		})
	}
}

func ptr(s string) *string { return &s }

// TestServerChosenTokenCannotRewriteReport: the token is hidden only in what the server sent,
// so a token that is a word of the report, a quote or a letter leaves the report's statuses
// and its JSON intact.
func TestServerChosenTokenCannotRewriteReport(t *testing.T) {
	for _, token := range []string{"fail", "FAIL", `"`, "e", "status", "{"} {
		t.Run(token, func(t *testing.T) {
			f := newFixture(t, verifytest.Options{Defect: verifytest.ChosenToken, Token: token})
			r := f.run(t, f.options())
			if got := r.Outcome(); got != verify.CheckFailed {
				t.Fatalf("outcome %s, want %s (an opaque token)", got, verify.CheckFailed)
			}
			text, js := outputs(t, r)
			var decoded struct {
				OK     bool `json:"ok"`
				Checks []struct {
					Name, Status string
				} `json:"checks"`
			}
			if err := json.Unmarshal([]byte(js), &decoded); err != nil {
				t.Fatalf("--json output is not JSON: %v\n%s", err, js)
			}
			if decoded.OK || len(decoded.Checks) != len(checkNames) || decoded.Checks[2].Name != "jwt" || decoded.Checks[2].Status != "fail" {
				t.Errorf("JSON report rewritten: %+v", decoded)
			}
			for _, want := range []string{"\n  FAIL  jwt ", "\n  PASS  token_request ", "\nFAIL: "} {
				if !strings.Contains(text, want) {
					t.Errorf("text report lacks %q:\n%s", want, text)
				}
			}
		})
	}
}
