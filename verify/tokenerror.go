package verify

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/gen-postman/gen-postman/templates"
)

// TokenError is a token endpoint's refusal: the HTTP status and, when the body is the JSON of
// RFC 6749 §5.2, its error code and description. Body keeps the start of the answer, with the
// client secret hidden.
type TokenError struct {
	StatusCode  int    `json:"status"`
	Code        string `json:"error,omitempty"`
	Description string `json:"error_description,omitempty"`
	// LogtoCode and Message are what Logto adds to the RFC 6749 fields, such as
	// "oidc.invalid_target" and a sentence for people.
	LogtoCode string `json:"code,omitempty"`
	Message   string `json:"message,omitempty"`
	Body      string `json:"body,omitempty"`
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
func newTokenError(status int, body []byte, red redactor) *TokenError {
	e := &TokenError{StatusCode: status}
	var eb errorBody
	if err := json.Unmarshal(body, &eb); err == nil {
		e.Code = oneLine(red.String(eb.Error), 100)
		e.Description = oneLine(red.String(eb.Description), 500)
		e.LogtoCode = oneLine(red.String(eb.Code), 100)
		e.Message = oneLine(red.String(eb.Message), 500)
	}
	if len(body) > maxErrorBody {
		body = body[:maxErrorBody]
	}
	e.Body = red.String(strings.ToValidUTF8(string(body), "\uFFFD"))
	return e
}

// jsonBody reports whether body looks like a JSON object, as a token endpoint answers.
func jsonBody(body []byte) bool {
	var v map[string]json.RawMessage
	return json.Unmarshal(body, &v) == nil
}

// describe returns the token_request detail for a refusal and hints for its usual causes.
func (e *TokenError) describe(rs *runState, header http.Header) (string, []string) {
	p := rs.profile
	detail := fmt.Sprintf("HTTP %d", e.StatusCode)
	if text := http.StatusText(e.StatusCode); text != "" {
		detail += " " + text
	}
	if e.Code != "" {
		detail += ": " + e.Code
		if e.Description != "" {
			detail += ": " + e.Description
		}
	} else if ct := header.Get("Content-Type"); !jsonBody([]byte(e.Body)) {
		detail += ", not a JSON body"
		if ct != "" {
			detail += " (" + oneLine(ct, 60) + ")"
		}
	}
	var hints []string
	switch e.Code {
	case "invalid_client":
		hints = append(hints, fmt.Sprintf("invalid_client: the client id or secret is wrong, or the server wants "+
			"the other client authentication (this request used %s; try --client-auth %s).",
			clientAuthWords(p.ClientAuth), otherClientAuth(p.ClientAuth)))
	case "invalid_target":
		hints = append(hints, invalidTargetHint(rs))
	case "invalid_scope":
		hints = append(hints, fmt.Sprintf("invalid_scope: the server does not know a requested scope (%s) or "+
			"does not allow it for this app; check --scope.", quoteOrNone(p.Scope)))
	case "unauthorized_client":
		hints = append(hints, "unauthorized_client: this app may not use the client credentials grant; "+
			"it must be a machine-to-machine app (Auth0: authorize the application for the API).")
	case "unsupported_grant_type":
		hints = append(hints, "unsupported_grant_type: this endpoint does not offer the client credentials grant; check --token-url.")
	case "access_denied":
		hints = append(hints, "access_denied: the app is not allowed this API; grant it access on the server "+
			"(Auth0: the API's Machine to Machine Applications tab).")
	case "invalid_request":
		hints = append(hints, "invalid_request: the server rejected the request's form; check --token-url, "+
			"--resource or --audience, and --scope.")
	case "":
		switch {
		case e.StatusCode >= 500:
			hints = append(hints, fmt.Sprintf("HTTP %d: the server failed; try again later or read its logs.", e.StatusCode))
		case e.StatusCode == http.StatusNotFound:
			hints = append(hints, "HTTP 404: there is no token endpoint at this URL; check --token-url "+
				"(Logto: https://TENANT.logto.app/oidc/token).")
		case !jsonBody([]byte(e.Body)):
			hints = append(hints, "The answer is not JSON: the URL probably points at a web page or a proxy, "+
				"not at the token endpoint; check --token-url.")
		}
	}
	return detail, hints
}

func invalidTargetHint(rs *runState) string {
	var resource string
	for _, param := range rs.profile.Params {
		if param.Name == "resource" || param.Name == "audience" {
			resource = param.Value
			break
		}
	}
	const logto = "for Logto's Management API it is https://TENANT.logto.app/api (Cloud) or " +
		"https://default.logto.app/api (self-hosted)"
	if resource == "" {
		return "invalid_target: no resource indicator was sent and the server has no default API; give --resource (" + logto + ")."
	}
	return fmt.Sprintf("invalid_target: the resource indicator %q is not registered as an API; %s.", resource, logto)
}

func clientAuthWords(ca templates.ClientAuth) string {
	if ca == templates.ClientAuthBody {
		return "body (client_id and client_secret form fields)"
	}
	return "header (HTTP Basic)"
}

func otherClientAuth(ca templates.ClientAuth) string {
	if ca == templates.ClientAuthBody {
		return "header"
	}
	return "body"
}

func quoteOrNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
