package verify

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"

	"github.com/gen-postman/gen-postman/internal/profile"
)

// DefaultLeeway is the clock skew the command line allows between this machine and the server.
const DefaultLeeway = 60 * time.Second

// Options say what to verify and how.
type Options struct {
	// Profile is the token request to send and what the token is for: TokenURL, ClientAuth,
	// ClientID, ClientSecret, Scope and Params make the request; Issuer and JWKSURL, when set,
	// name the expected issuer and its key set; BaseURL and Folders serve Call.
	Profile *profile.Profile
	// HTTPClient sends every request. Nil means a client that verifies TLS and has its own
	// timeouts. Whatever the client, redirects are never followed, so credentials and the token
	// never reach a URL other than the one given.
	HTTPClient *http.Client
	// Now is the clock the token's times are checked against; nil means time.Now.
	Now func() time.Time
	// Leeway is the clock skew allowed on exp, iat and nbf and between exp - iat and
	// expires_in. Zero (or less) allows none; DefaultLeeway suits most clocks.
	Leeway time.Duration
	// MaxLifetime, when positive, fails a token that lives longer.
	MaxLifetime time.Duration
	// Call, when set, makes a GET request to the API with the token afterwards: "first" for the
	// profile's first ready request, a path starting with "/" for one relative to
	// Profile.BaseURL, or an absolute https URL (http only to loopback).
	Call string
	// ShowToken puts the access token itself in the report.
	ShowToken bool
	// Names are how the user changes each setting, for the hints.
	Names Names
	// CacheDir, when set, is the directory where discovery documents and key sets are kept
	// across runs, as long as their server's Cache-Control or Expires allows and at most a
	// day (ten minutes when the server says nothing). A cached key set that does not verify
	// the token, or a cached issuer that is not the token's, is fetched again before any
	// verdict. Empty means no cache.
	CacheDir string
}

// CallFirst is the Options.Call value for the profile's first ready request.
const CallFirst = "first"

// HTTPClient returns the client verify sends every request with, for other fetches that must
// keep its rules: c's settings (nil for sane defaults, TLS verified), no redirect ever followed,
// and plain http only to a name that resolves to loopback alone, never through a proxy.
func HTTPClient(c *http.Client) *http.Client {
	return newHTTPClient(c, net.DefaultResolver.LookupNetIP)
}

// newHTTPClient returns the client Run uses: opts' own, or one that verifies TLS with sane
// timeouts. In either case it never follows a redirect, and it sends plain http only to this
// machine (see loopbackOnly), never through a proxy; lookup resolves host names.
func newHTTPClient(c *http.Client, lookup lookupFunc) *http.Client {
	var client http.Client
	if c != nil {
		client = *c
	} else {
		client.Transport = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: 30 * time.Second,
			IdleConnTimeout:       30 * time.Second,
			ForceAttemptHTTP2:     true,
			MaxIdleConnsPerHost:   2,
		}
		client.Timeout = 60 * time.Second
	}
	next := client.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	if t, ok := next.(*http.Transport); ok {
		t = t.Clone()
		t.Proxy = noProxyForPlainHTTP(t.Proxy)
		dial := t.DialContext
		if dial == nil {
			dial = (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext
		}
		t.DialContext = pinnedDial(dial)
		next = t
	}
	client.Transport = loopbackOnly{next: next, lookup: lookup}
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &client
}

func (o *Options) leeway() time.Duration {
	return max(o.Leeway, 0)
}

func (o *Options) clock() func() time.Time {
	if o.Now != nil {
		return o.Now
	}
	return time.Now
}
