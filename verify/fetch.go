package verify

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"

	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/text"
)

// Size limits on what verify reads from a server.
const (
	maxTokenResponse = 1 << 20 // a token response
	maxDocument      = 1 << 20 // a discovery document or key set
	maxErrorBody     = 2 << 10 // what a report keeps of a refusal's body
	maxCallBody      = 64 << 10
)

// readCapped reads r to its end, failing with ErrResponseTooLarge past limit bytes.
func readCapped(r io.Reader, limit int64) ([]byte, error) {
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

// server is how verify reads a server: the client that sends the requests, and the redactor
// that every answer passes through.
type server struct {
	client *http.Client
	red    redactor
}

// getJSON fetches a public document (discovery or key set) with GET. Its errors hold only text
// that passed srv.red.
func getJSON(ctx context.Context, srv server, rawURL string) ([]byte, error) {
	if err := checkFetchURL(rawURL); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("building request for %q: %w", rawURL, err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := srv.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetching %q: %s", rawURL, transportReason(ctx, err, srv.red))
	}
	defer resp.Body.Close()
	body, err := readCapped(resp.Body, maxDocument)
	if err != nil {
		return nil, fmt.Errorf("fetching %q: %s", rawURL, srv.red.line(err.Error(), 200))
	}
	switch {
	case isRedirect(resp.StatusCode):
		return nil, fmt.Errorf("fetching %q: HTTP %d to %q: %w", rawURL, resp.StatusCode,
			srv.red.line(resp.Header.Get("Location"), 200), ErrRedirect)
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("fetching %q: HTTP %d", rawURL, resp.StatusCode)
	}
	return body, nil
}

func isRedirect(status int) bool { return status >= 300 && status < 400 }

// checkFetchURL applies profile.ParseHTTPURL to a URL verify is about to fetch.
func checkFetchURL(rawURL string) error {
	if _, err := profile.ParseHTTPURL(rawURL); err != nil {
		return fmt.Errorf("URL %q: %w", text.OneLine(profile.RedactURL(rawURL), 200), err)
	}
	return nil
}

// transportReason says in plain words why a request got no answer. Go's client quotes what
// the server sent (a malformed status line or header), so the words pass red.
func transportReason(ctx context.Context, err error, red redactor) string {
	var (
		dnsErr  *net.DNSError
		opErr   *net.OpError
		certErr *tls.CertificateVerificationError
		unknown x509.UnknownAuthorityError
		host    x509.HostnameError
		netErr  net.Error
	)
	switch {
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded):
		return "timed out: no answer within the time limit"
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.As(err, &dnsErr):
		return fmt.Sprintf("host %q not found", red.line(dnsErr.Name, 200))
	case errors.As(err, &unknown), errors.As(err, &host), errors.As(err, &certErr):
		return "TLS certificate not trusted: " + red.line(err.Error(), 200)
	case errors.As(err, &netErr) && netErr.Timeout():
		return "timed out: no answer within the time limit"
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return "unreachable: " + red.line(opErr.Err.Error(), 200)
	}
	return red.line(err.Error(), 300)
}
