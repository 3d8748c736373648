package generate

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/profile"
)

// TestDescriptionQuotesName: a --name with shell characters appears in the description's
// commands as one word that a real shell reads back unchanged and never runs.
func TestDescriptionQuotesName(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Fatalf("this test needs a POSIX sh: %v", err)
	}
	command := regexp.MustCompile("gen-postman verify --collection (.*)`")
	for _, name := range []string{"plain-name", "a b", "x;touch pwned", "it's $(id) `id` & more", "'", "ünïcode"} {
		p := resolve(t, profile.Options{Tenant: "acme", Name: name})
		m := command.FindStringSubmatch(collectionDescription(p))
		if m == nil {
			t.Fatalf("name %q: no verify command in the description", name)
		}
		dir := t.TempDir()
		cmd := exec.Command(sh, "-c", "printf '%s\\n' "+m[1])
		cmd.Dir = dir
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("name %q: sh -c %q: %v", name, m[1], err)
		}
		if got, want := strings.TrimSuffix(string(out), "\n"), name+".postman_collection.json"; got != want {
			t.Errorf("name %q: the shell reads %q as %q, want %q", name, m[1], got, want)
		}
	}
}
