package network

import (
	"slices"
	"testing"
)

func TestDiscoveryURLs(t *testing.T) {
	tests := []struct {
		issuer, tokenURL string
		want             []string
	}{
		{tokenURL: "http://h/oidc/token", want: []string{
			"http://h/oidc/.well-known/openid-configuration",
			"http://h/.well-known/oauth-authorization-server/oidc",
			"http://h/.well-known/openid-configuration",
			"http://h/.well-known/oauth-authorization-server",
		}},
		{issuer: "https://d.auth0.com/", tokenURL: "https://d.auth0.com/oauth/token", want: []string{
			"https://d.auth0.com/.well-known/openid-configuration",
			"https://d.auth0.com/.well-known/oauth-authorization-server",
			"https://d.auth0.com/oauth/.well-known/openid-configuration",
			"https://d.auth0.com/.well-known/oauth-authorization-server/oauth",
		}},
		{tokenURL: "https://s.kinde.com/oauth2/token?x=1", want: []string{
			"https://s.kinde.com/oauth2/.well-known/openid-configuration",
			"https://s.kinde.com/.well-known/oauth-authorization-server/oauth2",
			"https://s.kinde.com/.well-known/openid-configuration",
			"https://s.kinde.com/.well-known/oauth-authorization-server",
		}},
		// An issuer over plain http to a remote host is not fetched.
		{issuer: "http://evil.example/", tokenURL: "https://h/token", want: []string{
			"https://h/.well-known/openid-configuration",
			"https://h/.well-known/oauth-authorization-server",
		}},
	}
	for _, tt := range tests {
		if got := DiscoveryURLs(URLPolicy{}, tt.issuer, tt.tokenURL); !slices.Equal(got, tt.want) {
			t.Errorf("DiscoveryURLs(%q, %q)\n got %q\nwant %q", tt.issuer, tt.tokenURL, got, tt.want)
		}
	}
	if got := DiscoveryURLs(URLPolicy{}, "", "https://h/a/b/c/d/e/f/g/token"); len(got) != maxDiscoveryTries {
		t.Errorf("%d URLs for a deep path, want at most %d", len(got), maxDiscoveryTries)
	}
}
