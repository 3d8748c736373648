package verify

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/gen-postman/gen-postman/internal/redact"
)

// ErrNoMetadata reports that no usable metadata document was found for an issuer.
var ErrNoMetadata = errors.New("no usable metadata document")

// Metadata is what an issuer publishes about itself, as far as a client credentials request
// needs it.
type Metadata struct {
	Issuer        string
	TokenEndpoint string
	JWKSURI       string // empty when the document has none (optional in RFC 8414)
	// From is the URL of the document.
	From string
}

// Discover fetches the metadata of issuer, from OpenID Connect Discovery 1.0
// (ISSUER/.well-known/openid-configuration), then RFC 8414
// (/.well-known/oauth-authorization-server/PATH), with the same rules as Run: no redirects,
// bodies capped, and every URL the document names held to the one URL rule. A document is
// accepted only when its issuer is exactly the one asked for (OpenID Connect Discovery §4.3,
// RFC 8414 §3.3). client nil means Run's default client. The error matches ErrNoMetadata and
// says, per URL tried, why it was not used.
func Discover(ctx context.Context, client *http.Client, issuer string) (*Metadata, error) {
	if err := checkFetchURL(issuer); err != nil {
		return nil, err
	}
	// No secret is sent, so none can come back: the redactor has nothing to hide, but still
	// makes the server's text safe to print.
	docs := newDocuments(ctx, newHTTPClient(client, net.DefaultResolver.LookupNetIP), "", time.Now)
	defer docs.wg.Wait()
	srv := server{docs: docs, red: redact.New(nil, nil)}
	var notes []string
	for _, u := range discoveryURLs(issuer, "") {
		doc, _, err := fetchDiscovery(ctx, srv, u)
		switch {
		case err != nil:
			notes = append(notes, err.Error())
		case doc.Issuer != issuer:
			notes = append(notes, fmt.Sprintf("%s: its issuer %q is not %q", u, srv.red.Line(doc.Issuer, 200), issuer))
		case doc.TokenEndpoint == "" || checkFetchURL(doc.TokenEndpoint) != nil:
			notes = append(notes, fmt.Sprintf("%s: unusable token_endpoint %q", u, srv.red.Line(doc.TokenEndpoint, 200)))
		case doc.JWKSURI != "" && checkFetchURL(doc.JWKSURI) != nil:
			notes = append(notes, fmt.Sprintf("%s: unusable jwks_uri %q", u, srv.red.Line(doc.JWKSURI, 200)))
		default:
			return &Metadata{Issuer: doc.Issuer, TokenEndpoint: doc.TokenEndpoint, JWKSURI: doc.JWKSURI, From: u}, nil
		}
		if ctx.Err() != nil {
			break
		}
	}
	return nil, fmt.Errorf("%w for issuer %q: %s", ErrNoMetadata, issuer, strings.Join(notes, "; "))
}
