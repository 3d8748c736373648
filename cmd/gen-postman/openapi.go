package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/gen-postman/gen-postman/internal/apimodel"
	"github.com/gen-postman/gen-postman/internal/gcpolicy"
	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/openapi"
	"github.com/gen-postman/gen-postman/internal/setting"
)

// openapiTimeout bounds fetching an OpenAPI document from a URL.
const openapiTimeout = 30 * time.Second

// maxOpenAPISize caps the document read; tests lower it.
var maxOpenAPISize int64 = openapi.DefaultMaxSize

// openapiAccept is the Accept header of that fetch.
const openapiAccept = "application/json, application/yaml;q=0.9, */*;q=0.1"

// loadAPI reads the OpenAPI document that field (--openapi or --provider-openapi) names (a file,
// an http(s) URL, or - for stdin) and turns it into the profile's requests. opts carries the
// tenant and the host of the token URL, which fill the document's server placeholders. Whatever
// goes wrong with the document is bad input: the message names the flag and the source, and
// nothing is written. A URL that gets no answer (the network, the server) is not bad input: that
// error is exit status 1. What the document reads as other than written (a $ref to nothing) is
// warned of on stderr.
func loadAPI(ctx context.Context, client *http.Client, policy network.URLPolicy, field, source string, stdin io.Reader, stderr io.Writer, opts openapi.Options) (*apimodel.API, error) {
	bad := func(reason string) error {
		return &input.Error{Field: setting.Key(field), Value: network.RedactURL(source), Reason: reason}
	}
	data, err := readSource(ctx, client, policy, source, stdin)
	var inputErr *input.Error
	var fetchErr *network.TransportError
	switch {
	case errors.As(err, &inputErr):
		return nil, err
	case errors.As(err, &fetchErr):
		return nil, fmt.Errorf("--openapi %q: %w", network.RedactURL(source), err)
	case err != nil:
		return nil, bad(err.Error())
	}
	gcpolicy.ForDocument(len(data))
	doc, err := openapi.Parse(data, opts)
	if err != nil {
		return nil, bad(err.Error())
	}
	warn(stderr, doc.Warnings)
	api := doc.API()
	resolveBasePath(api, source)
	return api, nil
}

// resolveBasePath makes the API's base URL of a document that names a path without a host
// ("/api/v1") and was fetched from an http(s) URL: the path on the host that served it, as
// OpenAPI reads a relative server URL. Read from a file or stdin, the path is left for the
// profile to put after the host it takes.
func resolveBasePath(api *apimodel.API, source string) {
	if api.BaseURL != "" || api.BasePath == "" {
		return
	}
	u, err := url.Parse(source)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return
	}
	api.BaseURL = u.Scheme + "://" + u.Host + api.BasePath
}

// readSource reads the document, at most maxOpenAPISize bytes of it. A file, or stdin
// redirected from one, whose size is over that cap, and an answer whose Content-Length is, are
// refused before a byte is read; a stream of unknown length is cut off just past the cap.
func readSource(ctx context.Context, client *http.Client, policy network.URLPolicy, source string, stdin io.Reader) ([]byte, error) {
	var r io.Reader
	size := int64(-1)
	switch {
	case source == "-":
		r = stdin
		if f, ok := stdin.(*os.File); ok {
			if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
				size = info.Size()
			}
		}
	case strings.HasPrefix(source, "https://") || strings.HasPrefix(source, "http://"):
		ctx, cancel := context.WithTimeout(ctx, openapiTimeout)
		defer cancel()
		body, length, err := network.Get(ctx, client, policy, source, openapiAccept)
		if err != nil {
			return nil, err
		}
		defer body.Close()
		r, size = body, length
	default:
		f, err := input.Open("openapi", source)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil {
			return nil, fmt.Errorf("reading: %w", err)
		}
		r, size = f, info.Size()
	}
	if size > maxOpenAPISize {
		return nil, fmt.Errorf("%w: %d bytes, over %s", openapi.ErrTooLarge, size, mebibytes(maxOpenAPISize))
	}
	data, err := readUpTo(r, size, maxOpenAPISize)
	switch {
	case err != nil:
		return nil, fmt.Errorf("reading: %w", err)
	case int64(len(data)) > maxOpenAPISize:
		return nil, fmt.Errorf("%w: over %s", openapi.ErrTooLarge, mebibytes(maxOpenAPISize))
	case len(data) == 0:
		return nil, errors.New("empty")
	}
	return data, nil
}

// urlHost is the host of an http(s) URL the user gave, or "" when it is not one policy admits.
func urlHost(policy network.URLPolicy, raw string) string {
	u, err := policy.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Host
}

// readUpTo reads r to its end, or to one byte past limit. size is what r is expected to hold,
// or -1 when unknown: the buffer is then allocated once, at that size, rather than grown by
// doubling, which for a large document would hold about twice its size at the end.
func readUpTo(r io.Reader, size, limit int64) ([]byte, error) {
	r = io.LimitReader(r, limit+1)
	if size < 0 {
		return io.ReadAll(r)
	}
	// One byte more than expected: a source shorter than announced fills part of it, one longer
	// fills all of it and is read on, to its end or past the limit.
	buf := make([]byte, size+1)
	n, err := io.ReadFull(r, buf)
	switch {
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return buf[:n], nil
	case err != nil:
		return nil, err
	}
	rest, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return append(buf, rest...), nil
}

// mebibytes writes a size cap in MiB, or in bytes when it is not a whole number of them.
func mebibytes(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
