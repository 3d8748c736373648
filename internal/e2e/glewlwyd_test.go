//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// glewlwydEndpoints are where one instance of Glewlwyd's OIDC plugin answers.
type glewlwydEndpoints struct {
	Issuer           string `json:"issuer"`
	TokenURL         string `json:"tokenUrl"`
	JWKSURL          string `json:"jwksUrl"`
	IntrospectionURL string `json:"introspectionUrl"`
}

// glewlwydServer is a running testdata/e2e/glewlwyd.js: Glewlwyd behind a proxy at Base that
// counts as server.js does and serves the protected API at Base's root.
type glewlwydServer struct {
	Base string `json:"base"`
	glewlwydEndpoints
	// Nonce is the plugin instance that wants a DPoP nonce in every proof.
	Nonce glewlwydEndpoints `json:"nonce"`
}

// glewlwydSchema is the database schema Debian's glewlwyd package ships, which glewlwyd.js reads.
const glewlwydSchema = "/usr/share/doc/glewlwyd/database/init.sqlite3.sql.gz"

// requireGlewlwyd stops the test when Glewlwyd is not installed: under CI (CI=true) as a
// failure, elsewhere as a skip that says the Glewlwyd matrix did not run and how to get it.
// make test installs it where the machine allows (testdata/e2e/install-glewlwyd.sh).
func requireGlewlwyd(t *testing.T) {
	t.Helper()
	var missing string
	for _, bin := range []string{"glewlwyd", "sqlite3"} {
		if _, err := exec.LookPath(bin); err != nil {
			missing = bin + " is not installed"
		}
	}
	if _, err := os.Stat(glewlwydSchema); missing == "" && err != nil {
		missing = glewlwydSchema + " is missing"
	}
	if missing == "" {
		return
	}
	msg := "the Glewlwyd matrix did not run: " + missing + "; install it with testdata/e2e/install-glewlwyd.sh as root " +
		"(apt-get install glewlwyd sqlite3, Debian 12 or later)"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + ". CI must run it")
	}
	t.Skip(msg)
}

// startGlewlwyd starts Glewlwyd with the fixed clients of clients.json and clients, with token
// lifetime ttl; it stops when the test ends.
func startGlewlwyd(t *testing.T, ttl int, clients ...keyClient) *glewlwydServer {
	t.Helper()
	requireGlewlwyd(t)
	args := []string{"--ttl", strconv.Itoa(ttl)}
	if len(clients) > 0 {
		file := filepath.Join(t.TempDir(), "key-clients.json")
		data, err := json.Marshal(clients)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, data, 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, "--key-clients", file)
	}
	var s glewlwydServer
	startNodeServer(t, "glewlwyd.js", args, &s)
	if s.Base == "" || s.TokenURL == "" || s.Nonce.TokenURL == "" {
		t.Fatalf("glewlwyd.js's ready line lacks its URLs: %+v", s)
	}
	return &s
}

// statsAt reads the counters of the server.js or glewlwyd.js at base.
func statsAt(t *testing.T, base string) serverStats {
	t.Helper()
	return (&oauthServer{Base: base}).stats(t)
}

// resetStatsAt sets the counters of the server.js or glewlwyd.js at base to zero.
func resetStatsAt(t *testing.T, base string) {
	t.Helper()
	resetStats(t, &oauthServer{Base: base})
}
