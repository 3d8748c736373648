package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/gen-postman/gen-postman/internal/network"
)

const servedDocument = `{"openapi": "3.0.1", "info": {"title": "T", "version": "1"},
  "paths": {"/api/things": {"get": {"summary": "List things", "responses": {"200": {"description": "OK"}}}}}}`

// TestOpenAPIFromURL fetches the document over http from this machine, as from a
// self-hosted server's /api/swagger.json, and refuses what is not a plain 200 answer.
func TestOpenAPIFromURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/swagger.json":
			w.Write([]byte(servedDocument))
		case "/moved":
			http.Redirect(w, r, "/api/swagger.json", http.StatusFound)
		case "/huge":
			// No Content-Length: the body is read up to the cap.
			w.Write([]byte(`{"openapi": "3.0.1", "x": "`))
			for range 2 << 10 {
				w.Write([]byte(strings.Repeat("a", 1024)))
			}
			w.(http.Flusher).Flush()
		case "/announced":
			// A Content-Length over the cap is refused before any of the body is read: this
			// handler never writes it.
			w.Header().Set("Content-Length", strconv.Itoa(8<<20))
			w.WriteHeader(http.StatusOK)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	defer lowerOpenAPICap(t, 1<<20)()

	stdout, stderr, code := runCLI(t, "--tenant", "acme", "--openapi", srv.URL+"/api/swagger.json")
	if code != 0 || !strings.Contains(stdout, `"name": "List things"`) {
		t.Fatalf("exit %d, stderr %s; want the served operation", code, stderr)
	}
	for path, want := range map[string]string{
		"/moved":     "HTTP 302",
		"/missing":   "HTTP 404",
		"/huge":      "document is too large: over 1 MiB",
		"/announced": "document is too large: 8388608 bytes, over 1 MiB",
	} {
		stdout, stderr, code := runCLI(t, "--tenant", "acme", "--openapi", srv.URL+path)
		if code != int(exitUsage) || stdout != "" || !strings.Contains(stderr, want) || !strings.Contains(stderr, `invalid --openapi "`+srv.URL+path) {
			t.Errorf("%s: exit %d, stdout %d bytes, stderr %q; want exit 2 naming the URL and %q", path, code, len(stdout), stderr, want)
		}
	}
}

// lowerOpenAPICap sets the document size cap to limit and returns what restores it.
func lowerOpenAPICap(t *testing.T, limit int64) func() {
	t.Helper()
	saved := maxOpenAPISize
	maxOpenAPISize = limit
	return func() { maxOpenAPISize = saved }
}

// TestOpenAPIFileOverCap refuses a file by its size, before reading it: the message names the
// size, which only the file's metadata gives, and the file (sparse, with no data) is never read.
// A document on stdin redirected from such a file is refused the same way, and one piped in is
// read up to the cap.
func TestOpenAPIFileOverCap(t *testing.T) {
	defer lowerOpenAPICap(t, 1<<20)()
	path := filepath.Join(t.TempDir(), "huge.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1<<20 + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	stdout, stderr, code := runCLI(t, "--tenant", "acme", "--openapi", path)
	want := "document is too large: 1048577 bytes, over 1 MiB"
	if code != int(exitUsage) || stdout != "" || !strings.Contains(stderr, want) || !strings.Contains(stderr, "invalid --openapi") {
		t.Errorf("exit %d, stdout %d bytes, stderr %q; want exit 2 and %q", code, len(stdout), stderr, want)
	}

	in, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	if _, err := readSource(t.Context(), nil, network.URLPolicy{}, "-", in); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("stdin from the file: %v; want %q", err, want)
	}
	piped := io.MultiReader(strings.NewReader(`{"x": "`), strings.NewReader(strings.Repeat("a", 1<<20)))
	if _, err := readSource(t.Context(), nil, network.URLPolicy{}, "-", piped); err == nil || !strings.Contains(err.Error(), "document is too large: over 1 MiB") {
		t.Errorf("piped stdin: %v; want the cap", err)
	}
}

// TestReadUpTo reads a source that turns out shorter or longer than announced whole.
func TestReadUpTo(t *testing.T) {
	for _, tt := range []struct {
		data  string
		size  int64
		limit int64
		want  int
	}{
		{"abcdef", 6, 10, 6},
		{"abcdef", 3, 10, 6},
		{"abcdef", 9, 10, 6},
		{"abcdef", -1, 10, 6},
		{"abcdef", 3, 4, 5},
		{"abcdef", -1, 4, 5},
	} {
		got, err := readUpTo(strings.NewReader(tt.data), tt.size, tt.limit)
		if err != nil || len(got) != tt.want || string(got) != tt.data[:tt.want] {
			t.Errorf("readUpTo(%q, %d, %d) = %q, %v; want %d bytes", tt.data, tt.size, tt.limit, got, err, tt.want)
		}
	}
}

// TestProviderOpenAPIKinde fetches Kinde's Management API document from where Kinde publishes
// it, whatever the tenant, over TLS.
func TestProviderOpenAPIKinde(t *testing.T) {
	var mu sync.Mutex
	var fetched []string
	client := anyHostTLSClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		fetched = append(fetched, r.Method+" https://"+r.Host+r.URL.RequestURI())
		mu.Unlock()
		w.Write([]byte(servedDocument))
	}))
	var stdout, stderr bytes.Buffer
	code := runWith(context.Background(), []string{"gen-postman", "--provider", "kinde", "--tenant", "acme", "--provider-openapi"}, &stdout, &stderr, client)
	const want = "https://raw.githubusercontent.com/kinde-oss/management-api-js/main/spec/kinde-mgmt-api-specs.yaml"
	if code != 0 || !strings.Contains(stdout.String(), `"name": "List things"`) {
		t.Fatalf("exit %d, stderr %s; want the served operation", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "reading Kinde's OpenAPI document "+want+"\n") {
		t.Errorf("stderr %q does not name the document", stderr.String())
	}
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(fetched, []string{"GET " + want}) {
		t.Errorf("fetched %q, want only GET %s", fetched, want)
	}
}
