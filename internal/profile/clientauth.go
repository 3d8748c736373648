package profile

import (
	"fmt"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/setting"
)

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
	reason := "must be header (HTTP Basic), body (form fields) or private_key_jwt (a signed assertion, with " + input.Flag(setting.PrivateKey) + ")"
	if name, ok := oauthClientAuthNames[s]; ok {
		reason += fmt.Sprintf("; did you mean %s?", name)
	}
	return "", &input.Error{Field: setting.ClientAuth, Value: s, Reason: reason}
}

// oauthClientAuthNames are the names OAuth server metadata gives the two ways of sending a
// secret (token_endpoint_auth_methods_supported), which users paste.
var oauthClientAuthNames = map[string]ClientAuth{
	"client_secret_basic": ClientAuthHeader,
	"basic":               ClientAuthHeader,
	"client_secret_post":  ClientAuthBody,
	"post":                ClientAuthBody,
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
