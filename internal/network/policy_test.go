package network

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestURLPolicy: the zero policy sends plain http to loopback alone; --allow-http's policy adds
// exactly the host and port of each plain http URL the user gave, and nothing else.
func TestURLPolicy(t *testing.T) {
	allowed := AllowPlainHTTP("http://Logto:3001", "https://secure.example.com", "http://localhost:8080",
		"http://api.internal/v1", "not a url", "")
	if got, want := allowed.PlainHTTPHosts(), []string{"api.internal:80", "logto:3001"}; !slices.Equal(got, want) {
		t.Errorf("PlainHTTPHosts() = %q, want %q", got, want)
	}
	if got := (URLPolicy{}).PlainHTTPHosts(); len(got) != 0 {
		t.Errorf("zero policy PlainHTTPHosts() = %q, want none", got)
	}
	tests := []struct {
		url       string
		zero, flg bool
	}{
		{"http://localhost:3001/token", true, true},
		{"http://127.0.0.1/x", true, true},
		{"https://logto:3001/oidc/token", true, true},
		{"http://logto:3001/oidc/token", false, true},
		{"http://LOGTO:3001/oidc/token", false, true},
		{"http://logto:3002/oidc/token", false, false}, // another port of the host
		{"http://logto/oidc/token", false, false},      // port 80, not the port given
		{"http://api.internal/v2/x", false, true},
		{"http://api.internal:80/x", false, true},
		{"http://api.internal:8080/x", false, false},
		{"http://evil.example:3001/token", false, false},
		{"http://secure.example.com/token", false, false}, // given as https only
		{"http://user:pw@logto:3001/token", false, false},
		{"ftp://logto:3001/", false, false},
	}
	for _, tt := range tests {
		_, errZero := URLPolicy{}.Parse(tt.url)
		_, errFlag := allowed.Parse(tt.url)
		if (errZero == nil) != tt.zero {
			t.Errorf("zero policy Parse(%q) = %v, want allowed %v", tt.url, errZero, tt.zero)
		}
		if (errFlag == nil) != tt.flg {
			t.Errorf("--allow-http policy Parse(%q) = %v, want allowed %v", tt.url, errFlag, tt.flg)
		}
	}
	_, err := URLPolicy{}.Parse("http://logto:3001/")
	if !errors.Is(err, ErrInsecureURL) || !strings.Contains(err.Error(), "--allow-http") {
		t.Errorf("zero policy error %q: want ErrInsecureURL suggesting --allow-http", err)
	}
	_, err = allowed.Parse("http://evil.example:3001/")
	if !errors.Is(err, ErrInsecureURL) || !strings.Contains(err.Error(), "api.internal:80, logto:3001") {
		t.Errorf("--allow-http policy error %q: want ErrInsecureURL naming the hosts allowed", err)
	}
	_, err = AllowPlainHTTP("https://secure.example.com").Parse("http://logto:3001/")
	if !errors.Is(err, ErrInsecureURL) || strings.Contains(err.Error(), "use https, or --allow-http") {
		t.Errorf("--allow-http naming no http host: error %q; want ErrInsecureURL that does not suggest the flag given", err)
	}
	if err := allowed.Check("http://user:pw@evil.example/"); err == nil || strings.Contains(err.Error(), "pw") {
		t.Errorf("Check with credentials: %v, want an error that hides them", err)
	}
}

// TestClientAllowsOnlyPolicyHosts: the client sends plain http to a host the policy allows as
// it is named (no loopback pinning, so a service container's name works) and never through a
// proxy; any other plain http host is still held to loopback.
func TestClientAllowsOnlyPolicyHosts(t *testing.T) {
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "direct")
	}))
	defer target.Close()
	var mu sync.Mutex
	var dialed []string
	base := &http.Transport{
		Proxy: func(*http.Request) (*url.URL, error) { return url.Parse("http://proxy.invalid:1") },
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			mu.Lock()
			dialed = append(dialed, addr)
			mu.Unlock()
			return (&net.Dialer{}).DialContext(ctx, network, strings.TrimPrefix(target.URL, "http://"))
		},
	}
	policy := AllowPlainHTTP("http://intranet.example:3001")
	client := newClient(&http.Client{Transport: base}, policy, fakeHosts)

	resp, err := client.Get("http://intranet.example:3001/doc")
	if err != nil {
		t.Fatalf("GET of an allowed host: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "direct" {
		t.Errorf("allowed host answered %q, want the target's own answer", body)
	}
	if !slices.Equal(dialed, []string{"intranet.example:3001"}) {
		t.Errorf("dialed %q, want the allowed host as named, not a proxy", dialed)
	}
	for _, u := range []string{"http://evil.localhost:3001/", "http://192.0.2.1:3001/", "http://intranet.example:3002/"} {
		if _, err := client.Get(u); err == nil {
			t.Errorf("GET %s went through, want a refusal", u)
		}
	}
	if len(dialed) != 1 {
		t.Errorf("dialed %q, want no connection for the refused hosts", dialed)
	}
}
