package verify

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
)

// discoveryDoc holds what verify reads from OpenID Connect Discovery 1.0 §3 or RFC 8414
// authorization server metadata.
type discoveryDoc struct {
	Issuer        string `json:"issuer"`
	TokenEndpoint string `json:"token_endpoint"`
	JWKSURI       string `json:"jwks_uri"`
}

// keySource is where the expected issuer and the signing keys come from.
type keySource struct {
	issuer     string // the expected iss; empty when unknown
	issuerFrom string
	jwksURL    string // empty when unknown
	jwksFrom   string
	// cached says the discovery document came from the cache.
	cached bool
	// notes say why discovery found nothing, one line per URL tried.
	notes []string
}

// maxDiscoveryTries bounds how many metadata URLs are tried.
const maxDiscoveryTries = 8

// findKeySource takes the issuer and key set URL from the profile, and fills what it lacks from a
// discovery document that is tied to the token endpoint: one whose token_endpoint is exactly the
// URL the token came from. Nothing is fetched from where the token's own iss points.
func findKeySource(ctx context.Context, srv server, issuer, jwksURL, tokenURL string) keySource {
	src := keySource{issuer: issuer, jwksURL: jwksURL}
	if issuer != "" {
		src.issuerFrom = "profile"
	}
	if jwksURL != "" {
		src.jwksFrom = "profile"
	}
	if issuer != "" && jwksURL != "" {
		return src
	}
	for _, candidate := range discoveryURLs(issuer, tokenURL) {
		doc, raw, err := fetchDiscovery(ctx, srv, candidate)
		if err != nil {
			src.notes = append(src.notes, err.Error())
			if ctx.Err() != nil {
				break
			}
			continue
		}
		if doc.TokenEndpoint != tokenURL {
			src.notes = append(src.notes, fmt.Sprintf("%s: its token_endpoint %q is not the token URL, so it is not trusted",
				candidate, srv.red.Line(doc.TokenEndpoint, 200)))
			continue
		}
		if src.jwksURL == "" {
			if err := checkFetchURL(doc.JWKSURI); err != nil || doc.JWKSURI == "" {
				src.notes = append(src.notes, fmt.Sprintf("%s: unusable jwks_uri %q", candidate, srv.red.Line(doc.JWKSURI, 200)))
				continue
			}
			src.jwksURL, src.jwksFrom = doc.JWKSURI, candidate
		}
		if src.issuer == "" && doc.Issuer != "" {
			// The issuer is compared with the token's iss, which passed the same redactor.
			src.issuer, src.issuerFrom = srv.red.Visible(doc.Issuer), candidate
		}
		src.cached = raw.cached
		srv.used(raw)
		return src
	}
	return src
}

// fetchDiscovery fetches and reads the metadata document at u.
func fetchDiscovery(ctx context.Context, srv server, u string) (*discoveryDoc, *document, error) {
	raw, err := getJSON(ctx, srv, u)
	if err != nil {
		return nil, nil, err
	}
	var doc discoveryDoc
	if err := json.Unmarshal(raw.body, &doc); err != nil {
		return nil, nil, fmt.Errorf("%s: not a metadata document: %s", u, srv.red.Line(err.Error(), 100))
	}
	return &doc, raw, nil
}

// discoveryURLs lists where metadata may be: under the issuer when it is known, then under each
// path prefix of the token URL, longest first, as OpenID Connect Discovery places it
// (PREFIX/.well-known/openid-configuration) and as RFC 8414 §3 does
// (/.well-known/oauth-authorization-server/PREFIX).
func discoveryURLs(issuer, tokenURL string) []string {
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
	if u, err := url.Parse(issuer); err == nil && issuer != "" && checkFetchURL(issuer) == nil {
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
