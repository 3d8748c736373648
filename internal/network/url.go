package network

import (
	"errors"
	"net"
	"net/url"
	"strings"
	"unicode"
)

// Why ParseHTTPURL refuses a URL. The messages never repeat the URL.
var (
	// ErrInsecureURL reports plain http to a host that is not this machine.
	ErrInsecureURL = errors.New("plain http is allowed only to loopback; use https")

	// ErrURLCredentials reports a URL with a user name or password in it.
	ErrURLCredentials = errors.New("must not carry credentials")
)

// ParseHTTPURL is the one rule for every URL gen-postman sends a request to, whether a flag, a
// collection or a server named it: an absolute http(s) URL with a host, without credentials or
// a fragment, and plain http only to loopback.
func ParseHTTPURL(raw string) (*url.URL, error) {
	if strings.IndexFunc(raw, unicode.IsControl) >= 0 || strings.ContainsAny(raw, " \"\\<>{}|^`") {
		return nil, errors.New("contains spaces, quotes or control characters")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, errors.New("not a URL")
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, errors.New("not an absolute http(s) URL")
	case u.Host == "" || u.Hostname() == "":
		return nil, errors.New("has no host")
	case u.User != nil:
		return nil, ErrURLCredentials
	case u.Fragment != "" || strings.Contains(raw, "#"):
		return nil, errors.New("must not have a #fragment")
	case u.Scheme == "http" && !IsLoopback(u.Hostname()):
		return nil, ErrInsecureURL
	}
	return u, nil
}

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
