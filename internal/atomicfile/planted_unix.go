//go:build unix

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// maxLinks bounds the links one path may lead through, as the kernel's ELOOP does.
const maxLinks = 40

// CheckPath makes sure that writing the file at path cannot be steered by another user, as the
// kernel's fs.protected_symlinks and fs.protected_regular do (where they are on): in a folder
// others may write (a sticky /tmp, a group's folder, one another user owns) it refuses a
// symbolic link or an existing file that someone else owns, with a [*PlantedError]. Links the
// user made, and anything in folders only the user and root write, are followed as before. A
// path that does not exist yet is fine: [File.Stage] creates its file anew, never through a link.
func CheckPath(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	me := os.Geteuid()
	rest := strings.Split(strings.TrimPrefix(abs, "/"), "/")
	dir := "/"
	for links := 0; len(rest) > 0; {
		name := rest[0]
		rest = rest[1:]
		switch name {
		case "", ".":
			continue
		case "..":
			dir = filepath.Dir(dir)
			continue
		}
		here := filepath.Join(dir, name)
		info, err := os.Lstat(here)
		if errors.Is(err, fs.ErrNotExist) {
			return nil // created anew, or the write fails for want of a folder
		}
		if err != nil {
			return err
		}
		owner, ok := ownerOf(info)
		isLink := info.Mode()&fs.ModeSymlink != 0
		if ok && owner != me && (isLink || len(rest) == 0 && !info.IsDir()) && othersMayWrite(dir, me) {
			return &PlantedError{Name: here, Link: isLink, Owner: owner}
		}
		if !isLink {
			dir = here
			continue
		}
		if links++; links > maxLinks {
			return &fs.PathError{Op: "lstat", Path: path, Err: syscall.ELOOP}
		}
		target, err := os.Readlink(here)
		if err != nil {
			return err
		}
		if filepath.IsAbs(target) {
			dir = "/"
		}
		rest = append(strings.Split(strings.TrimPrefix(target, "/"), "/"), rest...)
	}
	return nil
}

// othersMayWrite reports whether someone besides me and root may add or replace names in dir:
// its group or everyone may write it, or another user owns it.
func othersMayWrite(dir string, me int) bool {
	info, err := os.Stat(dir)
	if err != nil {
		return true
	}
	owner, ok := ownerOf(info)
	return info.Mode().Perm()&0o022 != 0 || ok && owner != me && owner != 0
}

// ownerOf is the uid that owns the file info describes.
func ownerOf(info fs.FileInfo) (int, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return int(st.Uid), true
}
