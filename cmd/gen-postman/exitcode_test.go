package main

import "testing"

// TestExitCodes pins the exit statuses, which scripts and CI depend on.
func TestExitCodes(t *testing.T) {
	t.Setenv(envClientSecret, "")
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
		{[]string{"--tenant", "acme", "-o", "/nonexistent-dir/c.json"}, exitFailure},
		{[]string{"--tenant", "acme", "-o", t.TempDir()}, exitUsage},
		{[]string{"verify", "--collection", t.TempDir()}, exitUsage},
		{[]string{"verify", "--collection", "/dev/zero"}, exitUsage},
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
