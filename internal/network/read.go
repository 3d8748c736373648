package network

import (
	"errors"
	"fmt"
	"io"
)

// ErrResponseTooLarge reports a response body over the size limit of what was fetched.
var ErrResponseTooLarge = errors.New("response body too large")

// maxDocument bounds what is read of a public document: discovery metadata or a key set.
const maxDocument = 1 << 20

// ReadCapped reads r to its end, failing with ErrResponseTooLarge past limit bytes; it then
// returns the first limit bytes, so that what was read can still be shown.
func ReadCapped(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return data, fmt.Errorf("reading response body: %w", err)
	}
	if int64(len(data)) > limit {
		return data[:limit], fmt.Errorf("%w: over %s", ErrResponseTooLarge, byteSize(limit))
	}
	return data, nil
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
