package main

import (
	"math"
	"runtime/debug"
	"testing"
)

// gcSettings reads the collector's target and memory limit without changing them.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

func TestTuneGC(t *testing.T) {
	percent, limit := gcSettings()
	t.Cleanup(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
	reset := func() {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	}
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")

	reset()
	tuneGC(1 << 20)()
	if p, l := gcSettings(); p != -1 || l != smallDocumentHeap(1<<20) {
		t.Errorf("a 1 MiB document: target %d%%, limit %d; want no collection under %d", p, l, smallDocumentHeap(1<<20))
	}

	reset()
	tuneGC(3 << 20)()
	if p, l := gcSettings(); p != 100 || l != math.MaxInt64 {
		t.Errorf("a 3 MiB document: target %d%%, limit %d; want the default", p, l)
	}

	reset()
	restore := tuneGC(largeDocument)
	if p, _ := gcSettings(); p != 10 {
		t.Errorf("a large document while it is read: target %d%%, want 10%%", p)
	}
	restore()
	if p, l := gcSettings(); p != 100 || l != math.MaxInt64 {
		t.Errorf("a large document once read: target %d%%, limit %d; want the default again", p, l)
	}

	reset()
	t.Setenv("GOGC", "200")
	tuneGC(1 << 20)()
	if p, l := gcSettings(); p != 100 || l != math.MaxInt64 {
		t.Errorf("GOGC set: target %d%%, limit %d; want them left as they were", p, l)
	}
}
