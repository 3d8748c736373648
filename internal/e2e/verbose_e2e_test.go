//go:build e2e

package e2e

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

// wireTap is a reverse proxy in front of the OAuth server that keeps every credential it
// carries: the Authorization and DPoP headers, the form's secret and assertion, and the
// tokens in the answers. The trace may show none of them.
type wireTap struct {
	srv  *httptest.Server
	mu   sync.Mutex
	seen map[string]bool
	// paths are the requests it carried, as "METHOD /path".
	paths []string
}

// startWireTap starts a wireTap in front of base. The request's Host is kept, so the server
// sees the URLs the client signed (a DPoP proof's htu, an assertion's aud).
func startWireTap(t *testing.T, base string) *wireTap {
	t.Helper()
	target, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	w := &wireTap{seen: map[string]bool{}}
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.ModifyResponse = func(resp *http.Response) error {
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			return err
		}
		resp.Body = io.NopCloser(bytes.NewReader(body))
		var tokens map[string]any
		if json.Unmarshal(body, &tokens) == nil {
			for _, k := range []string{"access_token", "refresh_token", "id_token"} {
				if v, ok := tokens[k].(string); ok {
					w.keep(v)
				}
			}
		}
		return nil
	}
	w.srv = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(rw, err.Error(), http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		w.mu.Lock()
		w.paths = append(w.paths, r.Method+" "+r.URL.Path)
		w.mu.Unlock()
		for _, name := range []string{"Authorization", "DPoP"} {
			if v := r.Header.Get(name); v != "" {
				_, cred, _ := strings.Cut(v, " ")
				if name == "DPoP" {
					cred = v
				}
				w.keep(cred)
			}
		}
		if form, err := url.ParseQuery(string(body)); err == nil {
			for _, k := range []string{"client_secret", "client_assertion"} {
				w.keep(form.Get(k))
			}
		}
		proxy.ServeHTTP(rw, r)
	}))
	t.Cleanup(w.srv.Close)
	return w
}

func (w *wireTap) keep(v string) {
	if v == "" {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.seen[v] = true
}

// credentials are the credentials the tap carried.
func (w *wireTap) credentials() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []string
	for v := range w.seen {
		out = append(out, v)
	}
	return out
}

// signedJWT matches a JWS with its signature: a usable token, assertion or proof.
var signedJWT = regexp.MustCompile(`eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{8,}`)

// checkTraceHides fails when the trace shows a credential the tap carried, or secret, in any
// of the forms it travels in.
func checkTraceHides(t *testing.T, trace string, tap *wireTap, secret string) {
	t.Helper()
	values := tap.credentials()
	if secret != "" {
		values = append(values, secret)
	}
	for i, v := range values {
		for j, form := range []string{v, url.QueryEscape(v), base64.StdEncoding.EncodeToString([]byte(v)), base64.RawURLEncoding.EncodeToString([]byte(v))} {
			if strings.Contains(trace, form) {
				// The message names the credential by its place alone: it is a secret.
				t.Errorf("the trace shows credential %d of %d (%d bytes), in form %d (as sent, query-escaped, base64, base64url)", i+1, len(values), len(v), j+1)
			}
		}
	}
	if m := signedJWT.FindString(trace); m != "" {
		t.Errorf("the trace shows a signed JWT %.40s…", m)
	}
}

// TestVerifyVerboseHidesCredentials runs verify --verbose against the real server, with a
// client secret (HTTP Basic and form) and with private_key_jwt and DPoP, through a tap that
// keeps every credential sent and every token issued: the trace shows the token request, the
// key set fetch and the API call, and none of those credentials.
func TestVerifyVerboseHidesCredentials(t *testing.T) {
	clients := loadClients(t)
	basic, post := clients["m2m-basic"], clients["m2m-post"]
	dpop := newKeyClient(t, "svc-ec-dpop", "p256", true)
	rsa := newKeyClient(t, "svc-rsa", "rsa2048", false)
	srv := startKeyServer(t, 3600, dpop, rsa)

	tests := []struct {
		name, secret string
		args         []string
		wantAuth     string // a line of the token request's trace
	}{
		{"client_secret_basic", basic.Secret, []string{"--client-id", basic.ID}, "Authorization: Basic [REDACTED]"},
		{"client_secret_post", post.Secret, []string{"--client-id", post.ID, "--client-auth", "body"}, "client_secret=[REDACTED]"},
		{"private_key_jwt", "", []string{"--client-id", rsa.ID, "--private-key", rsa.Key}, "client_assertion=eyJ"},
		// The API checks a DPoP proof's htu against the server's own address, so this call
		// goes to the server itself, past the tap.
		{"private_key_jwt with DPoP", "", []string{"--client-id", dpop.ID, "--private-key", dpop.Key, "--dpop", "--call", srv.Base + "/api/applications"}, "Dpop: eyJ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tap := startWireTap(t, srv.Base)
			t.Setenv(envClientSecret, tt.secret)
			args := append([]string{"--endpoint", tap.srv.URL, "--issuer", srv.Issuer, "--no-cache", "--verbose"}, tt.args...)
			if !slices.Contains(tt.args, "--call") {
				args = append(args, "--call")
			}
			r, stdout, stderr, code := runVerifyJSON(t, args...)
			if code != 0 || !r.OK {
				t.Fatalf("exit %d, ok %v; want 0 and true\n%s\n%s", code, r.OK, stdout, stderr)
			}
			for _, want := range []string{
				"> POST " + tap.srv.URL + "/oidc/token",
				"> GET " + tap.srv.URL + "/oidc/jwks",
				"< HTTP/1.1 200 OK",
				`"access_token": "eyJ`,
				".[signature hidden]",
				tt.wantAuth,
			} {
				if !strings.Contains(stderr, want) {
					t.Errorf("the trace lacks %q:\n%s", want, stderr)
				}
			}
			if r.status("call") != "pass" {
				t.Errorf("call: %s, want pass", r.status("call"))
			}
			if tt.secret == "" && len(tap.credentials()) < 2 {
				t.Errorf("the tap kept %d credentials: want the assertion and the token at least", len(tap.credentials()))
			}
			checkTraceHides(t, stderr, tap, tt.secret)
			if strings.Contains(stdout, "[1] >") {
				t.Error("the trace went to stdout")
			}
		})
	}
	if st := srv.stats(t); st.SecretLeaks != 0 {
		t.Errorf("%d requests carried a secret past the token endpoint", st.SecretLeaks)
	}
}
