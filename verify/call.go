package verify

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/redact"
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

// callTarget is the request made with the token: its method (GET or HEAD) and URL. The zero
// value makes no call.
type callTarget struct {
	method, url string
}

// callURL resolves Options.Call against the profile into the request to make, or returns an
// [*input.Error]. A bare call makes the profile's Call, the collection's own request,
// or else the first of the preset's ready requests. A bare call and a PATH both go only under a
// base URL that names where the API is served, never under an identifier (notAnIdentifier).
func callURL(p *profile.Profile, call string, n Names) (callTarget, error) {
	bad := func(reason string) error {
		return &input.Error{Field: "call", Value: network.RedactURL(call), Reason: reason}
	}
	get := func(u string, err error) (callTarget, error) {
		if err != nil {
			return callTarget{}, err
		}
		return callTarget{method: http.MethodGet, url: u}, nil
	}
	switch {
	case call == "":
		return callTarget{}, nil
	case call == CallFirst:
		return notAnIdentifier(p, n, false)(bareCall(p, n, get, bad))
	case strings.HasPrefix(call, "/"):
		if strings.HasPrefix(call, "//") {
			return callTarget{}, bad("a path must start with a single /")
		}
		return notAnIdentifier(p, n, true)(get(joinBase(p, call, bad)))
	}
	if _, err := p.URLPolicy.Parse(call); err != nil {
		return callTarget{}, bad("not a path starting with / nor a usable URL: " + err.Error())
	}
	return callTarget{method: http.MethodGet, url: call}, nil
}

// bareCall is what a bare --call makes: the collection's own request, or the first of the
// preset's ready requests after the base URL.
func bareCall(p *profile.Profile, n Names, get func(string, error) (callTarget, error), bad func(string) error) (callTarget, error) {
	if p.Call != nil {
		return collectionCall(p.Call, p.URLPolicy, n)
	}
	for _, f := range p.Folders {
		for _, r := range f.Requests {
			if strings.HasPrefix(r.Path, "/") {
				return get(joinBase(p, r.Path, bad))
			}
		}
	}
	return callTarget{}, bad("the profile has no ready request; give a path such as /api/users, or a URL")
}

// notAnIdentifier refuses a bare call, or a PATH the user gave (path), that would send the
// token to a resource or audience identifier: an identifier names the API for the token server
// and need not be where the API is served, so the token goes there only when the user says so,
// with --call URL or --base-url. It catches a bare call to the identifier itself (the generic
// provider's ready request, "/" after a base URL guessed from the identifier) and, unless the
// user named the base URL, a bare call or a PATH under a
// base URL that is an identifier (an OpenAPI document's requests when the document names no
// server); a collection cannot say whether its base URL was such a guess. A preset's ready
// requests under its own API's identifier (Kinde's /api/v1/... under /api) go after the
// preset's own base URL and are made.
func notAnIdentifier(p *profile.Profile, n Names, path bool) func(callTarget, error) (callTarget, error) {
	return func(t callTarget, err error) (callTarget, error) {
		if err != nil {
			return t, err
		}
		what := "a bare call"
		if path {
			what = "the path"
		}
		for _, param := range p.Params {
			for _, id := range strings.Fields(param.Value) {
				underIdentifier := !n.given(n.BaseURL) && isIdentifier(p.BaseURL, id) && under(t.url, p.BaseURL)
				// A path the user gave goes where they say under a base that is no identifier.
				if !underIdentifier && (path || !isIdentifier(t.url, id)) {
					continue
				}
				instead := fmt.Sprintf("put the URL where the API is served after %s, or a PATH after it with %s naming the API's base URL", n.Call, n.BaseURL)
				if n.given(n.BaseURL) {
					instead = fmt.Sprintf("%s names the identifier itself: put the URL where the API is served, or a PATH, after %s", n.BaseURL, n.Call)
				}
				where := "to"
				if !isIdentifier(t.url, id) {
					where = "under"
				}
				return callTarget{}, &input.Error{Field: "call", Value: network.RedactURL(t.url),
					Reason: fmt.Sprintf("%s would send the token %s the %s identifier %q, which names the API "+
						"but need not serve it; %s", what, where, param.Name, text.OneLine(id, 200), instead)}
			}
		}
		return t, nil
	}
}

// isIdentifier reports whether target is the URL id: the same scheme, host, port and path,
// but for a trailing slash, whatever its query.
func isIdentifier(target, id string) bool {
	iu, err := url.Parse(id)
	if err != nil || (iu.Scheme != "http" && iu.Scheme != "https") || iu.Host == "" {
		return false
	}
	tu, err := url.Parse(target)
	if err != nil || !strings.EqualFold(tu.Scheme, iu.Scheme) || !strings.EqualFold(hostPort(tu), hostPort(iu)) {
		return false
	}
	return strings.TrimRight(tu.EscapedPath(), "/") == strings.TrimRight(iu.EscapedPath(), "/")
}

// under reports whether target is base or a URL below it: the same origin and base's path as
// a prefix of whole segments.
func under(target, base string) bool {
	tu, err := url.Parse(target)
	if err != nil {
		return false
	}
	bu, err := url.Parse(base)
	if err != nil || !strings.EqualFold(tu.Scheme, bu.Scheme) || !strings.EqualFold(hostPort(tu), hostPort(bu)) {
		return false
	}
	prefix := strings.TrimRight(bu.EscapedPath(), "/")
	path := tu.EscapedPath()
	return path == prefix || strings.HasPrefix(path, prefix+"/")
}

