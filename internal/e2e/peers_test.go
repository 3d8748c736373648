//go:build e2e

package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"
)

// e2eDir holds the Node packages of the real peers: an oidc-provider server and Newman.
var e2eDir = filepath.Join("..", "..", "testdata", "e2e")

// requireNode fails the test when Node or the pinned packages are missing: these tests run the
// real peers and must never be skipped quietly. make test installs the packages.
func requireNode(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatalf("node is not installed: the end-to-end tests need Node.js 20 or later (%v)", err)
	}
	if _, err := os.Stat(filepath.Join(e2eDir, "node_modules", "oidc-provider")); err != nil {
		t.Fatalf("the end-to-end packages are not installed: run make test, or npm ci in %s (%v)", e2eDir, err)
	}
}

// fixtureClient is a client the e2e server knows, from testdata/e2e/clients.json.
type fixtureClient struct {
	ID     string `json:"id"`
	Secret string `json:"secret"`
	Auth   string `json:"auth"`
	Scope  string `json:"scope"`
	// Provider is the preset whose server knows the client; empty for Logto's.
	Provider string `json:"provider"`
}

func loadClients(t *testing.T) map[string]fixtureClient {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(e2eDir, "clients.json"))
	if err != nil {
		t.Fatal(err)
	}
	var file struct{ Clients []fixtureClient }
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	clients := map[string]fixtureClient{}
	for _, c := range file.Clients {
		clients[c.ID] = c
	}
	return clients
}

// oauthServer is a running testdata/e2e/server.js.
type oauthServer struct {
	Base     string `json:"base"`
	Issuer   string `json:"issuer"`
	TokenURL string `json:"tokenUrl"`
	JWKSURL  string `json:"jwksUrl"`
	// IntrospectionURL is oidc-provider's RFC 7662 endpoint; it introspects opaque tokens only.
	IntrospectionURL string `json:"introspectionUrl"`
	// Servers are oidc-provider configured as the identity servers of the presets.
	Servers identityServers `json:"servers"`
}

// identityServers say where testdata/e2e/identity-servers.js serves each identity server.
type identityServers struct {
	Keycloak struct {
		Endpoint string `json:"endpoint"`
		Realm    string `json:"realm"`
		Issuer   string `json:"issuer"`
		Audience string `json:"audience"`
	} `json:"keycloak"`
	Entra struct {
		Tenant   string `json:"tenant"`
		TokenURL string `json:"tokenUrl"`
		JWKSURL  string `json:"jwksUrl"`
		Graph    string `json:"graph"`
	} `json:"entra"`
	Zitadel struct {
		Endpoint string `json:"endpoint"`
	} `json:"zitadel"`
	Okta struct {
		Endpoint string `json:"endpoint"`
		Scope    string `json:"scope"`
	} `json:"okta"`
}

// startOAuthServer starts the real OAuth server on 127.0.0.1 with the given signing algorithm
// and token lifetime, and server.js's extra arguments; it stops when the test ends.
func startOAuthServer(t *testing.T, alg string, ttl int, extra ...string) *oauthServer {
	t.Helper()
	var s oauthServer
	startNodeServer(t, "server.js", append([]string{"--alg", alg, "--ttl", strconv.Itoa(ttl)}, extra...), &s)
	if s.Base == "" {
		t.Fatal("the OAuth server's ready line names no base URL")
	}
	return &s
}

