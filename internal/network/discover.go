package network

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gen-postman/gen-postman/internal/redact"
)

// ErrNoMetadata reports that no usable metadata document was found for an issuer.
var ErrNoMetadata = errors.New("no usable metadata document")

// Discover fetches the metadata of issuer, from OpenID Connect Discovery 1.0
// (ISSUER/.well-known/openid-configuration), then RFC 8414
// (/.well-known/oauth-authorization-server/PATH), with the rules of every fetch: no redirects,
// bodies capped, and every URL the document names held to the one URL rule. A document is
// accepted only when its issuer is exactly the one asked for (OpenID Connect Discovery §4.3,
// RFC 8414 §3.3). client nil means NewClient's defaults. policy is the run's URL rule: what the
// document names passes it too, so an http issuer the user allowed cannot send the secret to
// any other plain http host. The error matches ErrNoMetadata and
// says, per URL tried, why it was not used.
func Discover(ctx context.Context, client *http.Client, policy URLPolicy, issuer string) (*Metadata, error) {
	if err := policy.Check(issuer); err != nil {
		return nil, err
	}
	// No secret is sent, so none can come back: the redactor has nothing to hide, but still
	// makes the server's text safe to print.
	docs := NewDocuments(ctx, NewClient(client, policy), policy, "", time.Now)
	defer docs.Wait()
	f := Fetcher{Docs: docs, Red: redact.New(nil, nil)}
	var notes []string
	for _, u := range DiscoveryURLs(policy, issuer, "") {
		md, _, err := f.Metadata(ctx, u)
		switch {
		case err != nil:
			notes = append(notes, err.Error())
		case md.Issuer != issuer:
			notes = append(notes, fmt.Sprintf("%s: its issuer %q is not %q", u, f.Red.Line(md.Issuer, 200), issuer))
		case md.TokenEndpoint == "" || policy.Check(md.TokenEndpoint) != nil:
			notes = append(notes, fmt.Sprintf("%s: unusable token_endpoint %q", u, f.Red.Line(md.TokenEndpoint, 200)))
		case md.JWKSURI != "" && policy.Check(md.JWKSURI) != nil:
			notes = append(notes, fmt.Sprintf("%s: unusable jwks_uri %q", u, f.Red.Line(md.JWKSURI, 200)))
		default:
			return md, nil
		}
		if ctx.Err() != nil {
			break
		}
	}
	return nil, fmt.Errorf("%w for issuer %q: %s", ErrNoMetadata, issuer, strings.Join(notes, "; "))
}
