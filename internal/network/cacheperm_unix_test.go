//go:build unix

package network

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCheckCacheDir(t *testing.T) {
	root := t.TempDir()
	mk := func(name string, mode os.FileMode) string {
		dir := filepath.Join(root, name)
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(dir, mode); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	private, shared, sticky := mk("private", 0o700), mk("shared", 0o777), mk("sticky", 0o777|os.ModeSticky)
	file := filepath.Join(root, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "link")
	if err := os.Symlink(private, link); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		dir, want string // want is "" for a usable folder
	}{
		{private, ""},
		{filepath.Join(private, "gen-postman"), ""},
		{filepath.Join(private, "a", "b", "gen-postman"), ""},
		{filepath.Join(sticky, "gen-postman"), ""},
		{shared, "may be written by others (mode 0777)"},
		{filepath.Join(shared, "gen-postman"), "may be written by others (mode 0777)"},
		{sticky, "may be written by others"},
		{file, "is not a folder"},
		{link, "is not a folder"},
	}
	for _, tt := range tests {
		err := CheckCacheDir(tt.dir)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("CheckCacheDir(%s) = %v, want nil", tt.dir, err)
		case tt.want != "" && (!errors.Is(err, ErrUnsafeCache) || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("CheckCacheDir(%s) = %v, want ErrUnsafeCache saying %q", tt.dir, err, tt.want)
		}
	}
}

func TestUnsafeReasonNamesAnotherOwner(t *testing.T) {
	info, err := os.Stat(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if got := unsafeReason(info, os.Getuid(), false); got != "" {
		t.Errorf("own folder: %q", got)
	}
	if got := unsafeReason(info, os.Getuid()+1, false); !strings.Contains(got, "not to you") {
		t.Errorf("someone else's folder: %q", got)
	}
}

// A document planted in the cache with a mode others may write is a miss, whatever it says.
func TestCacheIgnoresFilesOthersMayWrite(t *testing.T) {
	c := &diskCache{dir: t.TempDir()}
	now := time.Now()
	const url = "https://id.example.com/jwks"
	if err := c.store(url, []byte(`{"keys":[]}`), now, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.load(url, now); !ok {
		t.Fatal("a stored document was not loaded")
	}
	if err := os.Chmod(c.path(url), 0o666); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.load(url, now); ok {
		t.Error("a document others may write was loaded")
	}
}
