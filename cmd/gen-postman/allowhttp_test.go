package main

import (
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// networkAddress is an IPv4 address of this machine outside loopback, as a CI service
// container's would be. The --allow-http tests need a server that plain http reaches only
// through the flag; a machine without such an address fails them rather than skip them.
func networkAddress(t *testing.T) string {
	t.Helper()
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Fatalf("listing this machine's addresses: %v", err)
	}
	for _, a := range addrs {
		n, ok := a.(*net.IPNet)
		if ok && n.IP.To4() != nil && !n.IP.IsLoopback() && !n.IP.IsLinkLocalUnicast() {
			return n.IP.String()
		}
	}
	t.Fatalf("this machine has no IPv4 address outside loopback (%v): the --allow-http tests need one to serve plain http on", addrs)
	return ""
}

// countingServer serves h over plain http on addr and counts the requests it gets.
func countingServer(t *testing.T, addr string, h http.Handler) (string, *atomic.Int32) {
	t.Helper()
	ln, err := net.Listen("tcp", net.JoinHostPort(addr, "0"))
	if err != nil {
		t.Fatalf("listening on %s: %v", addr, err)
	}
	var hits atomic.Int32
	srv := &httptest.Server{Listener: ln, Config: &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		h.ServeHTTP(w, r)
	})}}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.URL, &hits
}

// TestAllowHTTPReachesNetworkHost: verify reaches a plain http identity provider on this
// machine's network address with --allow-http, saying so on stderr, and without the flag
// refuses it with exit status 2 before sending anything.
func TestAllowHTTPReachesNetworkHost(t *testing.T) {
	addr := networkAddress(t)
	idp, err := verifytest.NewIdP(verifytest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	base, hits := countingServer(t, addr, idp)
	t.Setenv(envClientID, "m2m-app")
	t.Setenv(envClientSecret, "m2m-secret")
	t.Setenv("XDG_CACHE_HOME", t.TempDir())

	stdout, stderr, code := runCLI(t, "verify", "--endpoint", base)
	if code != 2 || !strings.Contains(stderr, "--allow-http") || stdout != "" {
		t.Errorf("without --allow-http: status %d, stdout %q, stderr %q; want 2 and a message naming --allow-http", code, stdout, stderr)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("without --allow-http the server got %d requests, want none", n)
	}

	stdout, stderr, code = runCLI(t, "verify", "--endpoint", base, "--allow-http", "--call", "/api/resources")
	if code != 0 || !strings.Contains(stdout, "PASS") || !strings.Contains(stdout, "OK: ") {
		t.Fatalf("with --allow-http: status %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	host := strings.TrimPrefix(base, "http://")
	if want := "--allow-http: plain http to " + host + ": the client secret and the access token travel unencrypted"; !strings.Contains(stderr, want) {
		t.Errorf("stderr %q does not warn %q", stderr, want)
	}
	if n := hits.Load(); n < 2 {
		t.Errorf("with --allow-http the server got %d requests, want the token request and more", n)
	}
	if strings.Contains(stdout+stderr, "m2m-secret") {
		t.Error("the output holds the client secret")
	}

	// Discovery from a plain http issuer the flag names: the metadata's endpoints are on the
	// same host and port, so they pass too.
	stdout, stderr, code = runCLI(t, "verify", "--provider", "generic", "--issuer", verifytest.Issuer(base), "--allow-http")
	if code != 0 || !strings.Contains(stderr, "discovered from "+verifytest.Issuer(base)) {
		t.Errorf("discovery from an http issuer with --allow-http: status %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// TestAllowHTTPRefusesWhatOthersName: with --allow-http, a plain http URL that discovery
// metadata or a collection names is refused unless a flag names its host and port, and the
// host it would have steered the secret or the token to gets nothing.
func TestAllowHTTPRefusesWhatOthersName(t *testing.T) {
	addr := networkAddress(t)
	t.Setenv(envClientID, "m2m-app")
	t.Setenv(envClientSecret, "m2m-secret")
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	// elsewhere stands for a host the user never named: any request to it is a failure.
	elsewhere, elsewhereHits := countingServer(t, addr, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("%s %s reached a host no flag named", r.Method, r.URL)
		http.Error(w, "no", http.StatusTeapot)
	}))
	idp, err := verifytest.NewIdP(verifytest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	base, _ := countingServer(t, addr, idp)

	t.Run("discovery metadata", func(t *testing.T) {
		var issuer string
		mux := http.NewServeMux()
		mux.HandleFunc("GET /.well-known/openid-configuration", func(w http.ResponseWriter, r *http.Request) {
			json.NewEncoder(w).Encode(map[string]string{"issuer": issuer, "token_endpoint": elsewhere + "/token", "jwks_uri": elsewhere + "/jwks"})
		})
		issuer, _ = countingServer(t, addr, mux)
		_, stderr, code := runCLI(t, "generate", "--provider", "generic", "--issuer", issuer, "--allow-http", "--client-id", "m2m-app")
		if code == 0 || !strings.Contains(stderr, "unusable token_endpoint") {
			t.Errorf("discovery naming another plain http host: status %d, stderr %q; want a refusal of its token_endpoint", code, stderr)
		}
	})

	dir := t.TempDir()
	col := filepath.Join(dir, "c.json")
	if _, stderr, code := runCLI(t, "generate", "--endpoint", base, "--allow-http", "-o", col); code != 0 {
		t.Fatalf("generate: status %d, stderr %q", code, stderr)
	}
	t.Run("collection without a flag naming its host", func(t *testing.T) {
		stdout, stderr, code := runCLI(t, "verify", "--collection", col, "--allow-http")
		if code != 2 || !strings.Contains(stderr, "allows nothing here") || !strings.Contains(stderr, "none is given") || strings.Contains(stderr, "or --allow-http") {
			t.Errorf("status %d\nstdout:\n%s\nstderr:\n%s\nwant 2: the collection's token URL names no host a flag allowed", code, stdout, stderr)
		}
	})
	t.Run("collection with its token URL named", func(t *testing.T) {
		stdout, stderr, code := runCLI(t, "verify", "--collection", col, "--allow-http", "--token-url", base+"/oidc/token")
		if code != 0 {
			t.Errorf("status %d\nstdout:\n%s\nstderr:\n%s\nwant 0", code, stdout, stderr)
		}
	})
	t.Run("collection whose baseUrl is another host", func(t *testing.T) {
		data, err := os.ReadFile(col)
		if err != nil {
			t.Fatal(err)
		}
		edited := filepath.Join(dir, "edited.json")
		if err := os.WriteFile(edited, []byte(strings.ReplaceAll(string(data), `"value": "`+base+`"`, `"value": "`+elsewhere+`"`)), 0o644); err != nil {
			t.Fatal(err)
		}
		stdout, stderr, code := runCLI(t, "verify", "--collection", edited, "--allow-http", "--token-url", base+"/oidc/token", "--call")
		if code != 2 || !strings.Contains(stderr, "collection's baseUrl variable") || !strings.Contains(stderr, "--allow-http admits only "+strings.TrimPrefix(base, "http://")) {
			t.Errorf("status %d\nstdout:\n%s\nstderr:\n%s\nwant 2: the call would take the token to a host no flag named", code, stdout, stderr)
		}
	})
	if n := elsewhereHits.Load(); n != 0 {
		t.Errorf("the host no flag named got %d requests", n)
	}
}
