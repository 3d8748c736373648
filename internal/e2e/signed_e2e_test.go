//go:build e2e

package e2e

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gen-postman/gen-postman/internal/clientkey"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/verify"
)

// keyClient is a client of the e2e server that signs its assertions, as server.js's
// --key-clients file describes it.
type keyClient struct {
	ID    string        `json:"id"`
	Scope string        `json:"scope"`
	JWK   clientkey.JWK `json:"jwk"`
	DPoP  bool          `json:"dpop"`
	// Key is the PEM file of its private key, made for this test.
	Key string `json:"-"`
}

// newKeyFile writes a fresh private key of kind rsa2048, rsa4096, p256 or p384 as PEM into dir; the key lives
// as long as the test.
func newKeyFile(t *testing.T, dir, kind string) (string, *clientkey.Key) {
	t.Helper()
	var key any
	var err error
	switch kind {
	case "rsa2048":
		key, err = rsa.GenerateKey(rand.Reader, 2048)
	case "rsa4096":
		key, err = rsa.GenerateKey(rand.Reader, 4096)
	case "p256":
		key, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	case "p384":
		key, err = ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	default:
		t.Fatalf("unknown key kind %q", kind)
	}
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	data := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
	path := filepath.Join(dir, kind+"-"+strconv.Itoa(len(data))+".pem")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	k, err := clientkey.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return path, k
}

// newKeyClient makes a client with a fresh key of kind, registered under the key's thumbprint.
func newKeyClient(t *testing.T, id, kind string, dpop bool) keyClient {
	t.Helper()
	path, k := newKeyFile(t, t.TempDir(), kind)
	return keyClient{ID: id, Scope: "all read:items write:items", JWK: k.PublicJWK(k.Thumbprint()), DPoP: dpop, Key: path}
}

// startKeyServer starts the e2e server knowing clients, with token lifetime ttl.
func startKeyServer(t *testing.T, ttl int, clients ...keyClient) *oauthServer {
	t.Helper()
	return startKeyServerWith(t, ttl, nil, clients...)
}

// startKeyServerWith starts the e2e server knowing clients, with server.js's extra arguments.
func startKeyServerWith(t *testing.T, ttl int, extra []string, clients ...keyClient) *oauthServer {
	t.Helper()
	file := filepath.Join(t.TempDir(), "key-clients.json")
	data, err := json.Marshal(clients)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return startOAuthServer(t, "ES384", ttl, append([]string{"--key-clients", file}, extra...)...)
}

