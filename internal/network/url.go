package network

import (
	"errors"
	"net"
	"net/url"
	"strings"
)

// Why ParseHTTPURL refuses a URL. The messages never repeat the URL.
var (
	// ErrInsecureURL reports plain http to a host that is not this machine.
	ErrInsecureURL = errors.New("plain http is allowed only to loopback")

	// ErrURLCredentials reports a URL with a user name or password in it.
	ErrURLCredentials = errors.New("must not carry credentials")
)

// ParseHTTPURL is the zero [URLPolicy]'s Parse: the one URL rule with plain http only to
// loopback. A run that may allow more (--allow-http) parses with its own policy.
func ParseHTTPURL(raw string) (*url.URL, error) { return URLPolicy{}.Parse(raw) }

// RedactURL hides whatever stands between "://" and the last "@" of the authority, so a message
// about a URL never repeats a password, even one url.Parse rejects.
func RedactURL(raw string) string {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return raw
	}
	authority, path := rest, ""
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		authority, path = rest[:i], rest[i:]
	}
	at := strings.LastIndex(authority, "@")
	if at < 0 {
		return raw
	}
	return scheme + "://REDACTED@" + authority[at+1:] + path
}

// IsLoopback reports whether host names this machine: localhost or a loopback address. A name
// is only a claim: NewClient sends plain http to it only when it resolves to loopback alone, and
// never through a proxy.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}
