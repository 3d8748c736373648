package network

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"

	"github.com/gen-postman/gen-postman/internal/redact"
)

// TransportReason says in plain words why a request got no answer. Go's client quotes what
// the server sent (a malformed status line or header), so the words pass red.
func TransportReason(ctx context.Context, err error, red redact.Redactor) string {
	var (
		dnsErr  *net.DNSError
		opErr   *net.OpError
		certErr *tls.CertificateVerificationError
		unknown x509.UnknownAuthorityError
		host    x509.HostnameError
		netErr  net.Error
	)
	switch {
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded):
		return "timed out: no answer within the time limit"
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.As(err, &dnsErr):
		return fmt.Sprintf("host %q not found", red.Line(dnsErr.Name, 200))
	case errors.As(err, &unknown), errors.As(err, &host), errors.As(err, &certErr):
		return "TLS certificate not trusted: " + red.Line(err.Error(), 200)
	case errors.As(err, &netErr) && netErr.Timeout():
		return "timed out: no answer within the time limit"
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return "unreachable: " + red.Line(opErr.Err.Error(), 200)
	}
	return red.Line(err.Error(), 300)
}
