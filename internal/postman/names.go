package postman

// Keys of an oauth2 auth block, as the Postman app writes them.
const (
	AuthGrantType            = "grant_type"
	AuthAccessTokenURL       = "accessTokenUrl"
	AuthClientID             = "clientId"
	AuthClientSecret         = "clientSecret"
	AuthScope                = "scope"
	AuthClientAuthentication = "client_authentication"
	AuthTokenRequestParams   = "tokenRequestParams"
	AuthTokenName            = "tokenName"
	AuthAccessToken          = "accessToken"
	AuthAddTokenTo           = "addTokenTo"
	AuthHeaderPrefix         = "headerPrefix"
	AuthUseBrowser           = "useBrowser"
)

// GrantClientCredentials is the grant_type of the client credentials grant (RFC 6749 §4.4).
const GrantClientCredentials = "client_credentials"

// Values of an oauth2 auth's client_authentication.
const (
	// ClientAuthHeader sends the client id and secret with HTTP Basic.
	ClientAuthHeader = "header"
	// ClientAuthBody sends them as form fields of the token request's body.
	ClientAuthBody = "body"
)

// Token request parameters that name the API the token is for, as tokenRequestParams keys.
const (
	ParamResource = "resource" // RFC 8707, used by Logto
	ParamAudience = "audience" // used by Kinde and Auth0
)

// SendAsBody is the send_as of a token request parameter sent in the form body.
const SendAsBody = "request_body"

// Variables gen-postman writes into collections and environments, and reads back. The
// pre-request script reads and sets the same names (a test holds them together).
const (
	VarBaseURL      = "baseUrl"
	VarTokenURL     = "tokenUrl"
	VarClientID     = "clientId"
	VarClientSecret = "clientSecret"
	VarScope        = "scope"
	VarIssuer       = "issuer"
	VarJWKSURL      = "jwksUrl"
	// VarIntrospectionURL is the RFC 7662 endpoint verify proves an opaque token at.
	VarIntrospectionURL = "introspectionUrl"
	// VarAccessToken holds the token the pre-request script got. It must never be set in an
	// environment: a value there would shadow the one the script sets.
	VarAccessToken = "accessToken"
	// VarRenewAt is when the script gets a new token, in milliseconds since 1970.
	VarRenewAt = "accessTokenRenewAt"
	// VarAccessTokenFor records the settings the cached token was issued for.
	VarAccessTokenFor = "accessTokenFor"
	// VarTokenError holds why the pre-request script got no token (the token URL and the
	// server's OAuth error, never the secret), for the collection's test; empty after a token.
	VarTokenError = "accessTokenError"
	// VarPathError names the path variables the request about to be sent would leave empty,
	// with the variables to set, for the collection's test; empty when all are set.
	VarPathError = "pathVariableError"
	// VarCreatedIDs records, as JSON by variable, the ids the run's creates answered: the only
	// ones a PUT, PATCH or DELETE of the run may change.
	VarCreatedIDs = "createdIds"
	// VarChangeExisting, when "true", lets a PUT, PATCH or DELETE change what the run did not
	// create.
	VarChangeExisting = "changeExisting"
	// VarPrivateKey holds the client's private key as a JWK, for private_key_jwt: a secret,
	// written only to an environment file.
	VarPrivateKey = "privateKey"
	// VarKeyID is the kid of the client's assertions.
	VarKeyID = "keyId"
	// VarDPoPKey holds the DPoP proof key as a JWK: a secret, written only to an environment.
	VarDPoPKey = "dpopKey"
	// VarDPoPNonce is the token endpoint's last DPoP-Nonce, set by the pre-request script.
	VarDPoPNonce = "dpopNonce"
	// VarDPoPIgnored says why the token is not DPoP-bound when the server issued a Bearer
	// token for a DPoP request, for the collection's test; empty for a DPoP token.
	VarDPoPIgnored = "dpopIgnored"
	// VarTokenRefused is set when the API refused the cached token (401) and the collection's
	// test dropped it; a new token refused too is then kept. Empty after an accepted request.
	VarTokenRefused = "accessTokenRefused"
	// VarTokenRefusal records the token endpoint's last refusal (HTTP 400, 401 or 403), the
	// settings it was for and when, set by the pre-request script: for a few seconds the
	// requests with those settings are not sent and no token is asked for.
	VarTokenRefusal = "accessTokenRefusal"
)

// Ref returns the reference Postman resolves to the variable's value: {{name}}.
func Ref(name string) string { return "{{" + name + "}}" }
