package verify

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/redact"
	"github.com/gen-postman/gen-postman/internal/text"
)

// notProven ends the detail of an introspection that could not tell whether the token is active.
// A JWT whose signature passed says otherwise (checkToken).
const notProven = "; the token is not proven"

// CheckActive is the check of an opaque token's RFC 7662 introspection: the server says the
// token is active. It stands after jwt in the report.
const CheckActive = "active"

// maxIntrospection caps an introspection answer, a small JSON object.
const maxIntrospection = 1 << 20

// introspectionEndpoint is where an opaque token is proven, and where that URL came from.
type introspectionEndpoint struct {
	url  string
	from string
	// issuer is the issuer of the discovery document that named the endpoint, hidden as the
	// claims it is compared with are; empty when the profile named the endpoint.
	issuer string
	// notes say why none was found, one per discovery document tried.
	notes []string
}

// findIntrospection takes the profile's introspection endpoint or, without one, the
// introspection_endpoint of a discovery document tied to the token endpoint (its
// token_endpoint is the token URL). A document may not steer the client secret elsewhere: an
// endpoint on another host than the token endpoint's is not used, and the notes say so.
func (rs *runState) findIntrospection(ctx context.Context) introspectionEndpoint {
	p := rs.profile
	tokenHost := hostOfURL(p.TokenURL)
	var ep introspectionEndpoint
	switch {
	case p.IntrospectionURL != "" && (p.IntrospectionNamed || hostOfURL(p.IntrospectionURL) == tokenHost):
		return introspectionEndpoint{url: p.IntrospectionURL, from: "profile"}
	case p.IntrospectionURL != "":
		// A collection's, on another host: a file may not choose where the credentials go.
		ep.notes = append(ep.notes, fmt.Sprintf("the collection's introspection URL %q is on another host than the token endpoint "+
			"(%s), so the client's credentials are not sent there; name it with %s to use it", rs.redact.Line(p.IntrospectionURL, 200),
			tokenHost, introspectionFlag(rs.advice.names)))
		return ep
	}
	srv := network.Fetcher{Docs: rs.docs, Red: rs.redact, Keep: true}
	for _, candidate := range network.DiscoveryURLs(p.URLPolicy, p.Issuer, p.TokenURL) {
		doc, raw, err := srv.Metadata(ctx, candidate)
		switch {
		case err != nil:
			ep.notes = append(ep.notes, err.Error())
			if ctx.Err() != nil {
				return ep
			}
			continue
		case doc.TokenEndpoint != p.TokenURL:
			ep.notes = append(ep.notes, fmt.Sprintf("%s: its token_endpoint is not the token URL, so it is not trusted", candidate))
			continue
		case doc.IntrospectionEndpoint == "":
			ep.notes = append(ep.notes, candidate+": it names no introspection_endpoint")
			return ep
		case p.URLPolicy.Check(doc.IntrospectionEndpoint) != nil:
			ep.notes = append(ep.notes, fmt.Sprintf("%s: unusable introspection_endpoint %q", candidate, srv.Red.Line(doc.IntrospectionEndpoint, 200)))
			return ep
		case hostOfURL(doc.IntrospectionEndpoint) != tokenHost:
			ep.notes = append(ep.notes, fmt.Sprintf("%s: its introspection_endpoint %q is on another host than the token endpoint (%s), "+
				"so the client secret is not sent there", candidate, srv.Red.Line(doc.IntrospectionEndpoint, 200), tokenHost))
			return ep
		}
		srv.Used(raw)
		return introspectionEndpoint{url: doc.IntrospectionEndpoint, from: candidate, issuer: srv.Red.Visible(doc.Issuer)}
	}
	return ep
}

// hostOfURL is the host (with its port) of a URL, in lower case; empty when it has none.
func hostOfURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Host)
}

