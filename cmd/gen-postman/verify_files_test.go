package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVerifyNamesTheFileItCannotRead: a --collection or --environment that is not JSON is
// refused with exit 2, naming the file, as every other file's error does.
func TestVerifyNamesTheFileItCannotRead(t *testing.T) {
	dir := t.TempDir()
	binary := filepath.Join(dir, "bin.dat")
	if err := os.WriteFile(binary, []byte("\x9e\x01binary"), 0o600); err != nil {
		t.Fatal(err)
	}
	coll := filepath.Join(dir, "c.json")
	if _, stderr, code := runCLI(t, "--provider", "generic", "--token-url", "https://id.example.com/token", "--client-id", "svc", "-o", coll); code != 0 {
		t.Fatalf("generate: exit %d\n%s", code, stderr)
	}
	for flag, args := range map[string][]string{
		"--collection":  {"verify", "--collection", binary},
		"--environment": {"verify", "--collection", coll, "--environment", binary},
	} {
		_, stderr, code := runCLI(t, args...)
		if code != int(exitUsage) || !strings.Contains(stderr, "invalid "+flag+` "`+binary+`": not a JSON`) {
			t.Errorf("%s: exit %d, want 2 naming the file\n%s", flag, code, stderr)
		}
	}
}
