package main

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestVerboseRefusesAnAnnouncedSizeAtOnce: with --verbose, a document whose Content-Length is
// over the cap is refused as soon as the answer's head arrives, as without it, even when the
// server then sends nothing and holds the connection open: the trace does not read the body
// ahead of the caller.
func TestVerboseRefusesAnAnnouncedSizeAtOnce(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(8<<20))
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	defer lowerOpenAPICap(t, 1<<20)()
	for _, verbose := range []bool{false, true} {
		args := []string{"--tenant", "acme", "--openapi", srv.URL + "/held.json"}
		if verbose {
			args = append(args, "--verbose")
		}
		start := time.Now()
		stdout, stderr, code := runCLI(t, args...)
		took := time.Since(start)
		if code != int(exitUsage) || stdout != "" || !strings.Contains(stderr, "document is too large: 8388608 bytes, over 1 MiB") {
			t.Errorf("verbose %v: exit %d, stdout %d bytes, stderr %q; want exit 2 and the announced size refused", verbose, code, len(stdout), stderr)
		}
		if took > 5*time.Second {
			t.Errorf("verbose %v: refused after %s, want at once", verbose, took.Round(time.Millisecond))
		}
		if verbose && !strings.Contains(stderr, "< Content-Length: 8388608") {
			t.Errorf("the trace does not show the answer:\n%s", stderr)
		}
	}
}
