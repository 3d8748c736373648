package verify

import (
	"errors"

	"github.com/gen-postman/gen-postman/internal/network"
)

var (
	// ErrTokenRequest is matched by the error Run returns when the token request failed: a
	// [*TokenError] when the server refused it, else an error saying what went wrong.
	ErrTokenRequest = errors.New("token request failed")
	// ErrCheckFailed is matched by the error Run returns when the token was obtained but a
	// check failed; the error names the failed checks.
	ErrCheckFailed = errors.New("token check failed")
	// ErrNoProfile is returned by Run without a profile or a token URL to verify.
	ErrNoProfile = errors.New("no profile to verify")
	// ErrNoClientID is returned by Run for a profile without a client id.
	ErrNoClientID = errors.New("no client id: the token request needs the app's client id")
	// ErrNoClientSecret is returned by Run for a profile without a client secret.
	ErrNoClientSecret = errors.New("no client secret: the token request needs the app's secret")
	// ErrNoClientKey is returned by Run for a private_key_jwt or DPoP profile without its key.
	ErrNoClientKey = errors.New("no private key: private_key_jwt signs its assertions with the app's private key")
	// ErrResponseTooLarge reports a response body over the size limit of what was fetched;
	// it is [network.ErrResponseTooLarge].
	ErrResponseTooLarge = network.ErrResponseTooLarge
	// ErrRedirect reports an answer that redirects elsewhere; verify never follows one. It is
	// [network.ErrRedirect].
	ErrRedirect = network.ErrRedirect
	// ErrNotJWT reports an access token that is not a signed JWT (JWS compact form).
	ErrNotJWT = errors.New("not a JWT")
	// ErrNoKeys reports that no usable signing key set was found for the token.
	ErrNoKeys = errors.New("no signing keys")
)
