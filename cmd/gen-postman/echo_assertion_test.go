package main

import (
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// TestEchoedAssertionStaysHidden: a token endpoint that refuses a signed client's assertion by
// quoting it back in pieces (its signature alone, header.payload, the whole with its dots spaced,
// the signature split over two lines) gets none of them shown by verify, with --verbose or
// without: no output holds a usable assertion. The client secret's base64 is hidden the same way.
func TestEchoedAssertionStaysHidden(t *testing.T) {
	var mu sync.Mutex
	var sent []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		echo := "no secret"
		if a := r.PostForm.Get("client_assertion"); a != "" {
			mu.Lock()
			sent = append(sent, a)
			mu.Unlock()
			p := strings.Split(a, ".")
			sig := p[len(p)-1]
			echo = "signature " + sig + " over " + p[0] + "." + p[1] + "; as sent: " + strings.Join(p, " . ") +
				"; wrapped: " + sig[:len(sig)/2] + "\n  " + sig[len(sig)/2:]
		} else if _, secret, ok := r.BasicAuth(); ok {
			echo = "secret " + base64.StdEncoding.EncodeToString([]byte(secret)) + " / " + base64.RawURLEncoding.EncodeToString([]byte(secret))
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte(`{"error":"invalid_client","error_description":` + jsonQuote(echo) + `}`))
	}))
	defer srv.Close()
	key, _ := writeTestKey(t, t.TempDir())
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	const secret = "an-echoed-client-secret"
	for _, args := range [][]string{
		{"verify", "--provider", "generic", "--token-url", srv.URL + "/token", "--client-id", "svc", "--private-key", key},
		{"verify", "--provider", "generic", "--token-url", srv.URL + "/token", "--client-id", "svc", "--private-key", key, "--verbose"},
		{"verify", "--provider", "generic", "--token-url", srv.URL + "/token", "--client-id", "svc", "--private-key", key, "--json"},
		{"verify", "--provider", "generic", "--token-url", srv.URL + "/token", "--client-id", "svc", "--client-secret", secret, "--verbose"},
	} {
		mu.Lock()
		sent = nil
		mu.Unlock()
		stdout, stderr, code := runCLI(t, args...)
		out := stdout + stderr
		if code == 0 || !strings.Contains(out, "invalid_client") {
			t.Errorf("%q: exit %d, want the refusal reported\n%s", args, code, out)
		}
		joined := strings.Join(strings.Fields(out), "")
		mu.Lock()
		for _, a := range sent {
			p := strings.Split(a, ".")
			sig := p[len(p)-1]
			for _, part := range []string{sig[:len(sig)/2], sig[len(sig)/2:], p[1]} {
				if strings.Contains(joined, part) {
					t.Errorf("%q shows part of the assertion it sent (%.12s…):\n%s", args, part, out)
				}
			}
		}
		mu.Unlock()
		for _, form := range []string{base64.StdEncoding.EncodeToString([]byte(secret)), base64.RawURLEncoding.EncodeToString([]byte(secret))} {
			if strings.Contains(out, form[:len(form)-2]) {
				t.Errorf("%q shows the secret's base64 %q:\n%s", args, form, out)
			}
		}
	}
}

// jsonQuote writes s as a JSON string.
func jsonQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteString(`\` + string(r))
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
