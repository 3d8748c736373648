package verify

import (
	"encoding/json"
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
	return e
}

// Is reports whether target is [ErrTokenRequest], so that a refusal matches it too.
func (e *TokenError) Is(target error) bool { return target == ErrTokenRequest }

// jsonBody reports whether body looks like a JSON object, as a token endpoint answers.
func jsonBody(body []byte) bool {
	var v map[string]json.RawMessage
	return json.Unmarshal(body, &v) == nil
}

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
	} else if ct := header.Get("Content-Type"); !jsonBody([]byte(e.Body)) {
		detail += ", not a JSON body"
		if ct != "" {
			detail += " (" + rs.redact.Line(ct, 60) + ")"
		}
	}
	n, provider := rs.advice.names, rs.advice.provider
	var hints []string
	switch {
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
		hints = append(hints, invalidClientHint(p.ClientAuth, n))
	case "invalid_target":
		hints = append(hints, invalidTargetHint(rs))
	case "invalid_scope":
		hints = append(hints, fmt.Sprintf("invalid_scope: the server does not know a requested scope (%s) or "+
			"does not allow it for this app; check %s.", quoteOrNone(p.Scope), n.Scope))
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
	if name == profile.ParamResource {
		name = "resource indicator"
	}
	return withProvider(fmt.Sprintf("invalid_target: the %s %q is not registered as an API.", name, value), provider.APIIdentifier)
}

func clientAuthWords(ca profile.ClientAuth) string {
	if ca == profile.ClientAuthBody {
		return "body (client_id and client_secret form fields)"
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
// the other way of sending them, which the user is told to try unless they chose this one.
func invalidClientHint(auth profile.ClientAuth, n Names) string {
	if n.given(n.ClientAuth) {
		return fmt.Sprintf("invalid_client: the client id or secret is wrong, or the server wants the other client "+
			"authentication than %s, which %s chose (the other is %s).", clientAuthWords(auth), n.ClientAuth, auth.Other())
	}
	return fmt.Sprintf("invalid_client: the client id or secret is wrong, or the server wants the other client "+
		"authentication (this request used %s; try %s %s).", clientAuthWords(auth), n.ClientAuth, auth.Other())
}
