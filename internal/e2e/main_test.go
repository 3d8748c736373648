//go:build e2e

// Package e2e runs gen-postman against the real peers: Newman runs the collections it writes,
// and an OAuth server built on oidc-provider issues the tokens that generate's script and
// verify get. It needs Node.js and the packages pinned in testdata/e2e, which make test
// installs; run it with go test -tags e2e ./internal/e2e.
package e2e

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Exit statuses and environment variables of the command-line contract.
const (
	envClientSecret = "GEN_POSTMAN_CLIENT_SECRET"

	exitUsage        = 2
	exitCheckFailed  = 3
	exitTokenRequest = 4
)

// exitCode is a process exit status.
type exitCode = int

// binary is the gen-postman built for this run.
var binary string

// TestMain builds gen-postman once, as a user would, and runs every test against that binary.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gen-postman-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "gen-postman")
	// verify's cache goes in this run's directory, never the user's. Go's build cache lives
	// under the same XDG_CACHE_HOME by default: pin it first, or every build here (this one,
	// make build's) would start from nothing.
	goCache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err == nil {
		err = os.Setenv("GOCACHE", strings.TrimSpace(string(goCache)))
	}
	if err == nil {
		err = os.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "setting up the caches: %v\n", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	build := exec.Command("go", "build", "-o", binary, "../../cmd/gen-postman")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "building gen-postman: %v\n", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runCLI runs gen-postman with args in the test's environment and returns its output and
// exit status.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := exec.Command(binary, args...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr):
		code = exitErr.ExitCode()
	default:
		t.Fatalf("running gen-postman: %v", err)
	}
	return out.String(), errOut.String(), code
}
