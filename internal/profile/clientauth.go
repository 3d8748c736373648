package profile

import "github.com/gen-postman/gen-postman/internal/input"

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
	return "", &input.Error{Field: "client-auth", Value: s, Reason: "must be header (HTTP Basic) or body (form fields)"}
}

// Other is the other client authentication: the one to try when the server refuses this one.
func (c ClientAuth) Other() ClientAuth {
	if c == ClientAuthBody {
		return ClientAuthHeader
	}
	return ClientAuthBody
}
