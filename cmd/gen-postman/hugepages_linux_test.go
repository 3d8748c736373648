package main

import (
	"os"
	"strings"
	"testing"
)

// hugePageAdvised counts the mappings of this process the kernel marks as advised for huge
// pages ("hg" in their VmFlags).
func hugePageAdvised(t *testing.T) int {
	t.Helper()
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	n := 0
	for _, line := range strings.Split(string(smaps), "\n") {
		if flags, ok := strings.CutPrefix(line, "VmFlags:"); ok && strings.Contains(" "+flags+" ", " hg ") {
			n++
		}
	}
	return n
}

func TestPrepareHeapAdvisesHugePages(t *testing.T) {
	before := hugePageAdvised(t)
	prepareHeap(largeDocument * 2) // a large document keeps the heap as it is
	if got := hugePageAdvised(t); got != before {
		t.Fatalf("a document of %d bytes: %d mappings advised for huge pages, want %d as before", largeDocument*2, got, before)
	}
	t.Setenv("GODEBUG", "disablethp=1")
	prepareHeap(1 << 20)
	if got := hugePageAdvised(t); got != before {
		t.Fatalf("GODEBUG=disablethp=1: %d mappings advised for huge pages, want %d as before", got, before)
	}
	t.Setenv("GODEBUG", "")
	prepareHeap(1 << 20)
	if got := hugePageAdvised(t); got <= before {
		t.Fatalf("a document of 1 MiB: %d mappings advised for huge pages, want more than %d", got, before)
	}
}

func TestThpDisabled(t *testing.T) {
	for godebug, want := range map[string]bool{
		"":                          false,
		"disablethp=1":              true,
		"disablethp=0":              false,
		"gctrace=1,disablethp=1":    true,
		"disablethp=1,disablethp=0": false,
		" disablethp=1 ":            true,
		"xdisablethp=1":             false,
	} {
		if got := thpDisabled(godebug); got != want {
			t.Errorf("thpDisabled(%q) = %v, want %v", godebug, got, want)
		}
	}
}
