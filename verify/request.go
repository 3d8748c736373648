package verify

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/profile"
)

// tokenForm is the application/x-www-form-urlencoded body of the client credentials request
// (RFC 6749 §4.4.2) in a fixed order: grant_type, scope when set, each of the profile's
// parameters, then the client's id and secret when they go in the body (§2.3.1), or its id and
// assertion with private_key_jwt (RFC 7523 §2.2).
func tokenForm(p *profile.Profile, assertion string) string {
	var b strings.Builder
	add := func(name, value string) {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(name))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(value))
	}
	add("grant_type", "client_credentials")
	if p.Scope != "" {
		add("scope", p.Scope)
	}
	for _, param := range p.Params {
		add(param.Name, param.Value)
	}
	switch p.ClientAuth {
	case profile.ClientAuthBody:
		add("client_id", p.ClientID)
		add("client_secret", p.ClientSecret)
	case profile.ClientAuthPrivateKeyJWT:
		add("client_id", p.ClientID)
		add("client_assertion_type", assertionType)
		add("client_assertion", assertion)
	}
	return b.String()
}

// basicCredentials is what HTTP Basic carries for the client: RFC 6749 §2.3.1 form-encodes the
// id and the secret before they are joined with ":" and base64-encoded.
func basicCredentials(id, secret string) (string, string) {
	return url.QueryEscape(id), url.QueryEscape(secret)
}

// newTokenRequest builds the POST to the profile's token endpoint: with private_key_jwt with a
// fresh assertion, with DPoP with a fresh proof carrying nonce. Each assertion and proof is
// made known to the redactor before anything is sent.
func (rs *runState) newTokenRequest(ctx context.Context, nonce string) (*http.Request, error) {
	p := rs.profile
	var assertion string
	if p.ClientAuth.Signed() {
		a, err := clientAssertion(p, p.TokenURL, rs.now())
		if err != nil {
			return nil, err
		}
		assertion = a
		rs.addSent(a)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.TokenURL, strings.NewReader(tokenForm(p, assertion)))
	if err != nil {
		return nil, fmt.Errorf("building token request for %q: %w", p.TokenURL, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	if p.ClientAuth == profile.ClientAuthHeader {
		req.SetBasicAuth(basicCredentials(p.ClientID, p.ClientSecret))
	}
	if p.DPoP {
		proof, err := dpopProof(p.ProofKey, http.MethodPost, p.TokenURL, nonce, "", rs.now())
		if err != nil {
			return nil, err
		}
		rs.addSent(proof)
		req.Header.Set("DPoP", proof)
	}
	return req, nil
}

// tokenResult is the outcome of the token request: resp on success, else a failure to report.
type tokenResult struct {
	status int
	resp   *tokenResponse
	err    *TokenError // the server's refusal, when it answered one
	detail string      // the token_request detail
	hints  []string
}

// requestToken sends the token request and reads its answer. Its error is for a request that
// cannot be built; every way the server or the network fails is in the result.
func requestToken(ctx context.Context, client *http.Client, rs *runState) (*tokenResult, error) {
	var resp *http.Response
	var body []byte
	var err error
	nonce := ""
	// With DPoP, a server that wants a nonce (RFC 9449 §8) gets one more request, with it.
	for attempt := 0; attempt < 2; attempt++ {
		req, berr := rs.newTokenRequest(ctx, nonce)
		if berr != nil {
			return nil, berr
		}
		resp, err = client.Do(req)
		if err != nil {
			reason := network.TransportReason(ctx, err, rs.redact)
			return &tokenResult{detail: "no answer: " + reason, hints: []string{transportHint(network.TransportCause(ctx, err), rs.advice.names)}}, nil
		}
		body, err = network.ReadCapped(resp.Body, maxTokenResponse)
		resp.Body.Close()
		nonce = resp.Header.Get("DPoP-Nonce")
		if !rs.profile.DPoP || attempt > 0 || err != nil || nonce == "" || resp.StatusCode != http.StatusBadRequest ||
			newTokenError(resp.StatusCode, body, rs.redact).Code != codeUseDPoPNonce {
			break
		}
		rs.nonceRetried = true
	}
	n := rs.advice.names
	res := &tokenResult{status: resp.StatusCode}
	if err != nil {
		res.detail = fmt.Sprintf("HTTP %d, but reading the answer: %s", resp.StatusCode, rs.redact.Line(err.Error(), 200))
		res.hints = []string{"A token response is a small JSON object; this server sent something else: check " + n.TokenURL + "."}
		return res, nil
	}
	if network.IsRedirect(resp.StatusCode) {
		where := rs.redact.Line(resp.Header.Get("Location"), 200)
		res.detail = fmt.Sprintf("HTTP %d redirect to %q, not followed: credentials go only to the URL given", resp.StatusCode, where)
		res.hints = []string{"The token URL redirects. If you trust where it points, give that URL as " + n.TokenURL + "."}
		return res, nil
	}
	if resp.StatusCode != http.StatusOK {
		res.err = newTokenError(resp.StatusCode, body, rs.redact)
		res.detail, res.hints = res.err.describe(rs, resp.Header)
		return res, nil
	}
	tr, err := parseTokenResponse(body)
	if err != nil {
		if te := newTokenError(resp.StatusCode, body, rs.redact); te.Code != "" {
			res.err = te
			res.detail, res.hints = te.describe(rs, resp.Header)
			return res, nil
		}
		res.detail = "HTTP 200, but " + rs.redact.Line(err.Error(), 300)
		if !jsonBody(body) {
			res.hints = []string{notJSONHint(n)}
		}
		return res, nil
	}
	res.resp = tr
	res.detail = "HTTP 200 with an access token"
	if rs.nonceRetried {
		res.detail += " (the second request, with the server's DPoP nonce)"
	}
	if tr.ExpiresIn.Set {
		res.detail += fmt.Sprintf(", expires_in %d", tr.ExpiresIn.Seconds)
	}
	return res, nil
}

// transportHint is the hint for a request that got no answer, by its cause (network's).
func transportHint(cause error, n Names) string {
	switch {
	case errors.Is(cause, network.ErrTimedOut):
		return "The server did not answer in time: check the URL, your network or proxy, or allow more time with " + n.Timeout + "."
	case errors.Is(cause, network.ErrUntrustedTLS):
		return "The server's TLS certificate is not trusted by this machine: check the host name, or install the CA that signed it."
	case errors.Is(cause, network.ErrHostNotFound):
		return "The host name does not resolve: check " + n.TokenURL + " or " + n.Location + "."
	}
	if n.Location != "" && !n.given(n.TokenURL) {
		// The token URL came from the preset and the tenant or endpoint given.
		return "Nothing answered at the token URL: check " + n.Location + " and that the server is running."
	}
	return "Nothing answered at the token URL: check " + n.TokenURL + " and that the server is running."
}
