package network

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var cacheNow = time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)

const cachedURL = "https://id.example.com/jwks"

// TestCacheStoreLoad: an entry is read back while fresh, from a file of mode 0600 in a
// directory of mode 0700, and not once it has expired.
func TestCacheStoreLoad(t *testing.T) {
	c := &diskCache{dir: filepath.Join(t.TempDir(), "cache")}
	if err := c.store(cachedURL, []byte(`{"keys":[]}`), cacheNow, cacheNow.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if body, ok := c.load(cachedURL, cacheNow.Add(59*time.Minute)); !ok || string(body) != `{"keys":[]}` {
		t.Errorf("load = %q, %v; want the body", body, ok)
	}
	if _, ok := c.load(cachedURL, cacheNow.Add(time.Hour)); ok {
		t.Error("an expired entry was used")
	}
	if _, ok := c.load("https://id.example.com/other", cacheNow); ok {
		t.Error("another URL's entry was used")
	}
	if info, err := os.Stat(c.dir); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("cache directory: %v, mode %v; want 0700", err, info.Mode().Perm())
	}
	if info, err := os.Stat(c.path(cachedURL)); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("cache file: %v, mode %v; want 0600", err, info.Mode().Perm())
	}
	if entries, _ := os.ReadDir(c.dir); len(entries) != 1 {
		t.Errorf("%d files in the cache, want the entry alone", len(entries))
	}
}

// TestCacheMisses: whatever is wrong with a file makes it a miss.
func TestCacheMisses(t *testing.T) {
	entry := func(edit func(*cacheEntry)) []byte {
		e := cacheEntry{URL: cachedURL, Stored: cacheNow, Expires: cacheNow.Add(time.Hour), Body: []byte("{}")}
		edit(&e)
		b, _ := json.Marshal(e)
		return b
	}
	tests := map[string][]byte{
		"garbage":         []byte("\x00\xffnot json"),
		"empty":           nil,
		"another URL":     entry(func(e *cacheEntry) { e.URL = "https://elsewhere.example/jwks" }),
		"from the future": entry(func(e *cacheEntry) { e.Stored = cacheNow.Add(time.Hour) }),
		"kept too long":   entry(func(e *cacheEntry) { e.Expires = e.Stored.Add(maxCacheAge + time.Second) }),
		"no body":         entry(func(e *cacheEntry) { e.Body = nil }),
		"huge":            []byte(`{"body":"` + strings.Repeat("A", maxCacheFile) + `"}`),
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			c := &diskCache{dir: t.TempDir()}
			if err := os.WriteFile(c.path(cachedURL), data, 0o600); err != nil {
				t.Fatal(err)
			}
			if body, ok := c.load(cachedURL, cacheNow); ok {
				t.Errorf("load = %q, want a miss", body)
			}
		})
	}
}

// TestCacheDoesNotFollowLinks: a symbolic link is not followed (a FIFO: TestCacheSkipsAFIFO).
func TestCacheDoesNotFollowLinks(t *testing.T) {
	c := &diskCache{dir: t.TempDir()}
	real := filepath.Join(t.TempDir(), "elsewhere.json")
	if err := c.store(cachedURL, []byte("{}"), cacheNow, cacheNow.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(c.path(cachedURL), real); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, c.path(cachedURL)); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.load(cachedURL, cacheNow); ok {
		t.Error("a symbolic link was followed")
	}
}