// checkOpaque reports on a token that is not a JWT: it is proven by RFC 7662 introspection
// when an endpoint is known, and otherwise said to be unprovable, a warning. For a provider
// that issues JWTs for a named API the jwt check still fails: the request named none.
func (rs *runState) checkOpaque(ctx context.Context, tr *tokenResponse, receivedAt time.Time, jwtCheck Check, jwtHints []string) {
	r := rs.report
	ep := rs.findIntrospection(ctx)
	switch {
	case rs.profile.JWTAccessTokens:
		r.add(jwtCheck)
		r.addHints(jwtHints...)
	case ep.url == "":
		r.add(warn(CheckJWT, "%s: it cannot be proven here, since the server names no introspection endpoint (RFC 7662)", jwtCheck.Detail))
		hint := "An opaque token is proven only by the server that issued it: give its introspection endpoint with " +
			introspectionFlag(rs.advice.names) + ", or ask the server for JWT access tokens."
		if len(ep.notes) > 0 {
			hint += " Discovery: " + strings.Join(ep.notes, "; ") + "."
		}
		r.addHints(jwtHints...)
		r.addHints(hint)
	default:
		r.add(skip(CheckJWT, "%s: proven by introspection at %s instead", jwtCheck.Detail, rs.redact.Line(ep.url, 300)))
	}
	if ep.url == "" {
		for _, name := range tokenChecks[1:] {
			r.add(skip(name, "not a JWT, and no introspection endpoint"))
		}
		return
	}
	if len(ep.notes) > 0 {
		r.addHints("Discovery: " + strings.Join(ep.notes, "; ") + ".")
	}
	claims, shownClaims, active := rs.introspect(ctx, ep.url, tr.AccessToken)
	r.add(active)
	const opaque = "an opaque token has no signature or header of its own; the server vouched for it by introspection"
	if active.Status != StatusPass {
		for _, name := range tokenChecks[1:] {
			r.add(skip(name, "the introspection did not show the token active"))
		}
		return
	}
	r.Claims = shownClaims
	r.add(skip(CheckSignature, "%s", opaque))
	// The issuer expected: the profile's, else that of the discovery document trusted for the
	// endpoint (its token_endpoint is the token URL), as for a JWT.
	issuer, issuerFrom := rs.profile.Issuer, "profile"
	if issuer == "" && ep.issuer != "" {
		issuer, issuerFrom = ep.issuer, ep.from
	}
	want := rs.expectations(tr, receivedAt, issuer, issuerFrom)
	checks, hints := claimChecks(nil, claims, want)
	for _, c := range checks {
		switch {
		case c.Name == CheckTyp:
			c = skip(CheckTyp, "%s", opaque)
		case c.Name == CheckIssuer && claims["iss"] == nil:
			c = skip(CheckIssuer, "the introspection answer names no issuer (optional in RFC 7662)")
		case c.Name == CheckLifetime && claims["exp"] == nil:
			c = warn(CheckLifetime, "the introspection answer gives no exp, so when the token expires is not known")
		case c.Name == CheckClient && claims["client_id"] == nil && c.Status != StatusPass:
			c = warn(CheckClient, "the introspection answer names no client_id")
		}
		if c.Status == StatusPass {
			c.Detail += " (by introspection)"
		}
		r.add(c)
	}
	r.addHints(hints...)
}

// introspectionFlag is how the user gives an introspection endpoint, for the hints.
func introspectionFlag(n Names) string {
	if n.Introspection != "" {
		return n.Introspection
	}
	return "the introspection URL"
}

