package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSecretFileRefusals: a --client-secret-file that holds no usable secret is refused with
// exit 2, naming that flag and the file (not --client-secret), and without its content.
func TestSecretFileRefusals(t *testing.T) {
	dir := t.TempDir()
	for name, tt := range map[string]struct{ content, says string }{
		"empty":        {"\n", "empty"},
		"lines":        {"first-secret-line\nsecond-secret-line\n", "several lines"},
		"control":      {"secret-with\x01control\n", "not printable ASCII"},
		"past ascii":   {"secret-with-é-accent\n", "not printable ASCII"},
		"over the cap": {strings.Repeat("s", maxSecretFile+1), "not a client secret"},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".txt")
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			stdout, stderr, code := runCLI(t, "--provider", "generic", "--token-url", "https://id.example.com/token", "--client-id", "svc",
				"--client-secret-file", path)
			if code != int(exitUsage) || stdout != "" || !strings.Contains(stderr, `--client-secret-file "`+path+`"`) || !strings.Contains(stderr, tt.says) {
				t.Errorf("exit %d, want 2 naming --client-secret-file %q and %q\n%s", code, path, tt.says, stderr)
			}
			for _, line := range strings.Split(strings.TrimSpace(tt.content), "\n") {
				if len(line) > 4 && strings.Contains(stderr, line) {
					t.Errorf("stderr shows the file's content %q", line)
				}
			}
		})
	}
}