// hostPort is u's host with the scheme's port made explicit.
func hostPort(u *url.URL) string {
	if u.Port() != "" {
		return u.Host
	}
	return u.Host + map[string]string{"http": ":80", "https": ":443"}[strings.ToLower(u.Scheme)]
}

// collectionCall checks the collection's own request before it is made.
func collectionCall(c *profile.Call, policy network.URLPolicy, n Names) (callTarget, error) {
	give := "; put a PATH or URL after " + n.Call
	if c.Problem != "" {
		return callTarget{}, &input.Error{Field: "call", Reason: c.Problem + give}
	}
	if c.Method != http.MethodGet && c.Method != http.MethodHead {
		return callTarget{}, &input.Error{Field: "call", Reason: fmt.Sprintf("request %q is a %s; only GET and HEAD are made%s",
			text.OneLine(c.Name, 80), text.OneLine(c.Method, 20), give)}
	}
	if _, err := policy.Parse(c.URL); err != nil {
		return callTarget{}, &input.Error{Field: "call", Value: network.RedactURL(c.URL),
			Reason: fmt.Sprintf("the URL of request %q: %v%s", text.OneLine(c.Name, 80), err, give)}
	}
	return callTarget{method: c.Method, url: c.URL}, nil
}

func joinBase(p *profile.Profile, path string, bad func(string) error) (string, error) {
	base := p.BaseURL
	if base == "" {
		return "", bad("the profile has no base URL to put the path after; give an absolute URL")
	}
	full := strings.TrimRight(base, "/") + path
	if _, err := p.URLPolicy.Parse(full); err != nil {
		return "", bad(err.Error() + " (after " + base + ")")
	}
	return full, nil
}

// callAPI makes the target request with the token and reports its status: as Bearer, or with
// proof (DPoP) as "DPoP" with a proof made for it, made again with the API's nonce when it asks
// for one. redactor gives the redactor that knows every proof made so far.
func callAPI(ctx context.Context, client *http.Client, t callTarget, token string, proof func(nonce string) (string, error),
	redactor func() redact.Redactor, adv advice) (Check, []string, *CallResult) {
	// The URL is shown as every text from outside is: a collection's request may hold a value
	// that only the redactor knows to hide.
	target := redactor().Line(t.url, 2048)
	res := &CallResult{Method: t.method, URL: target}
	var resp *http.Response
	nonce := ""
	for attempt := 0; attempt < 2; attempt++ {
		req, err := http.NewRequestWithContext(ctx, t.method, t.url, nil)
		if err != nil {
			return fail(CheckCall, "%s %s: %s", t.method, target, text.OneLine(err.Error(), 200)), nil, res
		}
		req.Header.Set("Authorization", "Bearer "+token)
		if proof != nil {
			p, err := proof(nonce)
			if err != nil {
				return fail(CheckCall, "%s %s: %s", t.method, target, text.OneLine(err.Error(), 200)), nil, res
			}
			req.Header.Set("Authorization", "DPoP "+token)
			req.Header.Set("DPoP", p)
		}
		req.Header.Set("Accept", "application/json")
		resp, err = client.Do(req)
		if err != nil {
			return fail(CheckCall, "%s %s: no answer: %s", t.method, target, network.TransportReason(ctx, err, redactor())), nil, res
		}
		nonce = resp.Header.Get("DPoP-Nonce")
		if proof == nil || attempt > 0 || resp.StatusCode != http.StatusUnauthorized || nonce == "" ||
			!strings.Contains(resp.Header.Get("WWW-Authenticate"), codeUseDPoPNonce) {
			break
		}
		resp.Body.Close()
	}
	defer resp.Body.Close()
	red := redactor()
	res.Status = resp.StatusCode
	line := fmt.Sprintf("%s %s: HTTP %d", t.method, target, resp.StatusCode)
	if reason := http.StatusText(resp.StatusCode); reason != "" {
		line += " " + reason
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return pass(CheckCall, "%s", line), nil, res
	}
	body, err := network.ReadCapped(resp.Body, maxCallBody)
	res.Body = red.Block(string(body), maxErrorBody, err != nil)
	if challenge := resp.Header.Get("WWW-Authenticate"); challenge != "" {
		line += " (" + red.Line(challenge, 200) + ")"
	}
	var hints []string
	switch {
	case resp.StatusCode == http.StatusUnauthorized && proof != nil:
		hints = append(hints, "The API refused the DPoP-bound token: it may not take DPoP (Authorization: DPoP and a proof), "+
			"or expect another audience ("+adv.names.Resource+" or "+adv.names.Audience+").")
	case resp.StatusCode == http.StatusUnauthorized:
		hints = append(hints, "The API refused the token: it may expect another audience ("+adv.names.Resource+" or "+
			adv.names.Audience+") or issuer.")
	case resp.StatusCode == http.StatusForbidden:
		hints = append(hints, withProvider("The API took the token but it lacks a permission: request the scope the endpoint "+
			"needs and make sure the app is granted it.", adv.provider.Forbidden))
	case network.IsRedirect(resp.StatusCode):
		line += ", not followed: the token goes only to the URL given"
	}
	return fail(CheckCall, "%s", line), hints, res
}