// startNodeServer runs one of testdata/e2e's servers with args and reads the JSON line it
// prints when ready into ready. The server exits when its stdin closes, at the end of the test.
func startNodeServer(t *testing.T, script string, args []string, ready any) {
	t.Helper()
	requireNode(t)
	cmd := exec.Command("node", append([]string{script}, args...)...)
	cmd.Dir = e2eDir
	stdin, err := cmd.StdinPipe() // the server exits when this closes
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", script, err)
	}
	t.Cleanup(func() {
		stdin.Close()
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	lines := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		lines <- line
		io.Copy(io.Discard, stdout)
	}()
	select {
	case line := <-lines:
		if err := json.Unmarshal([]byte(line), ready); err != nil {
			t.Fatalf("%s did not start (ready line %q): %v\n%s", script, line, err, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("%s did not start in 30s:\n%s", script, stderr.String())
	}
}

// lockedBuffer is a bytes.Buffer that a process writes while a test may read it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// serverStats are the OAuth server's counters.
type serverStats struct {
	TokenRequests   int `json:"tokenRequests"`
	TokenErrors     int `json:"tokenErrors"`
	APIRequests     int `json:"apiRequests"`
	APIUnauthorized int `json:"apiUnauthorized"`
	OpenRequests    int `json:"openRequests"`
	// OpenWithAuthorization counts requests to /open that carried an Authorization header.
	OpenWithAuthorization int `json:"openWithAuthorization"`
	// SecretLeaks counts requests anywhere but the token endpoint that carried a client secret.
	SecretLeaks int `json:"secretLeaks"`
	// TokensIssued counts token requests answered 200; NonceChallenges the 400 use_dpop_nonce
	// answers; DPoPProofs the API requests whose DPoP proof was good.
	TokensIssued    int `json:"tokensIssued"`
	NonceChallenges int `json:"nonceChallenges"`
	DPoPProofs      int `json:"dpopProofs"`
}

func (s *oauthServer) stats(t *testing.T) serverStats {
	t.Helper()
	resp, err := http.Get(s.Base + "/__stats")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var st serverStats
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		t.Fatal(err)
	}
	return st
}

// newmanRun is what Newman's JSON reporter says of a run.
type newmanRun struct {
	Run struct {
		Stats struct {
			Requests   struct{ Total, Failed int }
			Assertions struct{ Total, Failed int }
		}
		Executions []newmanExecution
		Failures   []struct {
			Error struct {
				Test    string
				Message string
			}
			// Source is the item whose script failed.
			Source struct{ Name string }
		}
	}
}

// newmanExecution is one exchange of a run. Newman's JSON report also lists the token requests
// the pre-request script sends, under the item that triggered them.
type newmanExecution struct {
	Item     struct{ Name string }
	Response struct{ Code int }
	// Assertions are the tests the scripts made about the exchange, by name.
	Assertions []struct{ Assertion string }
}

// runNewman runs Newman on a collection and returns its report, console output and exit error.
func runNewman(t *testing.T, args ...string) (newmanRun, string, error) {
	t.Helper()
	requireNode(t)
	report := filepath.Join(t.TempDir(), "newman.json")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	bin, err := filepath.Abs(filepath.Join(e2eDir, "node_modules", "newman", "bin", "newman.js"))
	if err != nil {
		t.Fatal(err)
	}
	full := append([]string{bin, "run"}, args...)
	full = append(full, "--reporters", "cli,json", "--reporter-json-export", report, "--color", "off", "--disable-unicode")
	cmd := exec.CommandContext(ctx, "node", full...)
	out, runErr := cmd.CombinedOutput()
	var run newmanRun
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatalf("newman wrote no report (%v):\n%s", runErr, out)
	}
	if err := json.Unmarshal(data, &run); err != nil {
		t.Fatalf("reading newman's report: %v", err)
	}
	return run, unwrapConsole(string(out)), runErr
}

// consoleWrap matches where Newman's CLI reporter wraps a script's console line: the line ends,
// and the next starts with spaces and "| ".
var consoleWrap = regexp.MustCompile(`\n *\| `)

// unwrapConsole joins the console lines that Newman wrapped to its column width.
func unwrapConsole(out string) string { return consoleWrap.ReplaceAllString(out, "") }

// sdkView is what Postman's own collection SDK (postman-collection) reads from a file.
type sdkView struct {
	AuthType  string            `json:"authType"`
	OAuth2    map[string]any    `json:"oauth2"`
	Variables map[string]string `json:"variables"`
	Items     int               `json:"items"`
	Events    []string          `json:"events"`
}

func loadWithPostmanSDK(t *testing.T, file string) sdkView {
	t.Helper()
	requireNode(t)
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", "check-sdk.js", abs)
	cmd.Dir = e2eDir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("postman-collection could not load %s: %v", file, err)
	}
	var v sdkView
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("reading check-sdk output %q: %v", out, err)
	}
	return v
}
