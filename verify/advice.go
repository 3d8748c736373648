package verify

import (
	"strings"

	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/templates"
)

// Names are how the user changes each setting, as hints name them: a command line passes its
// flags ("--token-url"), another program its own words. An empty name reads as a description of
// the setting, such as "the token URL".
type Names struct {
	TokenURL   string
	Resource   string
	Audience   string
	Scope      string
	ClientAuth string
	Issuer     string
	JWKSURL    string
	// Introspection is how the user gives an RFC 7662 introspection endpoint.
	Introspection string
	// KeyID is how the user names the kid of the client's key.
	KeyID   string
	Timeout string
	// Location is how the user names the server: its tenant or base URL.
	Location string
	// Call is how the user names the request to make with the token.
	Call string
	// BaseURL is how the user names the API's base URL, which a call's path goes after.
	BaseURL string
	// Given holds the names above that the user already gave (by the name, as "--issuer"): a
	// hint then says that the value given is wrong, rather than to give it.
	Given map[string]bool
}

// given reports whether the user gave the setting named name.
func (n Names) given(name string) bool { return n.Given[name] }

// withDefaults fills each empty name with a description of the setting.
func (n Names) withDefaults() Names {
	for _, f := range []struct {
		dst      *string
		fallback string
	}{
		{&n.TokenURL, "the token URL"},
		{&n.BaseURL, "the base URL"},
		{&n.Resource, "the resource"},
		{&n.Audience, "the audience"},
		{&n.Scope, "the scope"},
		{&n.ClientAuth, "the client authentication"},
		{&n.Issuer, "the issuer"},
		{&n.JWKSURL, "the key set URL"},
		{&n.KeyID, "the key ID"},
		{&n.Timeout, "the time limit"},
		{&n.Location, "the server's address"},
		{&n.Call, "a call"},
	} {
		if *f.dst == "" {
			*f.dst = f.fallback
		}
	}
	return n
}

// advice is what hints may say besides the facts of the run: how the user sets each setting,
// the provider's own advice from its preset, and the parameters the token request sent, so
// that a hint fits what was sent.
type advice struct {
	names    Names
	provider templates.Hints
	sent     []profile.Param
}

// sentValue is the value of the named parameter the token request sent, or empty.
func (a advice) sentValue(name string) string {
	for _, p := range a.sent {
		if p.Name == name {
			return p.Value
		}
	}
	return ""
}

// withProvider appends the provider's advice to a hint when there is any.
func withProvider(hint, provider string) string {
	if provider == "" {
		return hint
	}
	return strings.TrimSuffix(hint, ".") + ". " + provider
}
