package profile

import "github.com/gen-postman/gen-postman/internal/input"

// ClientAuth is how the client authenticates to the token endpoint (RFC 6749 §2.3.1).
type ClientAuth string

const (
	// ClientAuthHeader sends the form-encoded client id and secret with HTTP Basic.
	ClientAuthHeader ClientAuth = "header"
	// ClientAuthBody sends client_id and client_secret as form fields of the request body.
	ClientAuthBody ClientAuth = "body"
	// ClientAuthPrivateKeyJWT sends client_assertion, a JWT signed with the client's private key
	// (RFC 7523 §2.2, OpenID Connect Core §9 private_key_jwt), and no secret.
	ClientAuthPrivateKeyJWT ClientAuth = "private_key_jwt"
)

// ParseClientAuth accepts "header", "body" or "private_key_jwt".
func ParseClientAuth(s string) (ClientAuth, error) {
	switch ClientAuth(s) {
	case ClientAuthHeader, ClientAuthBody, ClientAuthPrivateKeyJWT:
		return ClientAuth(s), nil
	}
	return "", &input.Error{Field: "client-auth", Value: s,
		Reason: "must be header (HTTP Basic), body (form fields) or private_key_jwt (a signed assertion, with --private-key)"}
}

// Other is the other way to send a client secret: the one to try when the server refuses this
// one. A signed assertion has no other; it is its own.
func (c ClientAuth) Other() ClientAuth {
	switch c {
	case ClientAuthBody:
		return ClientAuthHeader
	case ClientAuthPrivateKeyJWT:
		return c
	}
	return ClientAuthBody
}

// Signed reports whether the client proves itself with a signed assertion instead of a secret.
func (c ClientAuth) Signed() bool { return c == ClientAuthPrivateKeyJWT }
