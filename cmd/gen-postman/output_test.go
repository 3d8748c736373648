package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/gen-postman/gen-postman/internal/input"
)

// TestWriteFilesRefusesDevice: a character device named by -o is bad input, refused before
// anything is written, and stays a device. The device is reached through a link of the test's
// own, so that a broken writeFiles replaces the link, never the machine's device.
func TestWriteFilesRefusesDevice(t *testing.T) {
	const device = "/dev/null"
	info, err := os.Stat(device)
	if err != nil || info.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("this test needs %s as a character device: %v", device, err)
	}
	link := filepath.Join(t.TempDir(), "null.json")
	if err := os.Symlink(device, link); err != nil {
		t.Fatal(err)
	}
	err = writeFiles([]outputFile{{flag: "output", path: link, data: []byte("{}"), mode: 0o644}}, nil)
	if !errors.Is(err, input.ErrInvalid) {
		t.Fatalf("writeFiles(%s) = %v, want bad input", device, err)
	}
	if got := exitCodeOf(err); got != exitUsage {
		t.Errorf("exit status %d, want %d", got, exitUsage)
	}
	if info, err := os.Stat(device); err != nil || info.Mode()&fs.ModeCharDevice == 0 {
		t.Errorf("%s is no longer a character device: %v", device, err)
	}
}
