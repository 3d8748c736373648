package network

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
)

// lookupFunc resolves a host name to its addresses, as net.Resolver.LookupNetIP does.
type lookupFunc func(ctx context.Context, network, host string) ([]netip.Addr, error)

// pinnedAddrs carries, in a plain http request's context, the loopback addresses its host
// resolved to, so that the connection goes to them and the name is not resolved again.
type pinnedAddrs struct{}

// loopbackOnly sends plain http only to this machine: to a loopback address, or to a name that
// resolves only to loopback addresses, which the connection is then pinned to. ParseHTTPURL
// lets "localhost" and "*.localhost" through on their name; a hosts file may say otherwise.
// The one exception is a host and port the user allowed plain http to (policy, from
// --allow-http): that request goes where the name resolves, still never through a proxy.
type loopbackOnly struct {
	next   http.RoundTripper
	policy URLPolicy
	lookup lookupFunc
}

func (l loopbackOnly) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Scheme != "http" || l.policy.allowsHost(req.URL) {
		return l.next.RoundTrip(req)
	}
	addrs, err := l.loopbackAddrs(req.Context(), req.URL.Hostname())
	if err != nil {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, err
	}
	ctx := context.WithValue(req.Context(), pinnedAddrs{}, addrs)
	return l.next.RoundTrip(req.WithContext(ctx))
}

// loopbackAddrs returns the loopback addresses host stands for, or an error when it stands
// for any other.
func (l loopbackOnly) loopbackAddrs(ctx context.Context, host string) ([]netip.Addr, error) {
	if ip, err := netip.ParseAddr(host); err == nil {
		if !ip.Unmap().IsLoopback() {
			return nil, fmt.Errorf("plain http to %s: %w", host, ErrInsecureURL)
		}
		return []netip.Addr{ip}, nil
	}
	addrs, err := l.lookup(ctx, "ip", host)
	if err != nil {
		return nil, &net.DNSError{Err: err.Error(), Name: host, IsNotFound: true}
	}
	if len(addrs) == 0 {
		return nil, &net.DNSError{Err: "no address", Name: host, IsNotFound: true}
	}
	for _, a := range addrs {
		if !a.Unmap().IsLoopback() {
			return nil, fmt.Errorf("plain http to %s, which resolves to %s: %w", host, a, ErrInsecureURL)
		}
	}
	return addrs, nil
}

// pinnedDial dials the addresses a plain http request was pinned to, in order; any other
// connection is dialed as asked.
func pinnedDial(dial func(ctx context.Context, network, addr string) (net.Conn, error)) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		addrs, ok := ctx.Value(pinnedAddrs{}).([]netip.Addr)
		if !ok {
			return dial(ctx, network, addr)
		}
		_, port, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		var lastErr error
		for _, a := range addrs {
			conn, err := dial(ctx, network, net.JoinHostPort(a.Unmap().String(), port))
			if err == nil {
				return conn, nil
			}
			lastErr = err
		}
		return nil, lastErr
	}
}

// noProxyForPlainHTTP keeps plain http off any proxy, where HTTP Basic credentials would
// travel in clear text; https goes the way proxy says.
func noProxyForPlainHTTP(proxy func(*http.Request) (*url.URL, error)) func(*http.Request) (*url.URL, error) {
	return func(req *http.Request) (*url.URL, error) {
		if req.URL.Scheme == "http" || proxy == nil {
			return nil, nil
		}
		return proxy(req)
	}
}
