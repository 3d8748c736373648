package verify

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/redact"
)

// TokenError is a token endpoint's refusal: the HTTP status and, when the body is the JSON of
// RFC 6749 §5.2, its error code and description. Body keeps the start of the answer, with the
// client secret hidden.
type TokenError struct {
	StatusCode  int    `json:"status"`
	Code        string `json:"error,omitempty"`
	Description string `json:"error_description,omitempty"`
	// ServerCode and Message are what some servers add to the RFC 6749 fields: Logto sends a
	// code such as "oidc.invalid_target" and a sentence for people.
	ServerCode string `json:"code,omitempty"`
	Message    string `json:"message,omitempty"`
	Body       string `json:"body,omitempty"`
	// cause is why the server refused, as far as its answer tells (refusalCause).
	cause error
}

// Error says what the server answered, as "token endpoint answered HTTP 401: invalid_client: …".
func (e *TokenError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "token endpoint answered HTTP %d", e.StatusCode)
	if e.Code != "" {
		b.WriteString(": " + e.Code)
	}
	switch {
	case e.Description != "":
		b.WriteString(": " + e.Description)
	case e.Message != "":
		b.WriteString(": " + e.Message)
	}
	return b.String()
}

// errorBody is the RFC 6749 §5.2 error response, with Logto's additions.
type errorBody struct {
	Error       string `json:"error"`
	Description string `json:"error_description"`
	Code        string `json:"code"`
	Message     string `json:"message"`
}

// newTokenError reads a refusal. Every field that came from the server passes through red.
func newTokenError(status int, body []byte, red redact.Redactor) *TokenError {
	e := &TokenError{StatusCode: status}
	var eb errorBody
	if err := json.Unmarshal(body, &eb); err == nil {
		e.Code = red.Line(eb.Error, 100)
		e.Description = red.Line(eb.Description, 500)
		e.ServerCode = red.Line(eb.Code, 100)
		e.Message = red.Line(eb.Message, 500)
	}
	e.Body = red.Block(string(body), maxErrorBody, false)
	e.cause = refusalCause(status, body, eb.Error, eb.Description)
	return e
}

// Is reports whether target is [ErrTokenRequest], so that a refusal matches it too.
func (e *TokenError) Is(target error) bool { return target == ErrTokenRequest }

// Unwrap is why the server refused, when its answer tells more than the error code.
func (e *TokenError) Unwrap() error { return e.cause }

// jsonBody reports whether body looks like a JSON object, as a token endpoint answers.
func jsonBody(body []byte) bool {
	var v map[string]json.RawMessage
	return json.Unmarshal(body, &v) == nil
}

// codeGlewlwydScopeInvalid is Glewlwyd's error for a scope the client may not have, where RFC
// 6749 §5.2 says invalid_scope.
const codeGlewlwydScopeInvalid = "scope_invalid"

// describe returns the token_request detail for a refusal and hints for its usual causes.
func (e *TokenError) describe(rs *runState, header http.Header) (string, []string) {
	p := rs.profile
	detail := fmt.Sprintf("HTTP %d", e.StatusCode)
	if reason := http.StatusText(e.StatusCode); reason != "" {
		detail += " " + reason
	}
	if e.Code != "" {
		detail += ": " + e.Code
		if e.Description != "" {
			detail += ": " + e.Description
		}
	} else if errors.Is(e, errSilentRefusal) {
		detail += ", with an empty body"
	} else if ct := header.Get("Content-Type"); !jsonBody([]byte(e.Body)) {
		detail += ", not a JSON body"
		if ct != "" {
			detail += " (" + rs.redact.Line(ct, 60) + ")"
		}
	}
	n, provider := rs.advice.names, rs.advice.provider
	var hints []string
	switch {
	case errors.Is(e, errSilentRefusal):
		return detail, []string{silentRefusalHint(rs, e.StatusCode)}
	case errors.Is(e, errUnknownKeyID) && p.ClientAuth.Signed():
		return detail, []string{unknownKeyIDHint(rs)}
	case p.ClientAuth.Signed() && e.Code == "invalid_client":
		hints = append(hints, signedClientHint(rs, header)...)
		return detail, hints
	case p.ClientAuth.Signed() && !p.DPoP && e.Code == "invalid_grant":
		hints = append(hints, "invalid_grant: the server may bind this client's tokens to a key (DPoP), as Okta's API service apps do "+
			"by default: add --dpop, or turn DPoP off for the app.")
		return detail, hints
	case e.Code == codeUseDPoPNonce || e.Code == "invalid_dpop_proof":
		hints = append(hints, dpopHint(e.Code, header, rs.nonceRetried))
		return detail, hints
	}
	switch e.Code {
	case "invalid_client":
		hints = append(hints, invalidClientHint(p.ClientAuth, n, e.cause))
	case "invalid_target":
		hints = append(hints, invalidTargetHint(rs))
	case "invalid_scope", codeGlewlwydScopeInvalid:
		hints = append(hints, fmt.Sprintf("%s: the server does not know a requested scope (%s) or "+
			"does not allow it for this app; check %s.", e.Code, quoteOrNone(p.Scope), n.Scope))
	case "unauthorized_client":
		hints = append(hints, withProvider("unauthorized_client: this app may not use the client credentials grant; "+
			"it must be a machine-to-machine app.", provider.Access))
	case "unsupported_grant_type":
		hints = append(hints, "unsupported_grant_type: this endpoint does not offer the client credentials grant; check "+n.TokenURL+".")
	case "access_denied":
		hints = append(hints, withProvider("access_denied: the app is not allowed this API; grant it access on the server.", provider.Access))
	case "invalid_request":
		hints = append(hints, "invalid_request: the server rejected the request's form; check "+n.TokenURL+", "+
			n.Resource+" or "+n.Audience+", and "+n.Scope+".")
	case "":
		switch {
		case e.StatusCode >= 500:
			hints = append(hints, fmt.Sprintf("HTTP %d: the server failed; try again later or read its logs.", e.StatusCode))
		case e.StatusCode == http.StatusNotFound:
			hints = append(hints, withProvider("HTTP 404: there is no token endpoint at this URL; check "+n.TokenURL+".", provider.TokenURL))
		case !jsonBody([]byte(e.Body)):
			hints = append(hints, notJSONHint(n))
		}
	}
	return detail, hints
}

