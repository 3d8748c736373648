package main

import (
	"net/http"

	"github.com/urfave/cli/v2"

	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/redact"
)

// verboseTracer is the tracer of --verbose, or nil without it. showToken shows the access
// token, as verify's --show-token does.
func verboseTracer(c *cli.Context, showToken bool) *network.Tracer {
	if !c.Bool("verbose") {
		return nil
	}
	return network.NewTracer(c.App.ErrWriter, showToken)
}

// tracedClient is client with its exchanges shown by t, hiding the credentials of opts, or
// client itself when t is nil. The documents it fetches (OpenAPI, discovery, key sets) are sent
// no credentials; a server may still echo them.
func tracedClient(t *network.Tracer, client *http.Client, opts profile.Options) *http.Client {
	if t == nil {
		return client
	}
	secrets := []string{opts.ClientSecret}
	if opts.ClientKey != nil {
		j := opts.ClientKey.PrivateJWK("")
		secrets = append(secrets, j.D, j.P, j.Q, j.DP, j.DQ, j.QI)
	}
	var basic []string
	if opts.ClientSecret != "" {
		basic = []string{opts.ClientID + ":" + opts.ClientSecret}
	}
	red := redact.New(secrets, basic)
	return t.Client(client, func() redact.Redactor { return red })
}
