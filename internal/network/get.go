package network

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// Get sends a GET for the whole document at rawURL with NewClient(client, policy), so the URL
// rule holds to the connection: no redirects, and plain http only to loopback or where policy
// allows it, never through a proxy. accept is the Accept header. It returns the body of a 200 answer, for the caller to
// read, within its own bounds, and close, and the length the answer announces (its
// Content-Length), or -1 when it announces none: a caller can refuse a body too large for it
// before reading any of it. Any other answer is an error; a request that got no answer at all
// (connection, name resolution, TLS, timeout) is a *TransportError. ctx bounds the request and the
// reading of the body alike.
func Get(ctx context.Context, client *http.Client, policy URLPolicy, rawURL, accept string) (io.ReadCloser, int64, error) {
	if _, err := policy.Parse(rawURL); err != nil {
		return nil, -1, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, -1, fmt.Errorf("fetching: %w", err)
	}
	req.Header.Set("Accept", accept)
	resp, err := NewClient(client, policy).Do(req)
	if err != nil {
		var urlErr interface{ Unwrap() error }
		if errors.As(err, &urlErr) {
			err = urlErr.Unwrap()
		}
		return nil, -1, &TransportError{Err: fmt.Errorf("fetching: %w", err)}
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, -1, fmt.Errorf("fetching: HTTP %d, want 200", resp.StatusCode)
	}
	return resp.Body, resp.ContentLength, nil
}

// TransportError is a request that got no answer: the network or the server failed, not the
// URL the user gave.
type TransportError struct{ Err error }

func (e *TransportError) Error() string { return e.Err.Error() }
func (e *TransportError) Unwrap() error { return e.Err }