// silentRefusalHint explains HTTP 401 or 403 with an empty body from the token endpoint: the
// server refused the client without a word, which says the URL is a token endpoint that knows
// the request, not a web page. What it may have refused is each thing the client sent.
func silentRefusalHint(rs *runState, status int) string {
	p, n := rs.profile, rs.advice.names
	credential := "the client secret"
	if p.ClientAuth.Signed() {
		credential = fmt.Sprintf("the key (the server must hold this public key, RFC 7638 thumbprint %s, for the client, under kid %q: %s)",
			p.ClientKey.Thumbprint(), p.KeyID, n.KeyID)
	}
	hint := fmt.Sprintf("HTTP %d with an empty body: the server refused the client without saying why. Glewlwyd answers so to a "+
		"wrong secret or key, a client authentication other than the one registered for the client, and a scope the client "+
		"may not have: check the client id %q and %s; that the client is registered for %s (%s); and that it may have the "+
		"scope %s (%s).", status, p.ClientID, credential, clientAuthWords(p.ClientAuth), n.ClientAuth, quoteOrNone(p.Scope), n.Scope)
	if u, s := basicCredentials(p.ClientID, p.ClientSecret); p.ClientAuth == profile.ClientAuthHeader && (u != p.ClientID || s != p.ClientSecret) {
		hint += " The client id or secret has characters that HTTP Basic sends form-encoded (RFC 6749 §2.3.1), which some servers " +
			"(Glewlwyd) do not decode: there, such a secret works only in the body, for a client registered for it."
	}
	return hint
}

// unknownKeyIDHint explains a server that holds no key under the assertion's kid.
func unknownKeyIDHint(rs *runState) string {
	p, n := rs.profile, rs.advice.names
	return fmt.Sprintf("The server holds no key for client %q under the kid the assertion named (%q): give the kid it has for this "+
		"key with %s, or register the key's public key (RFC 7638 thumbprint %s) under that kid.", p.ClientID, p.KeyID, n.KeyID,
		p.ClientKey.Thumbprint())
}

// notJSONHint is the hint for an answer that is not a token endpoint's JSON.
func notJSONHint(n Names) string {
	return "The answer is not JSON: the URL probably points at a web page or a proxy, not at the token endpoint; check " + n.TokenURL + "."
}

// invalidTargetHint explains invalid_target for what was sent: no API at all, or one the server
// does not know.
func invalidTargetHint(rs *runState) string {
	var name, value string
	for _, param := range rs.profile.Params {
		if param.Name == profile.ParamResource || param.Name == profile.ParamAudience {
			name, value = param.Name, param.Value
			break
		}
	}
	n, provider := rs.advice.names, rs.advice.provider
	if value == "" {
		return withProvider("invalid_target: no resource indicator was sent and the server has no default API; give "+n.Resource+".",
			provider.APIIdentifier)
	}
	if name == profile.ParamAudience {
		// invalid_target is RFC 8707's: a server that answers it names its APIs with resource,
		// and reads no audience.
		return withProvider(fmt.Sprintf("invalid_target: the server names its APIs with resource indicators (RFC 8707) and does not read audience: "+
			"give the API with %s %s instead of %s.", n.Resource, value, n.Audience), provider.APIIdentifier)
	}
	return withProvider(fmt.Sprintf("invalid_target: the resource indicator %q is not registered as an API.", value), provider.APIIdentifier)
}

func clientAuthWords(ca profile.ClientAuth) string {
	switch {
	case ca == profile.ClientAuthBody:
		return "body (client_id and client_secret form fields)"
	case ca.Signed():
		return "private_key_jwt (a signed assertion)"
	}
	return "header (HTTP Basic)"
}

func quoteOrNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// invalidClientHint explains invalid_client for a client with a secret: the credentials, or
// the other way of sending them, which the user is told to try unless they chose this one or
// the server's answer shows it is not the method (cause).
func invalidClientHint(auth profile.ClientAuth, n Names, cause error) string {
	switch {
	case errors.Is(cause, errAuthMethod):
		return fmt.Sprintf("invalid_client: the server holds this client to another client authentication than this request's "+
			"%s, and says which above: give %s %s, or change the client's method on the server.", clientAuthWords(auth), n.ClientAuth, auth.Other())
	case errors.Is(cause, errCredentialsRefused):
		return fmt.Sprintf("invalid_client: the client id or secret is wrong: the server checks the client authentication "+
			"method and did not object to %s.", clientAuthWords(auth))
	}
	if n.given(n.ClientAuth) {
		return fmt.Sprintf("invalid_client: the client id or secret is wrong, or the server wants the other client "+
			"authentication than %s, which %s chose (the other is %s).", clientAuthWords(auth), n.ClientAuth, auth.Other())
	}
	return fmt.Sprintf("invalid_client: the client id or secret is wrong, or the server wants the other client "+
		"authentication (this request used %s; try %s %s).", clientAuthWords(auth), n.ClientAuth, auth.Other())
}
