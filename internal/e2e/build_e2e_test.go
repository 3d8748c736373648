//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMakeBuildStampsTheVersion builds gen-postman with make build, as the README says, and
// checks that --version and the environment file carry the version git describe gives, not
// "(devel)".
func TestMakeBuildStampsTheVersion(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "gen-postman")
	make := exec.Command("make", "-C", "../..", "build", "BIN="+bin)
	if out, err := make.CombinedOutput(); err != nil {
		t.Fatalf("make build: %v\n%s", err, out)
	}
	describe, err := exec.Command("git", "describe", "--tags", "--always", "--dirty").Output()
	if err != nil {
		t.Fatalf("git describe: %v", err)
	}
	want := strings.TrimSpace(string(describe))

	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatalf("gen-postman --version: %v", err)
	}
	if got := strings.TrimSpace(string(out)); got != "gen-postman version "+want {
		t.Errorf("--version printed %q, want the version %q", got, want)
	}

	envFile := filepath.Join(dir, "env.json")
	if out, err := exec.Command(bin, "--tenant", "acme", "--env-output", envFile).CombinedOutput(); err != nil {
		t.Fatalf("generating an environment: %v\n%s", err, out)
	}
	data, err := os.ReadFile(envFile)
	if err != nil {
		t.Fatal(err)
	}
	var env struct {
		ExportedUsing string `json:"_postman_exported_using"`
	}
	if err := json.Unmarshal(data, &env); err != nil {
		t.Fatal(err)
	}
	if env.ExportedUsing != "gen-postman/"+want {
		t.Errorf("_postman_exported_using is %q, want %q", env.ExportedUsing, "gen-postman/"+want)
	}
}
