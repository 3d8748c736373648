//go:build unix

package network

import (
	"syscall"
	"testing"
	"time"
)

// TestCacheSkipsAFIFO: a FIFO where an entry should be is not waited on, and a new entry
// replaces it. Named pipes in the file system are a Unix thing.
func TestCacheSkipsAFIFO(t *testing.T) {
	c := &diskCache{dir: t.TempDir()}
	if err := syscall.Mkfifo(c.path(cachedURL), 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan bool)
	go func() {
		_, ok := c.load(cachedURL, cacheNow)
		done <- ok
	}()
	select {
	case ok := <-done:
		if ok {
			t.Error("a FIFO was read as an entry")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("load waits on a FIFO")
	}
	if err := c.store(cachedURL, []byte("{}"), cacheNow, cacheNow.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.load(cachedURL, cacheNow); !ok {
		t.Error("the entry that replaced the FIFO is not read")
	}
}
