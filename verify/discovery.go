package verify

import (
	"context"
	"fmt"

	"github.com/gen-postman/gen-postman/internal/network"
)

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

// findKeySource takes the issuer and key set URL from the profile, and fills what it lacks from a
// discovery document that is tied to the token endpoint: one whose token_endpoint is exactly the
// URL the token came from. Nothing is fetched from where the token's own iss points.
func findKeySource(ctx context.Context, srv network.Fetcher, issuer, jwksURL, tokenURL string) keySource {
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
	for _, candidate := range network.DiscoveryURLs(srv.Docs.Policy(), issuer, tokenURL) {
		doc, raw, err := srv.Metadata(ctx, candidate)
		if err != nil {
			src.notes = append(src.notes, err.Error())
			if ctx.Err() != nil {
				break
			}
			continue
		}
		if doc.TokenEndpoint != tokenURL {
			src.notes = append(src.notes, fmt.Sprintf("%s: its token_endpoint %q is not the token URL, so it is not trusted",
				candidate, srv.Red.Line(doc.TokenEndpoint, 200)))
			continue
		}
		if src.jwksURL == "" {
			if err := srv.Docs.Policy().Check(doc.JWKSURI); err != nil || doc.JWKSURI == "" {
				src.notes = append(src.notes, fmt.Sprintf("%s: unusable jwks_uri %q", candidate, srv.Red.Line(doc.JWKSURI, 200)))
				continue
			}
			src.jwksURL, src.jwksFrom = doc.JWKSURI, candidate
		}
		if src.issuer == "" && doc.Issuer != "" {
			// The issuer is compared with the token's iss, which passed the same redactor.
			src.issuer, src.issuerFrom = srv.Red.Visible(doc.Issuer), candidate
		}
		src.cached = raw.Cached()
		srv.Used(raw)
		return src
	}
	return src
}
