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

	// The defects below are a hostile server's: each puts the client secret (or the token)
	// where a careless client would repeat it, or makes a client spend without bound.

	// EchoStatusLine answers the token request with a malformed status line holding the
	// form-encoded secret, which Go's HTTP client quotes in its error.
	EchoStatusLine
	// EchoHeaderLine answers with a malformed header line that is the secret.
	EchoHeaderLine
	// EchoContentType refuses with 401, a text body and the secret as Content-Type.
	EchoContentType
	// EchoLocation redirects the token request to a URL holding the secret, raw and
	// percent-encoded in lower case.
	EchoLocation
	// EchoDiscovery publishes discovery metadata whose issuer holds the secret and a key set
	// whose kid is the secret, and signs tokens under that kid.
	EchoDiscovery
	// EchoDiscoveryEndpoint publishes discovery metadata whose token_endpoint holds the
	// secret, so it is not trusted and says so.
	EchoDiscoveryEndpoint
	// EchoInToken writes the secret as a claim's name and value in the token.
	EchoInToken
	// EchoAlg writes the secret as the token's alg.
	EchoAlg
	// EchoAtCut refuses with an error body whose secret straddles the first 2 KiB.
	EchoAtCut
	// EchoNewlines refuses with the secret in error_description, its spaces made newlines.
	EchoNewlines
	// EchoEscaped refuses with the secret JSON-escaped with \/ and percent-encoded in lower case.
	EchoEscaped
	// EchoTokenOnCall has the API refuse the token with a body that repeats it where a client
	// cuts (across 2 KiB, half before, and at 64 KiB) and in WWW-Authenticate.
	EchoTokenOnCall
	// ChosenToken issues Options.Token as an opaque access token.
	ChosenToken
	// ControlChars puts terminal escapes, C1 controls and bidirectional overrides in the
	// token response's scope and in the token's claims.
	ControlChars
	// RSAKeyHuge publishes, under the token's kid, an RSA key with a modulus of 2 Mbit.
	RSAKeyHuge
	// RSAKeySmall signs with a 1024-bit RSA key and publishes it.
	RSAKeySmall
	// ECOffCurve publishes the EC key with a point that is not on its curve.
	ECOffCurve
	// Crit marks an unknown header extension as critical (RFC 7515 §4.1.11).
	Crit
	// KeyAlgNotPinned signs, without a kid, with PS256 under an RSA key published for RS256
	// only. It needs Alg RS256.
	KeyAlgNotPinned
	// DuplicateKid publishes another key under the signing key's kid, first.
	DuplicateKid
	// InactiveToken answers every introspection request active false, as for a revoked token.
	InactiveToken
	// IntrospectionElsewhere publishes discovery metadata whose introspection_endpoint is on
	// another host than the token endpoint.
	IntrospectionElsewhere
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
	EchoStatusLine: "EchoStatusLine", EchoHeaderLine: "EchoHeaderLine", EchoContentType: "EchoContentType",
	EchoLocation: "EchoLocation", EchoDiscovery: "EchoDiscovery", EchoDiscoveryEndpoint: "EchoDiscoveryEndpoint",
	EchoInToken: "EchoInToken", EchoAlg: "EchoAlg", EchoAtCut: "EchoAtCut", EchoNewlines: "EchoNewlines",
	EchoEscaped: "EchoEscaped", EchoTokenOnCall: "EchoTokenOnCall", ChosenToken: "ChosenToken",
	ControlChars: "ControlChars", RSAKeyHuge: "RSAKeyHuge", RSAKeySmall: "RSAKeySmall", ECOffCurve: "ECOffCurve",
	Crit: "Crit", KeyAlgNotPinned: "KeyAlgNotPinned", DuplicateKid: "DuplicateKid",
	InactiveToken: "InactiveToken", IntrospectionElsewhere: "IntrospectionElsewhere",
}

// String returns the defect's constant name, as "ForgedSignature".
func (d Defect) String() string {
	if d >= 0 && d < numDefects {
		return defectNames[d]
	}
	return fmt.Sprintf("Defect(%d)", int(d))
}
