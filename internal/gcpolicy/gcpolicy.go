// Package gcpolicy sets the garbage collector for the one part of a gen-postman run that
// allocates much: reading an OpenAPI document and writing its collection. It is process policy,
// kept apart from the commands that call it, and it stands aside when GOGC or GOMEMLIMIT is set.
//
// What it buys: a document under 2 MiB is read, and its collection written, with no collection
// until the heap reaches 24 MiB. Measured side by side against the Go runtime's defaults
// (GOGC=100, no limit), whole process, medians of 9 runs in turn on two cores loaded by other
// work: Keycloak's document (0.4 MB) 0.13 s of processor time instead of 0.17 s, 35 MiB peak
// instead of 38; FusionAuth's (0.6 MB) 0.19 s either way, 36 MiB instead of 41; Logto's (1.2 MB)
// 0.09 s instead of 0.11 s, 35 MiB either way. The process is short and its heap starts at
// 4 MiB: the collections after each doubling are a large share of it. With it, Keycloak's
// document converts about 14 times faster than openapi-to-postmanv2 (wall and processor time);
// without it, about 9 to 12 times, depending on the load.
//
// A document of 2 MiB or more is read with the collector's target at 150% (GOGC=150) instead of
// 100%. Okta's document (3.5 MB), 21 runs in turn on the idle two-core machine, medians, against
// commit 69e61d4 (before contract tests): processor time 1.34 times, wall time 1.31 times and
// peak memory 1.23 times the old ones (111 MiB), where at 100% they were 1.48, 1.40 and 1.05: the
// contract tests' reading of the answers allocates 23 MB more, and time is what a user of a
// large document waits for.
//
// Tried and left out:
//   - Advising the kernel to back the heap with huge pages (madvise) before reading, under a
//     limit of 64 MiB plus four times the document: about a quarter less processor time than the
//     defaults, but 46 MiB peak for Logto's document (54 for FusionAuth's), over its 40 MB target.
//   - A 10% target while a document of 4 MiB or more is read: Logto's paths copied 16 times
//     (18.9 MB) peak at 146 MiB instead of 239, for 1.9 times the processor time. Above a few MiB
//     time is what a user waits for, and the 128 MiB cap on documents bounds the memory.
package gcpolicy

import (
	"os"
	"runtime/debug"
)

// SmallDocument is the size under which a document is read with no collection until the heap
// reaches SmallHeap.
const SmallDocument = 2 << 20

// SmallHeap is the memory limit under which a small document is read and its collection
// written without collecting: about what the default collector lets Logto's document grow to.
// A heap that outgrows it is collected as the limit asks, in at most about half the processor
// time (the runtime's own cap), as if there were no policy.
const SmallHeap = 24 << 20

// LargeGCPercent is the collector's target for a document of SmallDocument or more.
const LargeGCPercent = 150

// ForDocument sets the collector for reading a document of size bytes and writing its
// collection. The setting stays until the process ends. With GOGC or GOMEMLIMIT set, the
// collector is left as it is.
func ForDocument(size int) {
	switch {
	case os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "":
	case size >= SmallDocument:
		debug.SetGCPercent(LargeGCPercent)
	default:
		debug.SetMemoryLimit(SmallHeap)
		debug.SetGCPercent(-1)
	}
}