// dropNonce makes the server's token endpoint leave out its DPoP-Nonce header.
func (s *oauthServer) dropNonce(t *testing.T) {
	t.Helper()
	resp, err := http.Post(s.Base+"/__dpop/drop-nonce", "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

// TestVerifyPrivateKeyJWT proves tokens got with signed assertions, RSA and EC, with and
// without DPoP, and calls the API with each.
func TestVerifyPrivateKeyJWT(t *testing.T) {
	clients := []keyClient{
		newKeyClient(t, "svc-rsa", "rsa2048", false),
		newKeyClient(t, "svc-ec", "p256", false),
		newKeyClient(t, "svc-rsa-dpop", "rsa2048", true),
		newKeyClient(t, "svc-ec-dpop", "p256", true),
	}
	srv := startKeyServer(t, 3600, clients...)
	for _, c := range clients {
		t.Run(c.ID, func(t *testing.T) {
			args := []string{"verify", "--endpoint", srv.Base, "--client-id", c.ID, "--private-key", c.Key, "--call", "--json"}
			if c.DPoP {
				args = append(args, "--dpop")
			}
			stdout, stderr, code := runCLI(t, args...)
			if code != 0 {
				t.Fatalf("verify: exit %d\n%s\n%s", code, stdout, stderr)
			}
			var report struct {
				OK     bool
				Checks []struct{ Name, Status, Detail string }
			}
			if err := json.Unmarshal([]byte(stdout), &report); err != nil {
				t.Fatal(err)
			}
			status := map[string]string{}
			for _, ch := range report.Checks {
				status[ch.Name] = ch.Status + ": " + ch.Detail
			}
			for _, name := range []string{"token_request", "token_type", "signature", "client", "call"} {
				if !strings.HasPrefix(status[name], "pass") {
					t.Errorf("%s: %s", name, status[name])
				}
			}
			if c.DPoP && (!strings.HasPrefix(status["dpop"], "pass") || !strings.Contains(status["token_type"], "DPoP")) {
				t.Errorf("dpop: %s; token_type: %s", status["dpop"], status["token_type"])
			}
			if strings.Contains(stdout+stderr, "eyJ") {
				t.Error("verify printed a JWT: an assertion, a proof or the token")
			}
		})
	}
	st := srv.stats(t)
	if st.DPoPProofs != 2 || st.NonceChallenges != 2 || st.TokensIssued != 4 {
		t.Errorf("server stats %+v: want 4 tokens, 2 nonce challenges, 2 good DPoP proofs", st)
	}
}

// TestVerifySignedFailuresSayWhich checks that a wrong key, an expired assertion and a missing
// DPoP nonce each fail the token request with a hint that names the cause.
func TestVerifySignedFailuresSayWhich(t *testing.T) {
	ec := newKeyClient(t, "svc-ec", "p256", true)
	srv := startKeyServer(t, 3600, ec)
	verifyArgs := func(key string) []string {
		return []string{"verify", "--endpoint", srv.Base, "--client-id", ec.ID, "--private-key", key, "--dpop"}
	}

	t.Run("wrong key", func(t *testing.T) {
		other, otherKey := newKeyFile(t, t.TempDir(), "p256")
		stdout, stderr, code := runCLI(t, verifyArgs(other)...)
		if code != exitTokenRequest || !strings.Contains(stdout, "invalid_client") ||
			!strings.Contains(stdout, "did not accept the client assertion") || !strings.Contains(stdout, otherKey.Thumbprint()) {
			t.Errorf("exit %d, want %d naming the key:\n%s%s", code, exitTokenRequest, stdout, stderr)
		}
	})

	t.Run("expired assertion", func(t *testing.T) {
		// This machine's clock ten minutes slow: the assertion has expired when the server reads
		// it. The command has no clock to set, so verify runs in this process.
		key, err := clientkey.Load(ec.Key, nil)
		if err != nil {
			t.Fatal(err)
		}
		p, err := profile.Resolve(profile.Options{Endpoint: srv.Base, ClientID: ec.ID, ClientKey: key, DPoP: true})
		if err != nil {
			t.Fatal(err)
		}
		report, err := verify.Run(context.Background(), verify.Options{Profile: p, Now: func() time.Time { return time.Now().Add(-10 * time.Minute) }})
		var te *verify.TokenError
		if !errors.As(err, &te) || te.Code != "invalid_client" || report == nil {
			t.Fatalf("verify.Run: %v, want invalid_client", err)
		}
		var text strings.Builder
		if err := report.WriteText(&text); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(text.String(), "behind the server's, so the server takes the client assertion") {
			t.Errorf("the report does not name the clock:\n%s", text.String())
		}
	})

	t.Run("no DPoP for a client bound to a key", func(t *testing.T) {
		stdout, stderr, code := runCLI(t, verifyArgs(ec.Key)[:7]...)
		if code != exitTokenRequest || !strings.Contains(stdout, "invalid_grant") || !strings.Contains(stdout, "add --dpop") {
			t.Errorf("exit %d, want %d asking for --dpop:\n%s%s", code, exitTokenRequest, stdout, stderr)
		}
	})

	t.Run("missing nonce", func(t *testing.T) {
		srv.dropNonce(t)
		stdout, stderr, code := runCLI(t, verifyArgs(ec.Key)...)
		if code != exitTokenRequest || !strings.Contains(stdout, "use_dpop_nonce") || !strings.Contains(stdout, "no DPoP-Nonce header") {
			t.Errorf("exit %d, want %d naming the nonce:\n%s%s", code, exitTokenRequest, stdout, stderr)
		}
	})
}

// TestNewmanSignsAssertionsAndProofs runs generated collections in Newman against the server:
// private_key_jwt with RSA and EC keys, with DPoP and nonces, over several iterations. With a
// long token lifetime the run makes one token request; with a two-second one, renewed after
// one, every request gets a new token. Every API request carries a good proof.
func TestNewmanSignsAssertionsAndProofs(t *testing.T) {
	tests := []struct {
		name       string
		kind       string
		dpop       bool
		ttl        int
		iterations int
		delayMs    int
		wantTokens int
	}{
		{"RSA, private_key_jwt", "rsa2048", false, 3600, 2, 0, 1},
		{"EC, DPoP", "p256", true, 3600, 3, 0, 1},
		{"EC, DPoP, renewed every request", "p256", true, 2, 1, 1200, 5},
		{"RSA, DPoP, renewed every request", "rsa2048", true, 2, 1, 1200, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newKeyClient(t, "svc", tt.kind, tt.dpop)
			srv := startKeyServer(t, tt.ttl, c)
			args := []string{"--client-id", c.ID, "--private-key", c.Key}
			if tt.dpop {
				args = append(args, "--dpop")
			}
			collection, environment := generateFiles(t, srv, args...)
			newmanArgs := []string{collection, "-e", environment, "-n", strconv.Itoa(tt.iterations)}
			if tt.delayMs > 0 {
				newmanArgs = append(newmanArgs, "--delay-request", strconv.Itoa(tt.delayMs))
			}
			run, console, err := runNewman(t, newmanArgs...)
			if err != nil {
				t.Errorf("newman: %v", err)
			}
			requests := 5 * tt.iterations
			st := srv.stats(t)
			wantProofs := 0
			if tt.dpop {
				wantProofs = requests
			}
			if st.APIRequests != requests || st.APIUnauthorized != 0 || st.TokensIssued != tt.wantTokens ||
				st.TokenErrors != st.NonceChallenges || st.DPoPProofs != wantProofs {
				t.Errorf("server stats %+v: want %d API requests all accepted, %d tokens, no refusal but nonce challenges, %d good proofs",
					st, requests, tt.wantTokens, wantProofs)
			}
			if tt.dpop && st.NonceChallenges == 0 {
				t.Error("no token request was asked for a nonce: the server does not require DPoP nonces")
			}
			if run.Run.Stats.Assertions.Failed != 0 || run.Run.Stats.Assertions.Total != 2*requests {
				t.Errorf("assertions: %d of %d failed, want 0 of %d", run.Run.Stats.Assertions.Failed, run.Run.Stats.Assertions.Total, 2*requests)
			}
			if t.Failed() {
				t.Logf("newman output:\n%s", console)
			}
			// verify proves the same collection's token, with the key file.
			stdout, stderr, code := runCLI(t, "verify", "--collection", collection, "--environment", environment,
				"--private-key", c.Key, "--call")
			if code != 0 || (tt.dpop && !strings.Contains(stdout, "dpop")) {
				t.Errorf("verify --collection: exit %d\n%s%s", code, stdout, stderr)
			}
		})
	}
}

// TestNewmanSignedFailuresSayWhich checks that a collection with the wrong key, and one whose
// server asks for a DPoP nonce without giving one, fail every request with a line that says so.
func TestNewmanSignedFailuresSayWhich(t *testing.T) {
	c := newKeyClient(t, "svc", "p256", true)
	srv := startKeyServer(t, 3600, c)
	wrong, _ := newKeyFile(t, t.TempDir(), "p256")
	cases := []struct {
		name, key string
		dropNonce bool
		want      string
	}{
		{"wrong key", wrong, false, "was refused: HTTP 401 invalid_client: client authentication failed (the server did not accept the client assertion"},
		{"missing nonce", c.Key, true, "was refused: HTTP 400 use_dpop_nonce: nonce is required in the DPoP proof (the server wants a nonce in the DPoP proof but sent no DPoP-Nonce header"},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if tt.dropNonce {
				srv.dropNonce(t)
			}
			collection, environment := generateFiles(t, srv, "--client-id", c.ID, "--private-key", tt.key, "--dpop")
			run, console, err := runNewman(t, collection, "-e", environment)
			if err == nil {
				t.Error("newman exited 0 although no token was had")
			}
			if !strings.Contains(console, "gen-postman: token request to "+srv.TokenURL+" "+tt.want) {
				t.Errorf("newman output lacks %q:\n%s", tt.want, console)
			}
			// The first request goes without a token and fails twice; the refusal stands for the
			// four after it, which are not sent and fail the token test.
			if got := run.Run.Stats.Assertions.Failed; got != 6 {
				t.Errorf("%d assertions failed, want all 6", got)
			}
			if strings.Contains(console, `"d":`) {
				t.Error("newman output shows a private key")
			}
		})
	}
}

