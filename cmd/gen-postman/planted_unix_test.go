//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// otherUID is a second user's uid for the tests of links and files another user planted: the
// test must run as root to give a file to someone else. Elsewhere the test is skipped, but never
// in CI, which must run it.
func otherUID(t *testing.T) int {
	t.Helper()
	if os.Geteuid() != 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true: the planted-link tests need a second uid; run them as root")
		}
		t.Skip("not root: no second uid to plant links as")
	}
	return 65534 // nobody
}

// TestOutputsNeverFollowAPlantedLink: in a sticky folder everyone may write, as /tmp, another
// user plants NAME -> the victim's file; -o, --env-output and verify --junit there refuse it
// with status 2 and leave the victim's file as it was. A file another user owns there is refused
// too; a link the user made in their own folder still works.
func TestOutputsNeverFollowAPlantedLink(t *testing.T) {
	uid := otherUID(t)
	root := t.TempDir()
	shared := filepath.Join(root, "tmp")
	if err := os.Mkdir(shared, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(shared, 0o1777); err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(root, "victim.txt")
	const kept = "the victim's own file\n"
	if err := os.WriteFile(victim, []byte(kept), 0o644); err != nil {
		t.Fatal(err)
	}
	plant := func(name string) string {
		t.Helper()
		link := filepath.Join(shared, name)
		if err := os.Symlink(victim, link); err != nil {
			t.Fatal(err)
		}
		if err := os.Lchown(link, uid, uid); err != nil {
			t.Fatal(err)
		}
		return link
	}
	gen := []string{"--provider", "generic", "--token-url", "http://127.0.0.1:1/token", "--client-id", "svc"}
	t.Setenv(envClientSecret, "s3cret-of-the-victim")
	foreignFile := filepath.Join(shared, "theirs.json")
	if err := os.WriteFile(foreignFile, []byte("theirs\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(foreignFile, uid, uid); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		flag string
		args func(path string) []string
	}{
		{"output", func(p string) []string { return append(append([]string{"generate"}, gen...), "-o", p) }},
		{"env-output", func(p string) []string { return append(append([]string{"generate"}, gen...), "--env-output", p) }},
		{"junit", func(p string) []string {
			return append(append([]string{"verify"}, gen...), "--junit", p, "--timeout", "2s")
		}},
	} {
		for _, path := range []string{plant(c.flag + ".json"), foreignFile} {
			stdout, stderr, code := runCLI(t, c.args(path)...)
			if code != 2 || !strings.Contains(stderr, "invalid --"+c.flag) || !strings.Contains(stderr, "belongs to another user (uid 65534)") {
				t.Errorf("--%s %s: exit %d, want 2 saying the name belongs to another user\nstdout:\n%s\nstderr:\n%s", c.flag, path, code, stdout, stderr)
			}
			if strings.Contains(stdout+stderr, "s3cret-of-the-victim") {
				t.Errorf("--%s: the secret was shown", c.flag)
			}
		}
		if data, err := os.ReadFile(victim); err != nil || string(data) != kept {
			t.Fatalf("--%s replaced the victim's file: %.80q, %v", c.flag, data, err)
		}
		if data, err := os.ReadFile(foreignFile); err != nil || string(data) != "theirs\n" {
			t.Fatalf("--%s replaced another user's file: %q, %v", c.flag, data, err)
		}
	}
	// A planted link to a folder of the victim's, given as --out-dir or as a folder of -o.
	victimDir := filepath.Join(root, "victim-dir")
	if err := os.Mkdir(victimDir, 0o700); err != nil {
		t.Fatal(err)
	}
	dirLink := filepath.Join(shared, "out")
	if err := os.Symlink(victimDir, dirLink); err != nil {
		t.Fatal(err)
	}
	if err := os.Lchown(dirLink, uid, uid); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		append(append([]string{"generate"}, gen...), "--out-dir", dirLink),
		append(append([]string{"generate"}, gen...), "-o", filepath.Join(dirLink, "c.json")),
	} {
		if _, stderr, code := runCLI(t, args...); code != 2 || !strings.Contains(stderr, "belongs to another user (uid 65534)") {
			t.Errorf("%q: exit %d, want 2 saying the link belongs to another user\n%s", args, code, stderr)
		}
	}
	if entries, _ := os.ReadDir(victimDir); len(entries) != 0 {
		t.Errorf("a planted folder link led outputs into the victim's folder: %v", entries)
	}
	// GitHub's step summary, which verify appends to, is never followed through a planted link.
	t.Setenv(envStepSummary, plant("summary.md"))
	if _, stderr, _ := runCLI(t, append(append([]string{"verify"}, gen...), "--timeout", "2s")...); !strings.Contains(stderr, "belongs to another user") {
		t.Errorf("the step summary through a planted link: no warning\n%s", stderr)
	}
	if data, err := os.ReadFile(victim); err != nil || string(data) != kept {
		t.Fatalf("the step summary was appended to the victim's file: %.80q, %v", data, err)
	}
	// The user's own link in their own folder leads where they meant.
	own := filepath.Join(root, "own.json")
	if err := os.Symlink(victim, own); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runCLI(t, append(append([]string{"generate"}, gen...), "-o", own)...); code != 0 {
		t.Fatalf("-o through the user's own link: exit %d\n%s", code, stderr)
	}
	if data, err := os.ReadFile(victim); err != nil || !strings.Contains(string(data), `"_postman_id"`) && !strings.Contains(string(data), `"info"`) {
		t.Errorf("-o through the user's own link did not write the collection there: %.80q, %v", data, err)
	}
	if info, err := os.Lstat(own); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the user's own link is gone: %v", err)
	}
}
