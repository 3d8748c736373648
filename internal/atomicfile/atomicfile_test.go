package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// entries lists the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	list, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range list {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteReplacesWholeWithItsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, sync := range []bool{false, true} {
		if err := Write(path, File{Data: []byte("new"), Perm: 0o600, Sync: sync}); err != nil {
			t.Fatalf("Write: %v", err)
		}
		data, err := os.ReadFile(path)
		if err != nil || string(data) != "new" {
			t.Errorf("file holds %q, %v; want new", data, err)
		}
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("mode %v, %v; want 0600", info.Mode().Perm(), err)
		}
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("directory holds %q, want the file alone", names)
	}
}

func TestStagePattern(t *testing.T) {
	dir := t.TempDir()
	tmp, err := File{Data: []byte("x"), Perm: 0o644, Pattern: ".app-*.tmp"}.Stage(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer tmp.Remove()
	names := entries(t, dir)
	if len(names) != 1 || !strings.HasPrefix(names[0], ".app-") || !strings.HasSuffix(names[0], ".tmp") {
		t.Errorf("temporary files %q, want one named after the pattern", names)
	}
	tmp.Remove()
	if names := entries(t, dir); len(names) != 0 {
		t.Errorf("Remove left %q", names)
	}
}

// A failed rename keeps the file that was there, leaves no temporary file behind once
// removed, and its error names neither file.
func TestRenameFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "taken")
	if err := os.Mkdir(target, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, "inside"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	err := Write(target, File{Data: []byte("x"), Perm: 0o600})
	if err == nil {
		t.Fatal("Write over a directory that is not empty: no error")
	}
	if strings.Contains(err.Error(), dir) {
		t.Errorf("error %q names a path", err)
	}
	if names := entries(t, dir); len(names) != 1 || names[0] != "taken" {
		t.Errorf("directory holds %q, want the directory alone", names)
	}
}

func TestStageFailureNamesNoPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	_, err := File{Data: []byte("x"), Perm: 0o600}.Stage(dir)
	if !errors.Is(err, fs.ErrNotExist) || strings.Contains(err.Error(), dir) {
		t.Errorf("Stage in a missing directory: %v, want ENOENT without the path", err)
	}
}

// Writers racing on one file leave it whole, with one writer's data.
func TestConcurrentWritesStayWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "shared")
	var wg sync.WaitGroup
	for i := range 8 {
		data := []byte(strings.Repeat(string(rune('a'+i)), 64<<10))
		wg.Go(func() {
			if err := Write(path, File{Data: data, Perm: 0o600}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	data, err := os.ReadFile(path)
	if err != nil || len(data) != 64<<10 || strings.Count(string(data), string(data[:1])) != len(data) {
		t.Errorf("file is %d bytes, %v; want one writer's whole data", len(data), err)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("directory holds %q", names)
	}
}

func TestReason(t *testing.T) {
	err := Reason(&os.LinkError{Op: "rename", Old: "/a/.tmp-1", New: "/a/b", Err: syscall.EISDIR})
	if err != syscall.EISDIR {
		t.Errorf("Reason(LinkError) = %v", err)
	}
	if err := Reason(&fs.PathError{Op: "open", Path: "/a", Err: fs.ErrPermission}); err != fs.ErrPermission {
		t.Errorf("Reason(PathError) = %v", err)
	}
	plain := errors.New("plain")
	if Reason(plain) != plain {
		t.Error("Reason changed an error without a path")
	}
}
