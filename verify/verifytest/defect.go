package verifytest

import "fmt"

// Defect is one way the server misbehaves. The zero value, None, is a well-behaved server.
type Defect int

const (
	// None: the server behaves.
	None Defect = iota
	// ForgedSignature signs tokens with a key that is not in the published key set, under the
	// published key's kid.
	ForgedSignature
	// UnknownKey signs tokens with a key that is not in the published key set, under that
	// key's own kid.
	UnknownKey
	// AlgNone issues unsigned tokens (alg "none").
	AlgNone
	// HS256 signs tokens with HMAC, keyed with the client secret.
	HS256
	// OpaqueToken issues a random reference token instead of a JWT.
	OpaqueToken
	// WrongIssuer sets iss to another issuer.
	WrongIssuer
	// WrongAudience sets aud to another API.
	WrongAudience
	// NoExpiry leaves out exp.
	NoExpiry
	// Expired issues a token that expired an hour ago.
	Expired
	// IssuedInFuture sets iat ten minutes ahead.
	IssuedInFuture
	// NotYetValid sets nbf ten minutes ahead.
	NotYetValid
	// ExpiresInMismatch answers an expires_in twice the token's real lifetime.
	ExpiresInMismatch
	// DroppedScope silently leaves out the first requested scope, as Logto does for a scope
	// no role of the app grants.
	DroppedScope
	// WrongClient names another client in the token's client claim.
	WrongClient
	// TypJWT sets the header's typ to "JWT" instead of "at+jwt".
	TypJWT
	// TokenTypeMAC answers token_type "mac".
	TokenTypeMAC
	// InvalidClient refuses every client: 401 invalid_client.
	InvalidClient
	// InvalidTarget refuses every resource: 400 invalid_target, with Logto's code and message.
	InvalidTarget
	// NotJSON answers 200 with an HTML page.
	NotJSON
	// ServerError answers 500 with a text body.
	ServerError
	// Redirect answers the token request with 307 to Options.RedirectTo.
	Redirect
	// HugeBody answers 200 with a JSON body of 2 MiB.
	HugeBody
	// Slow waits Options.Delay, or until the client gives up, before answering.
	Slow
	// DiscoveryMismatch publishes a discovery document whose token_endpoint is another URL.
	DiscoveryMismatch
	// EchoSecret refuses the request with 401 invalid_client and a body that repeats the
	// client secret it got, raw, form-encoded and JSON-escaped.
	EchoSecret
	numDefects
)

var defectNames = [...]string{
	None: "None", ForgedSignature: "ForgedSignature", UnknownKey: "UnknownKey", AlgNone: "AlgNone", HS256: "HS256",
	OpaqueToken: "OpaqueToken", WrongIssuer: "WrongIssuer", WrongAudience: "WrongAudience",
	NoExpiry: "NoExpiry", Expired: "Expired", IssuedInFuture: "IssuedInFuture",
	NotYetValid: "NotYetValid", ExpiresInMismatch: "ExpiresInMismatch", DroppedScope: "DroppedScope",
	WrongClient: "WrongClient", TypJWT: "TypJWT", TokenTypeMAC: "TokenTypeMAC",
	InvalidClient: "InvalidClient", InvalidTarget: "InvalidTarget", NotJSON: "NotJSON",
	ServerError: "ServerError", Redirect: "Redirect", HugeBody: "HugeBody", Slow: "Slow",
	DiscoveryMismatch: "DiscoveryMismatch", EchoSecret: "EchoSecret",
}

// String returns the defect's constant name, as "ForgedSignature".
func (d Defect) String() string {
	if d >= 0 && d < numDefects {
		return defectNames[d]
	}
	return fmt.Sprintf("Defect(%d)", int(d))
}
