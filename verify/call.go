package verify

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/text"
)

// CallResult is the API call made with the token.
type CallResult struct {
	Method string `json:"method"`
	URL    string `json:"url"`
	Status int    `json:"status,omitempty"`
	// Body is the start of a refusal's body; a successful answer's body is never kept, since it
	// may hold the API's data.
	Body string `json:"body,omitempty"`
}

// callURL resolves Options.Call against the profile into the URL to call, or returns an
// [*profile.InputError].
func callURL(p *profile.Profile, call string) (string, error) {
	bad := func(reason string) error {
		return &profile.InputError{Field: "call", Value: profile.RedactURL(call), Reason: reason}
	}
	switch {
	case call == "":
		return "", nil
	case call == CallFirst:
		for _, f := range p.Folders {
			for _, r := range f.Requests {
				if strings.HasPrefix(r.Path, "/") {
					return joinBase(p.BaseURL, r.Path, bad)
				}
			}
		}
		return "", bad("the profile has no ready request; give a path such as /api/users, or a URL")
	case strings.HasPrefix(call, "/"):
		if strings.HasPrefix(call, "//") {
			return "", bad("a path must start with a single /")
		}
		return joinBase(p.BaseURL, call, bad)
	}
	if _, err := profile.ParseHTTPURL(call); err != nil {
		return "", bad("not a path starting with / nor a usable URL: " + err.Error())
	}
	return call, nil
}

func joinBase(base, path string, bad func(string) error) (string, error) {
	if base == "" {
		return "", bad("the profile has no base URL to put the path after; give an absolute URL")
	}
	full := strings.TrimRight(base, "/") + path
	if _, err := profile.ParseHTTPURL(full); err != nil {
		return "", bad(err.Error() + " (after " + base + ")")
	}
	return full, nil
}

// callAPI makes a GET to target with the token as Bearer and reports its status.
func callAPI(ctx context.Context, client *http.Client, target, token string, red redactor, adv advice) (Check, []string, *CallResult) {
	res := &CallResult{Method: http.MethodGet, URL: target}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return fail(CheckCall, "GET %s: %s", target, text.OneLine(err.Error(), 200)), nil, res
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return fail(CheckCall, "GET %s: no answer: %s", target, transportReason(ctx, err, red)), nil, res
	}
	defer resp.Body.Close()
	res.Status = resp.StatusCode
	line := fmt.Sprintf("GET %s: HTTP %d", target, resp.StatusCode)
	if reason := http.StatusText(resp.StatusCode); reason != "" {
		line += " " + reason
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return pass(CheckCall, "%s", line), nil, res
	}
	body, err := readCapped(resp.Body, maxCallBody)
	res.Body = red.block(string(body), maxErrorBody, err != nil)
	if challenge := resp.Header.Get("WWW-Authenticate"); challenge != "" {
		line += " (" + red.line(challenge, 200) + ")"
	}
	var hints []string
	switch {
	case resp.StatusCode == http.StatusUnauthorized:
		hints = append(hints, "The API refused the token: it may expect another audience ("+adv.names.Resource+" or "+
			adv.names.Audience+") or issuer.")
	case resp.StatusCode == http.StatusForbidden:
		hints = append(hints, withProvider("The API took the token but it lacks a permission: request the scope the endpoint "+
			"needs and make sure the app is granted it.", adv.provider.Forbidden))
	case isRedirect(resp.StatusCode):
		line += ", not followed: the token goes only to the URL given"
	}
	return fail(CheckCall, "%s", line), hints, res
}
