//go:build !unix

package network

import (
	"errors"
	"io/fs"
	"os"
)

// openNoFollow opens a cache file for reading, refusing a symbolic link or any other file that
// is not a regular file. Windows has no O_NOFOLLOW: the name is checked with Lstat first and the
// opened file again with Stat.
func openNoFollow(path string) (*os.File, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	return os.Open(path)
}

// unsafeReason is "" on Windows: file modes there say nothing of who may write a file, and user
// ids do not exist. The cache lives in the user's own %LocalAppData%, which Windows gives
// to that user alone (with SYSTEM and Administrators) through its access control list; what
// CheckCacheDir checks there is that the cache is a real folder, not a link or a file, and the
// cache reads only regular files.
func unsafeReason(fs.FileInfo, int, bool) string { return "" }
