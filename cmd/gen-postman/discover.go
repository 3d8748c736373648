package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/setting"
)

// discoveryTimeout bounds OpenID Connect discovery at generation time.
const discoveryTimeout = 15 * time.Second

// discoverEndpoints fills the token URL, and the key set URL unless given, from the issuer's
// metadata when the generic provider has an issuer but no token URL, and says what it found.
// It never guesses: without an answer it fails.
func discoverEndpoints(ctx context.Context, client *http.Client, opts *profile.Options, stderr io.Writer) error {
	if opts.Provider != "generic" || opts.TokenURL != "" || opts.Issuer == "" {
		return nil
	}
	if _, err := opts.URLPolicy.Parse(opts.Issuer); err != nil {
		return &input.Error{Field: setting.Issuer, Value: network.RedactURL(opts.Issuer), Reason: err.Error()}
	}
	ctx, cancel := context.WithTimeout(ctx, discoveryTimeout)
	defer cancel()
	md, err := network.Discover(ctx, client, opts.URLPolicy, opts.Issuer)
	if err != nil {
		return fmt.Errorf("discovering the token endpoint of --issuer: %w; give --token-url to do without discovery", err)
	}
	opts.TokenURL = md.TokenEndpoint
	keys := "none published"
	if opts.JWKSURL == "" {
		opts.JWKSURL = md.JWKSURI
	}
	if md.JWKSURI != "" {
		keys = md.JWKSURI
	}
	fmt.Fprintf(stderr, "gen-postman: discovered from %s: token endpoint %s, keys %s\n", md.From, md.TokenEndpoint, keys)
	return nil
}