// TestPostmanSDKLoadsTheSignedCollection loads a private_key_jwt collection with DPoP with
// Postman's own SDK: OAuth 2.0 auth with the DPoP prefix, no secret anywhere, both scripts.
func TestPostmanSDKLoadsTheSignedCollection(t *testing.T) {
	path, _ := newKeyFile(t, t.TempDir(), "p256")
	file := filepath.Join(t.TempDir(), "c.json")
	if _, stderr, code := runCLI(t, "--provider", "generic", "--token-url", "https://acme.okta.example/oauth2/v1/token",
		"--client-id", "svc", "--private-key", path, "--dpop", "-o", file); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	v := loadWithPostmanSDK(t, file)
	if v.AuthType != "oauth2" || v.OAuth2["headerPrefix"] != "DPoP" || v.OAuth2["accessToken"] != "{{accessToken}}" {
		t.Errorf("auth %s %v: want oauth2 with the DPoP prefix and {{accessToken}}", v.AuthType, v.OAuth2)
	}
	if _, ok := v.OAuth2["clientSecret"]; ok || v.Variables["privateKey"] != "" || v.Variables["dpopKey"] != "" {
		t.Error("the collection carries a secret or a key")
	}
	if strings.Join(v.Events, ",") != "prerequest,test" {
		t.Errorf("events %v", v.Events)
	}
}
