package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/gen-postman/gen-postman/internal/atomicfile"
	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/setting"
	"github.com/urfave/cli/v2"
)

// outputFile is a file to write whole or not at all.
type outputFile struct {
	flag string // the flag that named it, without dashes
	path string
	data []byte
	mode os.FileMode
}

// target is where an outputFile goes once its path is resolved.
type target struct {
	outputFile
	real string      // path with symbolic links resolved: what is replaced
	info os.FileInfo // the file there now, nil when there is none
}

// readFile is a file a command reads, by the flag that named it (without dashes).
type readFile struct {
	flag, path string
}

// inputFlags are the flags that name a file a command reads.
var inputFlags = [...]setting.Key{setting.PrivateKey, setting.ClientSecretFile, setting.OpenAPI, setting.Collection, setting.Environment}

// filesRead lists the files c's flags name for reading: the key, the secret, the document, the
// collection and environment verify reads. stdin and URLs are not files.
func filesRead(c *cli.Context) []readFile {
	var out []readFile
	for _, key := range inputFlags {
		path := c.String(string(key))
		if path == "" || path == "-" || strings.Contains(path, "://") {
			continue
		}
		out = append(out, readFile{flag: string(key), path: path})
	}
	return out
}

// writeFiles writes every file to a temporary file beside its target, then renames them into
// place, so a failure leaves no partial file and no existing file changed. Only regular files
// are replaced; a symbolic link stays and its file is replaced; two names for one file are
// refused, so that one output never overwrites another, and so is an output that names a file
// the command reads (reads), which it would lose: a private key, a secret, a document.
func writeFiles(files []outputFile, reads []readFile) (err error) {
	targets := make([]target, 0, len(files))
	for _, f := range files {
		t, err := resolveTarget(f)
		if err != nil {
			return err
		}
		if err := notRead(t, reads); err != nil {
			return err
		}
		for _, other := range targets {
			if sameFile(t, other) {
				return usageError(fmt.Errorf("--%s %q and --%s %q both name the same file", other.flag, other.path, t.flag, t.path))
			}
		}
		targets = append(targets, t)
	}
	temps := make([]*atomicfile.Temp, 0, len(targets))
	defer func() {
		for _, t := range temps {
			t.Remove()
		}
	}()
	for _, t := range targets {
		tmp, err := stage(t)
		if err != nil {
			return err
		}
		temps = append(temps, tmp)
	}
	for i, t := range targets {
		if err := temps[i].Rename(t.real); err != nil {
			return fmt.Errorf("writing %q: %w", t.path, err)
		}
	}
	return nil
}

// resolveTarget finds the file f replaces, refusing a path that is not a regular file: a
// directory, a device, a FIFO or a socket is never replaced by one; nor is a path through a link,
// or to a file, that another user planted in a folder others may write (atomicfile.CheckPath).
func resolveTarget(f outputFile) (target, error) {
	t := target{outputFile: f, real: f.path}
	bad := func(reason string) error {
		return &input.Error{Field: setting.Key(f.flag), Value: f.path, Reason: reason}
	}
	var planted *atomicfile.PlantedError
	if err := atomicfile.CheckPath(f.path); errors.As(err, &planted) {
		return t, bad(planted.Error())
	} else if err != nil {
		return t, fmt.Errorf("writing %q: %w", f.path, err)
	}
	info, err := os.Lstat(f.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return t, nil
	case err != nil:
		return t, fmt.Errorf("writing %q: %w", f.path, err)
	case info.Mode()&fs.ModeSymlink != 0:
		real, err := filepath.EvalSymlinks(f.path)
		if err != nil {
			return t, bad("a symbolic link that does not lead to a file: " + err.Error())
		}
		if info, err = os.Stat(real); err != nil {
			return t, fmt.Errorf("writing %q: %w", f.path, err)
		}
		t.real = real
	}
	switch {
	case info.IsDir():
		return t, bad("is a directory")
	case !info.Mode().IsRegular():
		return t, bad(fmt.Sprintf("is not a regular file (%s): only regular files are replaced", input.FileKind(info.Mode())))
	}
	t.info = info
	return t, nil
}

// sameFile reports whether a and b are one file: the same existing file, or the same name in
// the same directory, however each path reaches it.
func sameFile(a, b target) bool {
	if a.info != nil && b.info != nil {
		return os.SameFile(a.info, b.info)
	}
	if filepath.Base(a.real) != filepath.Base(b.real) {
		return false
	}
	da, errA := os.Stat(filepath.Dir(a.real))
	db, errB := os.Stat(filepath.Dir(b.real))
	return errA == nil && errB == nil && os.SameFile(da, db)
}

// notRead refuses a target that is one of the files the command reads.
func notRead(t target, reads []readFile) error {
	if t.info == nil {
		return nil // no file there yet: none is read from it
	}
	for _, r := range reads {
		if info, err := os.Stat(r.path); err == nil && os.SameFile(info, t.info) {
			return usageError(fmt.Errorf("--%s %q is the file --%s %q reads: writing it would lose what it holds; name another file", t.flag, t.path, r.flag, r.path))
		}
	}
	return nil
}

// stage writes t's data to a new temporary file in t's directory. Its mode is t's, and no
// more open than the file it replaces, so that a file kept private stays private.
func stage(t target) (*atomicfile.Temp, error) {
	mode := t.mode
	if t.info != nil {
		mode &= t.info.Mode().Perm()
	}
	// A short name: the target's own name may already be as long as a name can be.
	f := atomicfile.File{Data: t.data, Perm: mode, Pattern: ".gen-postman-*.tmp", Sync: true}
	tmp, err := f.Stage(filepath.Dir(t.real))
	if err != nil {
		return nil, fmt.Errorf("writing %q: %w", t.path, err)
	}
	return tmp, nil
}
