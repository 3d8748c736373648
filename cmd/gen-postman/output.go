package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// outputFile is a file to write whole or not at all.
type outputFile struct {
	path string
	data []byte
	mode os.FileMode
}

// writeFiles writes every file to a temporary file beside its target, then renames them into
// place, so a failure leaves no partial file and no existing file changed.
func writeFiles(files []outputFile) (err error) {
	temps := make([]string, 0, len(files))
	defer func() {
		for _, t := range temps {
			if t != "" {
				os.Remove(t)
			}
		}
	}()
	for _, f := range files {
		tmp, err := stage(f)
		if err != nil {
			return err
		}
		temps = append(temps, tmp)
	}
	for i, f := range files {
		if err := os.Rename(temps[i], f.path); err != nil {
			return fmt.Errorf("writing %q: %w", f.path, linkReason(err))
		}
		temps[i] = ""
	}
	return nil
}

// stage writes f's data to a new temporary file in f's directory with f's mode.
func stage(f outputFile) (string, error) {
	if info, err := os.Stat(f.path); err == nil && info.IsDir() {
		return "", fmt.Errorf("writing %q: %w", f.path, errors.New("is a directory"))
	}
	tmp, err := os.CreateTemp(filepath.Dir(f.path), "."+filepath.Base(f.path)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("writing %q: %w", f.path, pathReason(err))
	}
	name := tmp.Name()
	_, err = tmp.Write(f.data)
	if err == nil {
		err = tmp.Chmod(f.mode)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		os.Remove(name)
		return "", fmt.Errorf("writing %q: %w", f.path, pathReason(err))
	}
	return name, nil
}

// linkReason is the reason of a rename error without the temporary file's name.
func linkReason(err error) error {
	var linkErr *os.LinkError
	if errors.As(err, &linkErr) {
		return linkErr.Err
	}
	return err
}

// pathReason is the reason of a file system error without the path it names, which may be the
// temporary file rather than the user's.
func pathReason(err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return pathErr.Err
	}
	return err
}
