package network

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/gen-postman/gen-postman/internal/redact"
)

// ErrRedirect reports an answer that redirects elsewhere; gen-postman never follows one.
var ErrRedirect = errors.New("redirect not followed")

// Fetcher is how a check reads a server's public documents: the documents of the run, and the
// redactor that every answer passes through.
type Fetcher struct {
	Docs *Documents
	Red  redact.Redactor
	// Fresh asks for documents from the server, not from the cache.
	Fresh bool
	// Keep stores the documents Used marks in the cache; only a fetcher whose redactor knows
	// every secret of the run, and so hides them, should keep them.
	Keep bool
}

// GetJSON fetches a public document (discovery or key set) with GET, or takes the run's copy
// of it. Its errors hold only text that passed f.Red.
func (f Fetcher) GetJSON(ctx context.Context, rawURL string) (*Document, error) {
	if err := f.Docs.policy.Check(rawURL); err != nil {
		return nil, err
	}
	doc := f.Docs.get(ctx, rawURL, f.Fresh)
	switch {
	case doc.err != nil:
		return nil, fmt.Errorf("fetching %q: %s", rawURL, TransportReason(ctx, doc.err, f.Red))
	case doc.readErr != nil:
		return nil, fmt.Errorf("fetching %q: %s", rawURL, f.Red.Line(doc.readErr.Error(), 200))
	case IsRedirect(doc.status):
		return nil, fmt.Errorf("fetching %q: HTTP %d to %q: %w", rawURL, doc.status,
			f.Red.Line(doc.location, 200), ErrRedirect)
	case doc.status != http.StatusOK:
		return nil, fmt.Errorf("fetching %q: HTTP %d", rawURL, doc.status)
	}
	return doc, nil
}

// Used marks doc as a document the run relied on, for the cache to keep when f.Keep allows.
func (f Fetcher) Used(doc *Document) {
	if f.Keep {
		f.Docs.keep(doc, f.Red)
	}
}

// IsRedirect reports whether an HTTP status is a redirect, which is never followed.
func IsRedirect(status int) bool { return status >= 300 && status < 400 }

// CheckURL is the zero [URLPolicy]'s Check: plain http only to loopback.
func CheckURL(rawURL string) error { return URLPolicy{}.Check(rawURL) }
