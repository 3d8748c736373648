package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestExitCodes pins the exit statuses, which scripts and CI depend on: 2 for usage and bad
// input, 1 for the network and the file system, 3 and 4 for verify's verdicts (verify_exitcodes.txtar
// holds those against a fake identity provider).
func TestExitCodes(t *testing.T) {
	t.Setenv(envClientSecret, "")
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // verify's cache, never the user's
	notADir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notADir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want exitCode
	}{
		{[]string{"--tenant", "acme"}, exitOK},
		{[]string{"generate", "--tenant", "acme"}, exitOK},
		{[]string{"providers"}, exitOK},
		{[]string{"--help"}, exitOK},
		{[]string{"--bogus"}, exitUsage},
		{[]string{"generate", "--bogus"}, exitUsage},
		{[]string{"providers", "--bogus"}, exitUsage},
		{[]string{"--tenant", "-bad-"}, exitUsage},
		{[]string{"--provider", "nope", "--tenant", "a"}, exitUsage},
		{[]string{"--tenant", "acme", "stray"}, exitUsage},
		{[]string{"--tenant", "acme", "-o", filepath.Join(notADir, "c.json")}, exitFailure},
		{[]string{"--provider", "generic", "--issuer", "http://127.0.0.1:1/oidc"}, exitFailure}, // no server to discover
		{[]string{"--provider", "generic", "--issuer", "http://id.example.com"}, exitUsage},
		{[]string{"--provider", "kinde", "generate", "--tenant", "acme"}, exitOK},
		{[]string{"-o", "x.json", "verify"}, exitUsage},
		{[]string{"verify", "--max-lifetime", "30"}, exitUsage},
		{[]string{"help", "verify"}, exitOK},
		{[]string{"help", "nosuch"}, exitUsage},
		{[]string{"verfiy"}, exitUsage},
		{[]string{"version"}, exitUsage},
		{[]string{"--tenant", "https://acme.logto.app"}, exitUsage},
		{[]string{"--tenant", "acme", "--client-auth", "client_secret_basic"}, exitUsage},
		{[]string{"--tenant", "acme", "--openapi", "https://127.0.0.1:1/api.json"}, exitFailure}, // no server to answer
		{[]string{"--tenant", "acme", "--openapi", "http://api.example.com/api.json"}, exitUsage},
		{[]string{"--tenant", "acme", "--openapi", filepath.Join(t.TempDir(), "missing.json")}, exitUsage},
		{[]string{"completion", "bash"}, exitOK},
		{[]string{"completion", "tcsh"}, exitUsage},
		{[]string{"--tenant", "acme", "-o", t.TempDir()}, exitUsage},
		{[]string{"verify", "--collection", t.TempDir()}, exitUsage},
		{[]string{"verify", "--collection", "/dev/zero"}, exitUsage},
		{[]string{"update", notADir}, exitUsage},                                // no --openapi
		{[]string{"update", "--openapi", notADir}, exitUsage},                   // no collection
		{[]string{"update", "--openapi", notADir, t.TempDir()}, exitUsage},      // a directory
		{[]string{"update", "--openapi", notADir, notADir, notADir}, exitUsage}, // two collections
		{[]string{"update", "--openapi", notADir, notADir}, exitUsage},          // an empty file
	}
	for _, tt := range tests {
		stdout, stderr, code := runCLI(t, tt.args...)
		if exitCode(code) != tt.want {
			t.Errorf("gen-postman %q: exit %d, want %d\nstderr: %s", tt.args, code, tt.want, stderr)
		}
		if code != 0 && stdout != "" {
			t.Errorf("gen-postman %q failed but wrote %d bytes to stdout", tt.args, len(stdout))
		}
	}
}
