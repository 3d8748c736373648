package network

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/gen-postman/gen-postman/internal/atomicfile"
)

// Bounds on what the cache keeps.
const (
	// maxCacheAge bounds how long a document is reused, whatever its server says.
	maxCacheAge = 24 * time.Hour
	// heuristicCacheAge is how long a document without freshness information (no
	// Cache-Control max-age, no Expires, no Last-Modified) is reused: the ten minutes for
	// which common JWT libraries keep a key set by default, so that verify reaches the
	// verdict an API with such a library would.
	heuristicCacheAge = 10 * time.Minute
	// maxCacheFile bounds what is read of one cache file: a document at its size limit,
	// base64-encoded, and the entry around it.
	maxCacheFile = maxDocument/3*4 + 8<<10
	// cacheSkew is how far an entry's time may lie ahead of the clock: further, and the
	// clock went back, so the entry's age is unknown.
	cacheSkew = time.Minute
)

// diskCache keeps public documents (discovery metadata, key sets) across runs, one file per
// URL in dir. Files are written whole, to a temporary file renamed into place, with mode 0600
// in a directory of mode 0700, so that concurrent runs never see half a file. Whatever is
// wrong with a file (unreadable, corrupt, for another URL, stale, from the future) makes it a
// miss: the document is fetched again and the file replaced.
type diskCache struct {
	dir string
}

// cacheEntry is one cache file.
type cacheEntry struct {
	URL     string    `json:"url"`
	Stored  time.Time `json:"stored"`
	Expires time.Time `json:"expires"`
	Body    []byte    `json:"body"`
}

// path is the file that holds url's document.
func (c *diskCache) path(url string) string {
	sum := sha256.Sum256([]byte(url))
	return filepath.Join(c.dir, hex.EncodeToString(sum[:])+".json")
}

// load returns url's document when the cache holds a fresh copy at now, and ok false
// otherwise.
func (c *diskCache) load(url string, now time.Time) (body []byte, ok bool) {
	data, err := readCacheFile(c.path(url))
	if err != nil {
		return nil, false
	}
	var e cacheEntry
	if err := json.Unmarshal(data, &e); err != nil {
		return nil, false
	}
	switch {
	case e.URL != url,
		e.Stored.After(now.Add(cacheSkew)),
		!now.Before(e.Expires),
		e.Expires.Sub(e.Stored) > maxCacheAge,
		len(e.Body) == 0:
		return nil, false
	}
	return e.Body, true
}

// readCacheFile reads a regular file of at most maxCacheFile bytes that this user owns and no
// one else may write, never following a symbolic link nor waiting on a FIFO.
func readCacheFile(path string) ([]byte, error) {
	f, err := openNoFollow(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() || info.Size() > maxCacheFile || unsafeReason(info, os.Getuid(), false) != "" {
		return nil, errors.New("not a cache file")
	}
	data, err := io.ReadAll(io.LimitReader(f, maxCacheFile+1))
	if err != nil || len(data) > maxCacheFile {
		return nil, errors.New("not a cache file")
	}
	return data, nil
}

// store keeps url's document until expires, written whole (see atomicfile): a reader sees
// the old file or the new one, never part of either.
func (c *diskCache) store(url string, body []byte, stored, expires time.Time) error {
	data, err := json.Marshal(cacheEntry{URL: url, Stored: stored.UTC(), Expires: expires.UTC(), Body: body})
	if err != nil {
		return fmt.Errorf("encoding cache entry: %w", err)
	}
	if err := os.MkdirAll(c.dir, 0o700); err != nil {
		return fmt.Errorf("making cache directory: %w", err)
	}
	if err := atomicfile.Write(c.path(url), atomicfile.File{Data: data, Perm: 0o600}); err != nil {
		return fmt.Errorf("writing cache entry: %w", err)
	}
	return nil
}
