package network

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/gen-postman/gen-postman/internal/text"
)

// URLPolicy is the one rule for every URL gen-postman sends a request to, whether a flag, a
// collection, a document or a server named it: an absolute http(s) URL with a host, without
// credentials or a fragment, and plain http only to loopback or to a host the user allowed it
// to. The zero value allows plain http to loopback alone. Only [AllowPlainHTTP], called with
// the URLs of the user's own flags, widens it: nothing a server, a document or a collection
// says can.
type URLPolicy struct {
	// flag says the user gave --allow-http, so that no message suggests giving it again.
	flag bool
	// plainHTTP holds the non-loopback authorities (host:port, lower case) plain http may go to.
	plainHTTP []string
}

// AllowPlainHTTP returns the policy of --allow-http: plain http may also go to the host and
// port of each plain http URL of flags (the URLs the user gave on the command line), and to no
// other. URLs that are https, on loopback or not URLs at all add nothing.
func AllowPlainHTTP(flags ...string) URLPolicy {
	p := URLPolicy{flag: true}
	for _, raw := range flags {
		u, err := url.Parse(raw)
		if err != nil || u.Scheme != "http" || u.Hostname() == "" || IsLoopback(u.Hostname()) {
			continue
		}
		if a := authority(u); !slices.Contains(p.plainHTTP, a) {
			p.plainHTTP = append(p.plainHTTP, a)
		}
	}
	slices.Sort(p.plainHTTP)
	return p
}

// PlainHTTPHosts lists the non-loopback host:port pairs the policy lets plain http reach, in
// order; none for the zero policy.
func (p URLPolicy) PlainHTTPHosts() []string { return slices.Clone(p.plainHTTP) }

// allowsPlainHTTP reports whether plain http to u's host goes through: to loopback (then pinned
// to it by the client) or to a host the user allowed.
func (p URLPolicy) allowsPlainHTTP(u *url.URL) bool {
	return IsLoopback(u.Hostname()) || p.allowsHost(u)
}

// allowsHost reports whether the user allowed plain http to u's host and port.
func (p URLPolicy) allowsHost(u *url.URL) bool {
	return slices.Contains(p.plainHTTP, authority(u))
}

// authority is u's host and port in lower case, the port filled in for http and https.
func authority(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	return net.JoinHostPort(strings.ToLower(u.Hostname()), port)
}

// Parse checks raw against the policy and returns it parsed. Its errors never repeat the URL.
func (p URLPolicy) Parse(raw string) (*url.URL, error) {
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
	case u.Scheme == "http" && !p.allowsPlainHTTP(u):
		switch {
		case len(p.plainHTTP) > 0:
			return nil, fmt.Errorf("%w (--allow-http admits only %s, the hosts given in flags)",
				ErrInsecureURL, strings.Join(p.plainHTTP, ", "))
		case p.flag:
			return nil, fmt.Errorf("%w (--allow-http admits only the hosts of plain http URLs given in flags, and none is given)",
				ErrInsecureURL)
		}
		return nil, fmt.Errorf("%w; use https, or --allow-http for a host on your network you trust", ErrInsecureURL)
	}
	return u, nil
}

// Check applies Parse to a URL about to be fetched; its error quotes the URL with any
// credentials hidden.
func (p URLPolicy) Check(rawURL string) error {
	if _, err := p.Parse(rawURL); err != nil {
		return fmt.Errorf("URL %q: %w", text.OneLine(RedactURL(rawURL), 200), err)
	}
	return nil
}
