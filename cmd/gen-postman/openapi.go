package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/gen-postman/gen-postman/internal/apimodel"
	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/openapi"
)

// openapiTimeout bounds fetching an OpenAPI document from a URL.
const openapiTimeout = 30 * time.Second

// openapiAccept is the Accept header of that fetch.
const openapiAccept = "application/json, application/yaml;q=0.9, */*;q=0.1"

// loadAPI reads the OpenAPI document that --openapi names (a file, an http(s) URL, or - for
// stdin) and turns it into the profile's requests. opts carries the tenant and the host of the
// token URL, which fill the document's server placeholders. Whatever goes wrong is bad input: the
// message names the source, and nothing is written. What the document reads as other than
// written (a $ref to nothing) is warned of on stderr.
func loadAPI(ctx context.Context, client *http.Client, source string, stdin io.Reader, stderr io.Writer, opts openapi.Options) (*apimodel.API, error) {
	bad := func(reason string) error {
		return &input.Error{Field: "openapi", Value: network.RedactURL(source), Reason: reason}
	}
	data, err := readSource(ctx, client, source, stdin)
	var inputErr *input.Error
	switch {
	case errors.As(err, &inputErr):
		return nil, err
	case err != nil:
		return nil, bad(err.Error())
	}
	doc, err := openapi.Parse(data, opts)
	if err != nil {
		return nil, bad(err.Error())
	}
	warn(stderr, doc.Warnings)
	return doc.API(), nil
}

// readSource reads at most openapi.DefaultMaxSize bytes of the document.
func readSource(ctx context.Context, client *http.Client, source string, stdin io.Reader) ([]byte, error) {
	var r io.Reader
	switch {
	case source == "-":
		r = stdin
	case strings.HasPrefix(source, "https://") || strings.HasPrefix(source, "http://"):
		ctx, cancel := context.WithTimeout(ctx, openapiTimeout)
		defer cancel()
		body, err := network.Get(ctx, client, source, openapiAccept)
		if err != nil {
			return nil, err
		}
		defer body.Close()
		r = body
	default:
		f, err := openInput("openapi", source)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, openapi.DefaultMaxSize+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("reading: %w", err)
	case len(data) > openapi.DefaultMaxSize:
		return nil, fmt.Errorf("%w: over %d MiB", openapi.ErrTooLarge, openapi.DefaultMaxSize>>20)
	case len(data) == 0:
		return nil, errors.New("empty")
	}
	return data, nil
}

// urlHost is the host of an http(s) URL the user gave, or "" when it is not one.
func urlHost(raw string) string {
	u, err := network.ParseHTTPURL(raw)
	if err != nil {
		return ""
	}
	return u.Host
}
