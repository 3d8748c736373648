package profile

import (
	"fmt"

	"github.com/gen-postman/gen-postman/internal/input"
)

// ClientAuth is how the client authenticates to the token endpoint (RFC 6749 §2.3.1).
type ClientAuth string

const (
	// ClientAuthHeader sends the form-encoded client id and secret with HTTP Basic.
	ClientAuthHeader ClientAuth = "header"
	// ClientAuthBody sends client_id and client_secret as form fields of the request body.
	ClientAuthBody ClientAuth = "body"
)

// ParseClientAuth accepts "header" or "body".
func ParseClientAuth(s string) (ClientAuth, error) {
	switch ClientAuth(s) {
	case ClientAuthHeader, ClientAuthBody:
		return ClientAuth(s), nil
	}
	reason := "must be header (HTTP Basic) or body (form fields)"
	if name, ok := oauthClientAuthNames[s]; ok {
		reason += fmt.Sprintf("; did you mean %s?", name)
	}
	return "", &input.Error{Field: "client-auth", Value: s, Reason: reason}
}

// oauthClientAuthNames are the names OAuth server metadata gives the two methods
// (token_endpoint_auth_methods_supported), which users paste.
var oauthClientAuthNames = map[string]ClientAuth{
	"client_secret_basic": ClientAuthHeader,
	"basic":               ClientAuthHeader,
	"client_secret_post":  ClientAuthBody,
	"post":                ClientAuthBody,
}

// Other is the other client authentication: the one to try when the server refuses this one.
func (c ClientAuth) Other() ClientAuth {
	if c == ClientAuthBody {
		return ClientAuthHeader
	}
	return ClientAuthBody
}
