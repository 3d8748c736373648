//go:build !linux

package main

// prepareHeap does nothing where the kernel takes no advice on huge pages this way; see the
// Linux version.
func prepareHeap(int) bool { return false }
