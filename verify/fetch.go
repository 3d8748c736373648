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

	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/redact"
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

// server is how verify reads a server: the documents of the run, and the redactor that
// every answer passes through.
type server struct {
	docs *documents
	red  redact.Redactor
	// fresh asks for documents from the server, not from the cache.
	fresh bool
	// keep stores the documents the run uses in the cache; only a pass that knows the token,
	// and so hides it, keeps them.
	keep bool
}

// getJSON fetches a public document (discovery or key set) with GET, or takes the run's copy
// of it. Its errors hold only text that passed srv.red.
func getJSON(ctx context.Context, srv server, rawURL string) (*document, error) {
	if err := checkFetchURL(rawURL); err != nil {
		return nil, err
	}
	doc := srv.docs.get(ctx, rawURL, srv.fresh)
	switch {
	case doc.err != nil:
		return nil, fmt.Errorf("fetching %q: %s", rawURL, transportReason(ctx, doc.err, srv.red))
	case doc.readErr != nil:
		return nil, fmt.Errorf("fetching %q: %s", rawURL, srv.red.Line(doc.readErr.Error(), 200))
	case isRedirect(doc.status):
		return nil, fmt.Errorf("fetching %q: HTTP %d to %q: %w", rawURL, doc.status,
			srv.red.Line(doc.location, 200), ErrRedirect)
	case doc.status != http.StatusOK:
		return nil, fmt.Errorf("fetching %q: HTTP %d", rawURL, doc.status)
	}
	return doc, nil
}

// used marks doc as a document the run relied on, for the cache to keep.
func (srv server) used(doc *document) {
	if srv.keep {
		srv.docs.keep(doc, srv.red)
	}
}

func isRedirect(status int) bool { return status >= 300 && status < 400 }

// checkFetchURL applies profile.ParseHTTPURL to a URL verify is about to fetch.
func checkFetchURL(rawURL string) error {
	if _, err := network.ParseHTTPURL(rawURL); err != nil {
		return fmt.Errorf("URL %q: %w", text.OneLine(network.RedactURL(rawURL), 200), err)
	}
	return nil
}

// transportReason says in plain words why a request got no answer. Go's client quotes what
// the server sent (a malformed status line or header), so the words pass red.
func transportReason(ctx context.Context, err error, red redact.Redactor) string {
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
		return fmt.Sprintf("host %q not found", red.Line(dnsErr.Name, 200))
	case errors.As(err, &unknown), errors.As(err, &host), errors.As(err, &certErr):
		return "TLS certificate not trusted: " + red.Line(err.Error(), 200)
	case errors.As(err, &netErr) && netErr.Timeout():
		return "timed out: no answer within the time limit"
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return "unreachable: " + red.Line(opErr.Err.Error(), 200)
	}
	return red.Line(err.Error(), 300)
}
