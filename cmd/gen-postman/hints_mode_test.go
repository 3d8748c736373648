package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestCollectionHintsNameNoRefusedFlag checks that verify --collection, whose mode refuses
// --tenant and --endpoint, never tells the user to give them.
func TestCollectionHintsNameNoRefusedFlag(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv(envClientSecret, "a-secret")
	col := filepath.Join(t.TempDir(), "c.json")
	if _, stderr, code := runCLI(t, "--provider", "generic", "--token-url", "https://nosuch.invalid/token",
		"--resource", "https://api.example.com", "-o", col); code != 0 {
		t.Fatalf("generate: exit %d: %s", code, stderr)
	}
	stdout, stderr, code := runCLI(t, "verify", "--collection", col, "--client-id", "x", "--timeout", "5s")
	if exitCode(code) != exitTokenRequest {
		t.Fatalf("exit %d, want %d\n%s%s", code, exitTokenRequest, stdout, stderr)
	}
	if !strings.Contains(stdout, "the collection's URLs") {
		t.Errorf("the hint names no setting of the collection:\n%s", stdout)
	}
	if strings.Contains(stdout+stderr, "--tenant") || strings.Contains(stdout+stderr, "--endpoint") {
		t.Errorf("a hint names a flag --collection refuses:\n%s%s", stdout, stderr)
	}
}
