package main

import (
	"os"
	"runtime"
	"strings"
	"syscall"
	"unsafe"
)

// hugePageSize is the size of a transparent huge page on amd64 and arm64 (4 KiB base pages).
const hugePageSize = 2 << 20

// prepareHeap grows the heap once, before a document under largeDocument is read, by the
// memory it is read in (smallDocumentHeap), which the kernel may back with transparent huge
// pages (madvise MADV_HUGEPAGE), and frees it again for the reading to allocate from. Reading
// a document touches tens of MB of fresh heap; in 4 KiB pages that is thousands of page faults,
// which on a virtual machine were a third of the time of converting Keycloak's document: in
// 2 MiB pages it is a few dozen. The kernel backs the region with huge pages only where its
// setting allows (madvise or always); else this costs one allocation and one collection of a
// small heap. Larger documents keep the heap as small as they can instead (tuneGC).
// GODEBUG=disablethp=1, the Go runtime's own switch for huge pages, turns this off too.
// It reports whether the kernel took the advice.
func prepareHeap(size int) (advised bool) {
	if size >= largeDocument || thpDisabled(os.Getenv("GODEBUG")) {
		return false
	}
	region := make([]byte, smallDocumentHeap(size))
	// Only whole huge pages inside the region: the runtime may put other objects around it.
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(region)))
	start := int((hugePageSize - addr%hugePageSize) % hugePageSize)
	end := len(region) - int((addr+uintptr(len(region)))%hugePageSize)
	if start < end {
		// Advice only: refused is as if not asked.
		advised = syscall.Madvise(region[start:end], syscall.MADV_HUGEPAGE) == nil
	}
	runtime.KeepAlive(region)
	region = nil
	// The region is freed now, while the heap holds little else, so that what follows reuses
	// its pages rather than mapping fresh ones.
	runtime.GC()
	return advised
}

// thpDisabled reports whether GODEBUG holds disablethp=1; the last setting of a name counts.
func thpDisabled(godebug string) bool {
	disabled := false
	for _, setting := range strings.Split(godebug, ",") {
		if name, value, ok := strings.Cut(strings.TrimSpace(setting), "="); ok && name == "disablethp" {
			disabled = value == "1"
		}
	}
	return disabled
}
