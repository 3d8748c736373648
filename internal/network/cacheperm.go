package network

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrUnsafeCache reports a cache folder that someone else could write: a key set planted
// there would make a forged token pass.
var ErrUnsafeCache = errors.New("the cache folder is not safe")

// CheckCacheDir reports why dir must not hold the cache, as ssh treats ~/.ssh: it must be a
// folder (not a link) that this user owns and no one else may write. A dir that does not exist
// yet passes when the nearest folder above it that exists passes the same test, or is owned by root or this user and
// sticky, as /tmp is, so no one else can put a folder of theirs in its place.
func CheckCacheDir(dir string) error {
	uid := os.Getuid()
	info, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// The cache makes the folders it lacks: the nearest that exists decides.
		parent := filepath.Dir(dir)
		pinfo, err := os.Stat(parent)
		for errors.Is(err, fs.ErrNotExist) && filepath.Dir(parent) != parent {
			parent = filepath.Dir(parent)
			pinfo, err = os.Stat(parent)
		}
		if err != nil {
			return fmt.Errorf("%w: %v", ErrUnsafeCache, err)
		}
		if reason := unsafeReason(pinfo, uid, true); reason != "" {
			return fmt.Errorf("%w: %s %s", ErrUnsafeCache, parent, reason)
		}
		return nil
	case err != nil:
		return fmt.Errorf("%w: %v", ErrUnsafeCache, err)
	}
	if !info.IsDir() {
		return fmt.Errorf("%w: %s is not a folder", ErrUnsafeCache, dir)
	}
	if reason := unsafeReason(info, uid, false); reason != "" {
		return fmt.Errorf("%w: %s %s", ErrUnsafeCache, dir, reason)
	}
	return nil
}