// introspect asks the introspection endpoint about the token (RFC 7662 §2.1) with the token
// request's client authentication, and checks that the answer says it is active. Whatever
// the server says passes the run's redactor, which knows the secret and the token. A server
// that cannot be asked is a warning: the token is then unproven, not bad.
func (rs *runState) introspect(ctx context.Context, endpoint, token string) (jwt.MapClaims, map[string]any, Check) {
	p := rs.profile
	shown := rs.redact.Line(endpoint, 300)
	if err := p.URLPolicy.Check(endpoint); err != nil {
		return nil, nil, warn(CheckActive, "cannot introspect: %s", rs.redact.Line(err.Error(), 300))
	}
	// The client authenticates as in its token request (RFC 7662 §2.1): HTTP Basic, the form
	// fields, or a fresh assertion whose audience is this endpoint.
	if host := hostOfURL(endpoint); host != hostOfURL(p.TokenURL) {
		// Only a URL the user named gets here (discovery keeps to the token endpoint's host).
		rs.report.addHints(fmt.Sprintf("The client's credentials are sent to %s as well, the introspection URL given: "+
			"another host than the token endpoint's (%s).", rs.redact.Line(host, 200), rs.redact.Line(hostOfURL(p.TokenURL), 200)))
	}
	form := url.Values{"token": {token}, "token_type_hint": {"access_token"}}
	switch p.ClientAuth {
	case profile.ClientAuthBody:
		form.Set("client_id", p.ClientID)
		form.Set("client_secret", p.ClientSecret)
	case profile.ClientAuthPrivateKeyJWT:
		assertion, err := clientAssertion(p, endpoint, rs.now())
		if err != nil {
			return nil, nil, warn(CheckActive, "cannot introspect at %s: %s", shown, rs.redact.Line(err.Error(), 200))
		}
		rs.addSent(assertion)
		form.Set("client_id", p.ClientID)
		form.Set("client_assertion_type", assertionType)
		form.Set("client_assertion", assertion)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, nil, warn(CheckActive, "cannot introspect at %s: %s", shown, rs.redact.Line(err.Error(), 200))
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	if p.ClientAuth == profile.ClientAuthHeader {
		req.SetBasicAuth(basicCredentials(p.ClientID, p.ClientSecret))
	}
	resp, err := rs.client.Do(req)
	if err != nil {
		return nil, nil, warn(CheckActive, "no answer from %s: %s", shown, network.TransportReason(ctx, err, rs.redact))
	}
	defer resp.Body.Close()
	body, err := network.ReadCapped(resp.Body, maxIntrospection)
	switch {
	case err != nil:
		return nil, nil, warn(CheckActive, "%s answered HTTP %d, but reading it: %s", shown, resp.StatusCode, rs.redact.Line(err.Error(), 200))
	case network.IsRedirect(resp.StatusCode):
		return nil, nil, warn(CheckActive, "%s answered HTTP %d, a redirect, not followed: the client secret goes only to the URL given", shown, resp.StatusCode)
	case resp.StatusCode != http.StatusOK:
		te := newTokenError(resp.StatusCode, body, rs.redact)
		detail := fmt.Sprintf("%s refused the introspection request: HTTP %d", shown, resp.StatusCode)
		if te.Code != "" {
			detail += " " + te.Code
		}
		if te.Description != "" {
			detail += ": " + te.Description
		}
		return nil, nil, warn(CheckActive, "%s%s", detail, notProven)
	}
	return readIntrospection(shown, body, rs.redact)
}

// readIntrospection reads a 200 introspection answer (RFC 7662 §2.2): the claims when the token
// is active, and the active check. Everything in it passes red before it is kept.
func readIntrospection(shown string, body []byte, red redact.Redactor) (checked jwt.MapClaims, report map[string]any, c Check) {
	var claims map[string]any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&claims); err != nil || claims == nil {
		return nil, nil, warn(CheckActive, "%s answered HTTP 200 without a JSON object; the token is not proven", shown)
	}
	report, claims = shownValues(red, claims), checkedValues(red, claims)
	active, ok := claims["active"].(bool)
	switch {
	case !ok:
		return nil, nil, warn(CheckActive, "%s answered without a boolean active (RFC 7662 §2.2 requires it); the token is not proven", shown)
	case !active:
		return nil, nil, fail(CheckActive, "%s says the token is not active: revoked, expired, or not one it issued", shown)
	}
	detail := "active, by introspection at " + shown
	if tt, ok := claims["token_type"].(string); ok && tt != "" {
		detail += ", token_type " + text.OneLine(tt, 40)
	}
	return jwt.MapClaims(claims), report, pass(CheckActive, "%s", detail)
}
