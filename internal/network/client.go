package network

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

// NewClient returns the client every request of gen-postman is sent with: c's settings, or
// when c is nil one that verifies TLS and has its own timeouts. Whatever c is, the client
// never follows a redirect, so credentials and tokens never reach a URL other than the one
// given, and it sends plain http never through a proxy, and only to a name that resolves to
// loopback alone, pinned to those addresses, or to a host and port policy allows.
func NewClient(c *http.Client, policy URLPolicy) *http.Client {
	return newClient(c, policy, net.DefaultResolver.LookupNetIP)
}

// newClient is NewClient with lookup to resolve host names.
func newClient(c *http.Client, policy URLPolicy, lookup lookupFunc) *http.Client {
	if c == nil {
		c = defaultClient()
	}
	client := *c
	next := client.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	// A Tracer's tracing stays outside the rules below, so it shows what the command sent.
	trace, traced := next.(*traceTransport)
	if traced {
		next = trace.next
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
	client.Transport = loopbackOnly{next: next, policy: policy, lookup: lookup}
	if traced {
		client.Transport = trace.around(client.Transport)
	}
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &client
}

// defaultClient is the client NewClient starts from when given none: TLS verified, and its
// own timeouts.
func defaultClient() *http.Client {
	return &http.Client{
		Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: 30 * time.Second,
			IdleConnTimeout:       30 * time.Second,
			ForceAttemptHTTP2:     true,
			MaxIdleConnsPerHost:   2,
		},
		Timeout: 60 * time.Second,
	}
}
