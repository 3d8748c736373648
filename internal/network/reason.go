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

// Why a request got no answer, as TransportCause names it for callers that choose by cause.
var (
	ErrTimedOut     = errors.New("timed out: no answer within the time limit")
	ErrCanceled     = errors.New("canceled")
	ErrHostNotFound = errors.New("host not found")
	ErrUntrustedTLS = errors.New("TLS certificate not trusted")
	ErrUnreachable  = errors.New("unreachable")
)

// TransportCause is why a request got no answer: one of the errors above, or nil when the
// error is none of them.
func TransportCause(ctx context.Context, err error) error {
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
		return ErrTimedOut
	case errors.Is(err, context.Canceled):
		return ErrCanceled
	case errors.As(err, &dnsErr):
		return ErrHostNotFound
	case errors.As(err, &unknown), errors.As(err, &host), errors.As(err, &certErr):
		return ErrUntrustedTLS
	case errors.As(err, &netErr) && netErr.Timeout():
		return ErrTimedOut
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return ErrUnreachable
	}
	return nil
}

// TransportReason says in plain words why a request got no answer. Go's client quotes what
// the server sent (a malformed status line or header), so the words pass red.
func TransportReason(ctx context.Context, err error, red redact.Redactor) string {
	var (
		dnsErr *net.DNSError
		opErr  *net.OpError
	)
	switch cause := TransportCause(ctx, err); cause {
	case ErrTimedOut, ErrCanceled:
		return cause.Error()
	case ErrHostNotFound:
		errors.As(err, &dnsErr)
		return fmt.Sprintf("host %q not found", red.Line(dnsErr.Name, 200))
	case ErrUntrustedTLS:
		return "TLS certificate not trusted: " + red.Line(err.Error(), 200)
	case ErrUnreachable:
		errors.As(err, &opErr)
		return "unreachable: " + red.Line(opErr.Err.Error(), 200)
	}
	return red.Line(err.Error(), 300)
}
