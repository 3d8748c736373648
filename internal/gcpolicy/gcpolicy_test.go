package gcpolicy

import (
	"math"
	"runtime/debug"
	"testing"
)

// settings reads the collector's target and memory limit without changing them.
func settings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

func TestForDocument(t *testing.T) {
	percent, limit := settings()
	t.Cleanup(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
	tests := []struct {
		name    string
		size    int
		env     string // GOGC or GOMEMLIMIT set to 200, or none
		percent int
		limit   int64
	}{
		{"1 MiB: no collection under SmallHeap", 1 << 20, "", -1, SmallHeap},
		{"just under SmallDocument", SmallDocument - 1, "", -1, SmallHeap},
		{"SmallDocument: a target of LargeGCPercent", SmallDocument, "", LargeGCPercent, math.MaxInt64},
		{"GOGC set", 1 << 20, "GOGC", 100, math.MaxInt64},
		{"GOGC set, a large document", SmallDocument, "GOGC", 100, math.MaxInt64},
		{"GOMEMLIMIT set", 1 << 20, "GOMEMLIMIT", 100, math.MaxInt64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(math.MaxInt64)
			t.Setenv("GOGC", "")
			t.Setenv("GOMEMLIMIT", "")
			if tt.env != "" {
				t.Setenv(tt.env, "200")
			}
			ForDocument(tt.size)
			if p, l := settings(); p != tt.percent || l != tt.limit {
				t.Errorf("target %d%%, limit %d; want %d%%, %d", p, l, tt.percent, tt.limit)
			}
		})
	}
}
