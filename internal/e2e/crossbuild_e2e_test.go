//go:build e2e

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// releasePlatforms are the GOOS/GOARCH pairs a release ships; .goreleaser.yaml names the same.
var releasePlatforms = []struct{ goos, goarch string }{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

// TestCrossBuild builds gen-postman for every release platform without cgo, as the release
// does, so that a Unix-only call (a syscall constant, a Stat_t) breaks the tests here rather
// than the release. The builds run in parallel; each after the first reuses the build cache for
// its platform.
func TestCrossBuild(t *testing.T) {
	dir := t.TempDir()
	for _, p := range releasePlatforms {
		t.Run(p.goos+"_"+p.goarch, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(dir, "gen-postman-"+p.goos+"-"+p.goarch)
			build := exec.Command("go", "build", "-trimpath", "-o", out, "../../cmd/gen-postman")
			build.Env = append(os.Environ(), "GOOS="+p.goos, "GOARCH="+p.goarch, "CGO_ENABLED=0")
			if msg, err := build.CombinedOutput(); err != nil {
				t.Fatalf("GOOS=%s GOARCH=%s go build: %v\n%s", p.goos, p.goarch, err, msg)
			}
			if info, err := os.Stat(out); err != nil || info.Size() == 0 {
				t.Fatalf("no binary for %s/%s: %v", p.goos, p.goarch, err)
			}
		})
	}
}
