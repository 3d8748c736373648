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
		t.Fatalf("reading /proc/self/smaps: %v", err)
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
	if prepareHeap(largeDocument * 2) {
		t.Fatalf("a document of %d bytes: the heap was advised for huge pages, want it kept as it is", largeDocument*2)
	}
	t.Setenv("GODEBUG", "disablethp=1")
	if prepareHeap(1 << 20) {
		t.Fatal("GODEBUG=disablethp=1: the heap was advised for huge pages, want no advice")
	}
	t.Setenv("GODEBUG", "")
	// The count of advised mappings need not grow: the region may lie in a mapping advised
	// before, or merge with one. What holds is that the advice was taken and shows.
	if !prepareHeap(1 << 20) {
		t.Fatal("a document of 1 MiB: the kernel refused the advice for huge pages")
	}
	if got := hugePageAdvised(t); got < 1 {
		t.Fatalf("a document of 1 MiB: %d mappings advised for huge pages, want at least one", got)
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
