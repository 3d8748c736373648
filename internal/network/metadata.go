package network

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
)

// Metadata is what an issuer publishes about itself (OpenID Connect Discovery 1.0 §3, RFC 8414
// authorization server metadata), as far as a client credentials request needs it.
type Metadata struct {
	Issuer        string `json:"issuer"`
	TokenEndpoint string `json:"token_endpoint"`
	JWKSURI       string `json:"jwks_uri"` // empty when the document has none (optional in RFC 8414)
	// IntrospectionEndpoint is the RFC 7662 endpoint (RFC 8414 §2), empty when there is none.
	IntrospectionEndpoint string `json:"introspection_endpoint"`
	// From is the URL of the document.
	From string `json:"-"`
}

// maxDiscoveryTries bounds how many metadata URLs are tried.
const maxDiscoveryTries = 8

// Metadata fetches and reads the metadata document at u, and returns it with the document it
// was read from, for Used. The fields are as the server wrote them: they pass f.Red before
// they are shown.
func (f Fetcher) Metadata(ctx context.Context, u string) (*Metadata, *Document, error) {
	raw, err := f.GetJSON(ctx, u)
	if err != nil {
		return nil, nil, err
	}
	md := Metadata{From: u}
	if err := json.Unmarshal(raw.body, &md); err != nil {
		return nil, nil, fmt.Errorf("%s: not a metadata document: %s", u, f.Red.Line(err.Error(), 100))
	}
	return &md, raw, nil
}

// DiscoveryURLs lists where metadata may be: under the issuer when it is known, then under each
// path prefix of the token URL, longest first, as OpenID Connect Discovery places it
// (PREFIX/.well-known/openid-configuration) and as RFC 8414 §3 does
// (/.well-known/oauth-authorization-server/PREFIX). An issuer that fails policy is not used;
// the list holds at most eight URLs.
func DiscoveryURLs(policy URLPolicy, issuer, tokenURL string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(origin, prefix string) {
		for _, u := range []string{
			origin + prefix + "/.well-known/openid-configuration",
			origin + "/.well-known/oauth-authorization-server" + prefix,
		} {
			if !seen[u] && len(out) < maxDiscoveryTries {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	if u, err := url.Parse(issuer); err == nil && issuer != "" && policy.Check(issuer) == nil {
		add(u.Scheme+"://"+u.Host, strings.TrimRight(u.EscapedPath(), "/"))
	}
	u, err := url.Parse(tokenURL)
	if err != nil || u.Host == "" {
		return out
	}
	origin := u.Scheme + "://" + u.Host
	segments := strings.Split(strings.Trim(u.EscapedPath(), "/"), "/")
	// The last segment is the token endpoint itself.
	for n := len(segments) - 1; n >= 0; n-- {
		prefix := ""
		if n > 0 {
			prefix = "/" + strings.Join(segments[:n], "/")
		}
		add(origin, prefix)
	}
	return out
}
