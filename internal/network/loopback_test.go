package network

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

// fakeHosts resolves names as a hosts file would: good.localhost to this machine,
// evil.localhost to another, mixed.localhost to both.
func fakeHosts(_ context.Context, _, host string) ([]netip.Addr, error) {
	switch host {
	case "good.localhost":
		return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
	case "evil.localhost":
		return []netip.Addr{netip.MustParseAddr("192.0.2.1")}, nil
	case "mixed.localhost":
		return []netip.Addr{netip.MustParseAddr("127.0.0.1"), netip.MustParseAddr("192.0.2.1")}, nil
	}
	return nil, fmt.Errorf("no such host %q", host)
}

// TestPlainHTTPStaysOnLoopback: plain http goes only to a name that resolves to loopback
// alone, is dialed to the address it resolved to, and never goes through a proxy, even one
// the environment names.
func TestPlainHTTPStaysOnLoopback(t *testing.T) {
	var direct, proxied atomic.Int32
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		direct.Add(1)
		io.WriteString(w, "direct")
	}))
	defer target.Close()
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		proxied.Add(1)
		http.Error(w, "proxied", http.StatusBadGateway)
	}))
	defer proxy.Close()
	proxyURL, _ := url.Parse(proxy.URL)
	_, port, _ := strings.Cut(strings.TrimPrefix(target.URL, "http://"), ":")

	// A transport as a user's environment would make it: every request through the proxy.
	base := &http.Transport{Proxy: func(*http.Request) (*url.URL, error) { return proxyURL, nil }}
	client := newClient(&http.Client{Transport: base}, URLPolicy{}, fakeHosts)

	for _, host := range []string{"127.0.0.1", "good.localhost"} {
		resp, err := client.Get("http://" + host + ":" + port + "/")
		if err != nil {
			t.Fatalf("GET via %s: %v", host, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(body) != "direct" {
			t.Errorf("GET via %s answered %q, want the target's own answer", host, body)
		}
	}
	if proxied.Load() != 0 || direct.Load() != 2 {
		t.Errorf("%d requests went through the proxy and %d direct; want 0 and 2", proxied.Load(), direct.Load())
	}
	for _, host := range []string{"evil.localhost", "mixed.localhost", "192.0.2.1", "unknown.localhost"} {
		_, err := client.Get("http://" + host + ":" + port + "/")
		if err == nil {
			t.Errorf("GET http://%s: no error, want a refusal", host)
		} else if host != "unknown.localhost" && !errors.Is(err, ErrInsecureURL) {
			t.Errorf("GET http://%s: %v, want %v", host, err, ErrInsecureURL)
		}
	}
	if proxied.Load() != 0 {
		t.Errorf("%d requests went through the proxy", proxied.Load())
	}
}
