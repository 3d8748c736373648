//go:build unix

package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNamedFilesNeverBlock: --private-key naming a FIFO (and a directory, and a device) is
// refused at once with status 2, by generate and by verify: opening a FIFO for reading would
// wait for a writer that never comes.
func TestNamedFilesNeverBlock(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "key.pem")
	if err := mkfifo(fifo); err != nil {
		t.Fatal(err)
	}
	gen := []string{"--provider", "generic", "--token-url", "https://id.example.com/token", "--client-id", "svc"}
	for _, c := range []struct{ file, says string }{
		{fifo, "a FIFO"}, {dir, "is a directory"}, {os.DevNull, "a character device"},
	} {
		for _, args := range [][]string{
			append(append([]string{"generate"}, gen...), "--private-key", c.file),
			append(append([]string{"verify"}, gen...), "--private-key", c.file, "--timeout", "1s"),
		} {
			done := make(chan struct{})
			var stderr string
			var code int
			go func() {
				defer close(done)
				_, stderr, code = runCLI(t, args...)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatalf("%q still runs after 10 s", args)
			}
			if code != 2 || !strings.Contains(stderr, "invalid --private-key") || !strings.Contains(stderr, c.says) {
				t.Errorf("%q: exit %d, want 2 saying %q\n%s", args, code, c.says, stderr)
			}
		}
	}
}

// TestFirstSignalEndsTheRun: a run stuck where its context does not reach (here, reading an
// OpenAPI document from a pipe that stays open) ends soon after the first SIGTERM or SIGINT,
// by that signal, as timeout(1), systemd and CI runners expect.
func TestFirstSignalEndsTheRun(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, os.Args[0], "--provider", "generic", "--token-url", "https://id.example.com/token", "--openapi", "-")
			cmd.Env = append(os.Environ(), mainHelperEnv+"=1")
			stdin, err := cmd.StdinPipe() // held open: the read never ends by itself
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			// Let it reach the read, then send one signal only.
			select {
			case err := <-exited:
				t.Fatalf("the run ended before the signal: %v", err)
			case <-time.After(time.Second):
			}
			sent := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-exited:
				var exitErr *exec.ExitError
				if !errors.As(err, &exitErr) {
					t.Fatalf("ended with %v, want ended by %v", err, sig)
				}
				if ws, ok := exitErr.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != sig {
					t.Errorf("ended with %v, want ended by %v", err, sig)
				}
				t.Logf("ended %v after the signal", time.Since(sent).Round(time.Millisecond))
			case <-time.After(10 * time.Second):
				t.Fatalf("the run still runs 10 s after the first %v", sig)
			}
		})
	}
}

// TestKeyFileOpenToOthers: a key file others may write is refused, since they could put their
// own key in it; one others may read is used with a warning.
func TestKeyFileOpenToOthers(t *testing.T) {
	key, _ := writeTestKey(t, t.TempDir())
	gen := []string{"--provider", "generic", "--token-url", "https://id.example.com/token", "--client-id", "svc", "--private-key", key}
	for _, c := range []struct {
		mode os.FileMode
		code int
		says string
	}{
		{0o600, 0, ""},
		{0o640, 0, "others may read the private key"},
		{0o644, 0, "others may read the private key"},
		{0o660, 2, "others may write it"},
		{0o666, 2, "others may write it"},
	} {
		if err := os.Chmod(key, c.mode); err != nil {
			t.Fatal(err)
		}
		stdout, stderr, code := runCLI(t, gen...)
		if code != c.code || strings.Contains(stderr, "chmod 600") == (c.says == "") || !strings.Contains(stderr, c.says) {
			t.Errorf("mode %04o: exit %d, want %d saying %q\n%s", c.mode, code, c.code, c.says, stderr)
		}
		if c.code != 0 && stdout != "" {
			t.Errorf("mode %04o: wrote a collection", c.mode)
		}
	}
}
