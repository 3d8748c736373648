//go:build unix

package network

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// openNoFollow opens a cache file for reading without following a symbolic link in its last
// element (O_NOFOLLOW) and without waiting on a FIFO (O_NONBLOCK).
func openNoFollow(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
}

// unsafeReason says why a file or folder may be written by someone other than uid, or "" when
// it may not. A sticky folder owned by root or uid may be writable by all when allowSticky.
func unsafeReason(info fs.FileInfo, uid int, allowSticky bool) string {
	owner, known := fileOwner(info)
	mode := info.Mode()
	if known && owner != uid && !(allowSticky && owner == 0) {
		return fmt.Sprintf("belongs to user %d, not to you (%d)", owner, uid)
	}
	if mode.Perm()&0o022 != 0 && !(allowSticky && mode&fs.ModeSticky != 0) {
		return fmt.Sprintf("may be written by others (mode %04o)", mode.Perm())
	}
	return ""
}

// fileOwner is the user id that owns the file, where the system says.
func fileOwner(info fs.FileInfo) (int, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return int(st.Uid), true
}
