package verify

import (
	"bytes"
	"errors"
	"strings"
)

// Why a token endpoint refused, as far as its answer tells. newTokenError reads the cause once,
// where the answer arrives, and keeps it in the TokenError (errors.Is finds it); the hints choose
// by it, never by the words of a message.
var (
	// errSilentRefusal is HTTP 401 or 403 with an empty body: a refusal without a word.
	// Glewlwyd answers so to a wrong secret or key, a client authentication method other than
	// the client's registered one, and a scope the client may not have.
	errSilentRefusal = errors.New("refused with an empty answer")
	// errUnknownKeyID is a server that holds no key under the client assertion's kid (Ory
	// Hydra: 400 invalid_request "... signing key with kid '…' could not be found").
	errUnknownKeyID = errors.New("no key under the assertion's kid")
	// errAuthMethod is a server that holds the client to another client authentication method
	// and says so (Ory Hydra names the registered method and the one requested).
	errAuthMethod = errors.New("another client authentication method is registered")
	// errCredentialsRefused is invalid_client from a server that speaks of authentication
	// methods and did not object to this one: the credentials themselves are wrong.
	errCredentialsRefused = errors.New("the client's credentials were refused, not its method")
)

// refusalCause reads why a token endpoint refused from its status, body and RFC 6749 §5.2
// error; nil when the answer says nothing more than its error code.
func refusalCause(status int, body []byte, code, description string) error {
	d := strings.ToLower(description)
	switch {
	case (status == 401 || status == 403) && len(bytes.TrimSpace(body)) == 0:
		return errSilentRefusal
	case (code == "invalid_request" || code == "invalid_client") && strings.Contains(d, "kid") &&
		(strings.Contains(d, "not be found") || strings.Contains(d, "not found") || strings.Contains(d, "unknown")):
		return errUnknownKeyID
	case code == "invalid_client" && (strings.Contains(d, "supports client authentication method") ||
		strings.Contains(d, "token_endpoint_auth_method")):
		return errAuthMethod
	case code == "invalid_client" && strings.Contains(d, "authentication method"):
		return errCredentialsRefused
	}
	return nil
}
