// Package atomicfile writes files whole or not at all: data goes to a temporary file in the
// directory of the file it replaces, which is then renamed over it, so that a reader sees the
// old file or the new one, never part of either, and a failure leaves nothing behind.
package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// File is data to write whole.
type File struct {
	Data []byte
	// Perm is the file's mode, set whatever the umask.
	Perm fs.FileMode
	// Pattern names the temporary file as os.CreateTemp's pattern does; empty means ".tmp-*".
	// A short pattern suits a target whose own name may already be as long as a name can be.
	Pattern string
	// Sync flushes the file to disk before it can be renamed into place, so that a crash
	// leaves the old file or the whole new one.
	Sync bool
}

// Temp is a File written to a temporary file, not yet in place.
type Temp struct {
	name string // empty once renamed or removed
}

// Stage writes f to a new temporary file in dir, of mode f.Perm. On failure nothing is left
// behind. Its errors never name the temporary file, only why it failed (see Reason).
func (f File) Stage(dir string) (*Temp, error) {
	pattern := f.Pattern
	if pattern == "" {
		pattern = ".tmp-*"
	}
	tmp, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, Reason(err)
	}
	name := tmp.Name()
	_, err = tmp.Write(f.Data)
	if err == nil {
		err = tmp.Chmod(f.Perm)
	}
	if err == nil && f.Sync {
		err = tmp.Sync()
	}
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		os.Remove(name)
		return nil, Reason(err)
	}
	return &Temp{name: name}, nil
}

// Rename puts the temporary file in place at path, which must be in the directory it was
// staged in, replacing whatever file is there. On failure the temporary file stays, for
// Remove. Its errors never name either file, only why it failed.
func (t *Temp) Rename(path string) error {
	if err := os.Rename(t.name, path); err != nil {
		return Reason(err)
	}
	t.name = ""
	return nil
}

// Remove deletes the temporary file unless it was renamed into place. It may be called more
// than once, as by a deferred cleanup after a successful Rename.
func (t *Temp) Remove() {
	if t.name != "" {
		os.Remove(t.name)
		t.name = ""
	}
}

// Write writes f to path whole or not at all: staged beside it, then renamed over it.
func Write(path string, f File) error {
	tmp, err := f.Stage(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer tmp.Remove()
	return tmp.Rename(path)
}

// Reason is the reason of a file system error without the paths it names, which may be a
// temporary file's rather than the one the caller knows.
func Reason(err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return pathErr.Err
	}
	var linkErr *os.LinkError
	if errors.As(err, &linkErr) {
		return linkErr.Err
	}
	return err
}
