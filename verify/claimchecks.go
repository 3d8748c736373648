package verify

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/redact"
	"github.com/gen-postman/gen-postman/internal/text"
)

// expectations are what the token's claims are checked against.
type expectations struct {
	issuer     string // the expected iss; empty when unknown
	issuerFrom string
	// issuerAliases are other issuers the provider writes for the same tenant.
	issuerAliases []string
	audiences     []string // the requested resource and audience values
	// scopeAudiences are the APIs the request named in its scope (Entra ID's X/.default),
	// and apiScopes those scope values, which scopes leaves out.
	scopeAudiences []string
	apiScopes      []string
	scopes         []string // the requested scopes
	// grantedScope is the token response's scope field, used when the token has no scope claim.
	grantedScope string
	clientID     string
	expiresIn    flexSecond
	receivedAt   time.Time // when the token response arrived
	now          time.Time
	leeway       time.Duration
	maxLifetime  time.Duration
	advice       advice
	// red hides what a check quotes of the header, which the checks read as sent.
	red redact.Redactor
}

// claimChecks runs issuer, audience, lifetime, scope, client and typ on a decoded token. It
// returns those checks in order and the hints they give.
func claimChecks(header map[string]any, claims jwt.MapClaims, want expectations) ([]Check, []string) {
	var hints []string
	scope, scopeHint := checkScope(claims, want)
	if scopeHint != "" {
		hints = append(hints, scopeHint)
	}
	issuer, issuerHint := checkIssuer(claims, want)
	if issuerHint != "" {
		hints = append(hints, issuerHint)
	}
	audience, audienceHint := checkAudience(claims, want)
	if audienceHint != "" {
		hints = append(hints, audienceHint)
	}
	return []Check{
		issuer,
		audience,
		checkLifetime(claims, want),
		scope,
		checkClient(claims, want),
		checkTyp(header, want.red),
	}, hints
}

func checkIssuer(claims jwt.MapClaims, want expectations) (Check, string) {
	iss, present, err := stringClaim(claims, "iss")
	switch {
	case err != nil:
		return fail(CheckIssuer, "%v", err), ""
	case !present:
		return fail(CheckIssuer, "the token has no iss claim (RFC 9068 requires it)"), ""
	case want.issuer == "" && len(want.issuerAliases) == 0:
		return warn(CheckIssuer, "iss %q; no expected issuer is known to compare it with", text.OneLine(iss, 200)),
			"Give the expected issuer with " + want.advice.names.Issuer + " to check iss."
	case slices.Contains(want.issuerAliases, iss):
		return pass(CheckIssuer, "%q, one of the provider's issuers for the tenant", iss), ""
	case iss != want.issuer:
		hint := ""
		switch got, wanted := hostOnly(iss, want.issuer); {
		case strings.TrimRight(iss, "/") == strings.TrimRight(want.issuer, "/"):
			hint = "The issuers differ only by a trailing slash, which counts: some servers' issuers end with /, others' do not."
		case got != "" && want.advice.names.given(want.advice.names.Issuer):
			hint = fmt.Sprintf("The issuers differ only by host, %s against %s: the server names itself by the host it was configured with. "+
				"The issuer given with %s is not the one it writes.", text.OneLine(got, 100), wanted, want.advice.names.Issuer)
		case got != "":
			hint = fmt.Sprintf("The issuers differ only by host, %s against %s: the server names itself by the host it was configured with. "+
				"Reach it by that name (%s), or give the issuer it writes with %s.", text.OneLine(got, 100), wanted, want.advice.names.Location, want.advice.names.Issuer)
		}
		if want.advice.provider.Issuer != "" {
			hint = strings.TrimSpace(hint + " " + want.advice.provider.Issuer)
		}
		return fail(CheckIssuer, "iss %q, want %q", text.OneLine(iss, 200), want.issuer), hint
	}
	from := ""
	if want.issuerFrom != "" && want.issuerFrom != "profile" {
		from = " (from discovery)"
	}
	return pass(CheckIssuer, "%q%s", iss, from), ""
}

// checkAudience wants every requested API in aud: each resource, and each space-separated
// audience, since a server may split one audience value into several (Ory Hydra does).
func checkAudience(claims jwt.MapClaims, want expectations) (Check, string) {
	aud, err := claims.GetAudience()
	if err != nil {
		return fail(CheckAudience, "aud is neither a string nor an array of strings"), ""
	}
	var wanted []string
	for _, a := range want.audiences {
		for _, one := range strings.Fields(a) {
			if !slices.Contains(wanted, one) {
				wanted = append(wanted, one)
			}
		}
	}
	aud = namedByScope(aud, want.scopeAudiences)
	for _, a := range want.scopeAudiences {
		if !slices.Contains(wanted, a) {
			wanted = append(wanted, a)
		}
	}
	got := quoteList(aud)
	switch {
	case len(wanted) == 0 && len(aud) == 0:
		return skip(CheckAudience, "no resource or audience was requested, and the token has no aud"), ""
	case len(wanted) == 0:
		return skip(CheckAudience, "no resource or audience was requested; aud is %s", got), ""
	case len(aud) == 0:
		return fail(CheckAudience, "the token has no aud claim; want %s", quoteList(wanted)),
			withProviderAudience(ignoredAPIHint(want.advice, true), want.advice)
	}
	missing := missingFrom(wanted, aud)
	switch {
	case len(missing) == 0:
		return pass(CheckAudience, "%s", got), ""
	case len(missing) < len(wanted):
		return fail(CheckAudience, "aud %s, want %s as well", got, quoteList(missing)),
			"The server granted only some of the requested audiences; some servers take one audience per token request."
	}
	if audIsScopes(aud, want.scopes) {
		return fail(CheckAudience, "aud %s is the requested scope list, want %s", got, quoteList(missing)), scopeAudienceHint(want.advice)
	}
	return fail(CheckAudience, "aud %s, want %s: the token is for another API", got, quoteList(missing)),
		withProviderAudience(ignoredAPIHint(want.advice, false), want.advice)
}

// audIsScopes reports whether aud is the requested scopes and nothing else: the mark of a
// server that ignored the resource or audience parameter and wrote the scopes instead
// (Glewlwyd does, for an audience or a resource it does not know).
func audIsScopes(aud, scopes []string) bool {
	if len(aud) == 0 || len(scopes) == 0 {
		return false
	}
	var values []string
	for _, a := range aud {
		values = append(values, strings.Fields(a)...)
	}
	slices.Sort(values)
	sorted := slices.Sorted(slices.Values(scopes))
	return slices.Equal(slices.Compact(values), slices.Compact(sorted))
}

// scopeAudienceHint explains a token whose aud is the scope list: the server ignored the
// parameter that named the API.
func scopeAudienceHint(adv advice) string {
	resource, audience := adv.sentValue(profile.ParamResource), adv.sentValue(profile.ParamAudience)
	switch {
	case audience != "" && resource == "":
		return fmt.Sprintf("The server ignored %s (%s) and wrote the scopes in aud, as Glewlwyd does: it names the API with "+
			"resource (RFC 8707). Give %s %s instead, and register it as a resource of those scopes on the server.",
			adv.names.Audience, audience, adv.names.Resource, audience)
	case resource != "":
		return fmt.Sprintf("The server ignored %s (%s) and wrote the scopes in aud, as Glewlwyd does for a resource it does not "+
			"allow: register %s as a resource of the requested scopes (or of the client) on the server.", adv.names.Resource, resource, resource)
	}
	return fmt.Sprintf("The server wrote the scopes in aud: it names no API without %s or %s.", adv.names.Resource, adv.names.Audience)
}

// withProviderAudience adds the provider's word on how it puts an API in aud (Keycloak's
// audience mapper) to a hint for a token without the wanted audience.
func withProviderAudience(hint string, adv advice) string {
	if adv.provider.Audience == "" {
		return hint
	}
	return strings.TrimSpace(hint + " " + adv.provider.Audience)
}

// msGraphAppID is Microsoft Graph's application ID, which Entra ID may write in aud for a
// token asked for with the scope https://graph.microsoft.com/.default.
const msGraphAppID = "00000003-0000-0000-c000-000000000000"

// namedByScope returns aud with each value that Microsoft Entra ID writes for an API named in
// the scope replaced by that name: Graph's application ID for https://graph.microsoft.com,
// and the bare application ID X of a v2.0 token for api://X. Only APIs the scope named are
// matched this way.
func namedByScope(aud, scopeAPIs []string) []string {
	if len(scopeAPIs) == 0 {
		return aud
	}
	out := slices.Clone(aud)
	for i, a := range out {
		for _, api := range scopeAPIs {
			if (api == "https://graph.microsoft.com" && a == msGraphAppID) || ("api://"+a == api) {
				out[i] = api
			}
		}
	}
	return out
}

// ignoredAPIHint explains a token without the requested API when the request named it with
// one parameter only: the server may name APIs with the other one. noAud says the token has
// no aud at all, the sign of a server that ignored the parameter.
func ignoredAPIHint(adv advice, noAud bool) string {
	resource, audience := adv.sentValue(profile.ParamResource), adv.sentValue(profile.ParamAudience)
	switch {
	case resource != "" && audience == "" && noAud:
		return fmt.Sprintf("The server ignored resource: it names the API with audience. Give %s %s instead.",
			adv.names.Audience, resource)
	case resource != "" && audience == "":
		return fmt.Sprintf("The server may have ignored resource and issued the token for its default API; "+
			"if it names the API with audience, give %s %s instead.", adv.names.Audience, resource)
	case audience != "" && resource == "" && noAud:
		return fmt.Sprintf("The server ignored audience: it may name the API with resource (RFC 8707). Give %s instead.",
			adv.names.Resource)
	}
	return ""
}

func checkLifetime(claims jwt.MapClaims, want expectations) Check {
	exp, err := claims.GetExpirationTime()
	if err != nil {
		return fail(CheckLifetime, "exp is not a NumericDate (seconds since 1970)")
	}
	iat, err := claims.GetIssuedAt()
	if err != nil {
		return fail(CheckLifetime, "iat is not a NumericDate (seconds since 1970)")
	}
	nbf, err := claims.GetNotBefore()
	if err != nil {
		return fail(CheckLifetime, "nbf is not a NumericDate (seconds since 1970)")
	}
	if exp == nil {
		return fail(CheckLifetime, "the token has no exp claim, so it never expires (RFC 9068 requires exp)")
	}
	for _, d := range []struct {
		name string
		date *jwt.NumericDate
	}{{"exp", exp}, {"iat", iat}, {"nbf", nbf}} {
		if d.date != nil && !plausible(d.date.Time) {
			return fail(CheckLifetime, "%s is not a time between 1970 and 9999", d.name)
		}
	}
	// golang-jwt decides expiry and the times in the future; the details are computed here.
	validator := jwt.NewValidator(
		jwt.WithTimeFunc(func() time.Time { return want.now }),
		jwt.WithLeeway(want.leeway),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
	)
	verr := validator.Validate(claims)
	var problems []string
	if errors.Is(verr, jwt.ErrTokenExpired) {
		problems = append(problems, "expired "+humanDuration(want.now.Sub(exp.Time))+" ago")
	}
	if errors.Is(verr, jwt.ErrTokenUsedBeforeIssued) && iat != nil {
		problems = append(problems, "issued "+humanDuration(iat.Sub(want.now))+" in the future (iat); check this machine's clock")
	}
	if errors.Is(verr, jwt.ErrTokenNotValidYet) && nbf != nil {
		problems = append(problems, "not valid for another "+humanDuration(nbf.Sub(want.now))+" (nbf); check this machine's clock")
	}
	// The lifetime is exp - iat, or from when the answer arrived when there is no iat.
	start, startName := want.receivedAt, "exp - now"
	if iat != nil {
		start, startName = iat.Time, "exp - iat"
	}
	lifetime := exp.Sub(start)
	if want.expiresIn.Set {
		said := time.Duration(want.expiresIn.Seconds) * time.Second
		if diff := lifetime - said; diff > want.leeway || -diff > want.leeway {
			problems = append(problems, fmt.Sprintf("%s is %s but expires_in says %s", startName, humanDuration(lifetime), humanDuration(said)))
		}
	}
	// exp - iat is the server's own figure, which no clock skew changes: the leeway applies only
	// when the lifetime is reckoned from this machine's clock.
	maxLifetime := want.maxLifetime
	if iat == nil {
		maxLifetime += want.leeway
	}
	if want.maxLifetime > 0 && lifetime > maxLifetime {
		problems = append(problems, fmt.Sprintf("lives %s, more than the maximum %s", humanDuration(lifetime), humanDuration(want.maxLifetime)))
	}
	if len(problems) > 0 {
		return fail(CheckLifetime, "%s", strings.Join(problems, "; "))
	}
	left := exp.Sub(want.now)
	if left < 0 {
		return pass(CheckLifetime, "expired %s ago, within the leeway of %s", humanDuration(-left), humanDuration(want.leeway))
	}
	return pass(CheckLifetime, "expires in %s (lifetime %s)", humanDuration(left), humanDuration(lifetime))
}

func checkScope(claims jwt.MapClaims, want expectations) (Check, string) {
	granted, claim, err := scopesOf(claims)
	if err != nil {
		return fail(CheckScope, "%v", err), ""
	}
	from := claim
	if claim == "" && want.grantedScope != "" {
		granted, from = strings.Fields(want.grantedScope), "the token response's scope"
	}
	if len(want.scopes) == 0 && len(want.apiScopes) > 0 {
		return checkRoles(claims, want, granted)
	}
	if len(want.scopes) == 0 {
		if len(granted) == 0 {
			return skip(CheckScope, "no scope was requested, and the token grants none"), ""
		}
		return skip(CheckScope, "no scope was requested; the token grants %s", strings.Join(granted, " ")), ""
	}
	missing := missingFrom(want.scopes, granted)
	if len(missing) > 0 {
		detail := "missing " + strings.Join(missing, " ")
		if from == "" {
			detail += "; the token has no scope claim"
		} else if len(granted) > 0 {
			detail += "; granted " + strings.Join(granted, " ")
		}
		hint := fmt.Sprintf("The server did not grant %s. Some servers drop a requested scope the app does not hold "+
			"without an error: give the app the scope on the server.", strings.Join(missing, " "))
		return fail(CheckScope, "%s", detail), withProvider(hint, want.advice.provider.Scope)
	}
	detail := strings.Join(want.scopes, " ")
	if extra := missingFrom(granted, want.scopes); len(extra) > 0 {
		detail += "; also granted " + strings.Join(extra, " ")
	}
	if claim == "" {
		detail += " (from the token response; the token has no scope claim)"
	}
	return pass(CheckScope, "%s", detail), ""
}

// checkRoles reports an app's permissions when the scope named only APIs (Entra ID's
// X/.default): such a scope asks for every application permission the app was granted on the
// API, which Entra ID lists in the roles claim. A token without roles is usable by no API
// that checks them, a warning rather than a failure: the API decides what it needs.
func checkRoles(claims jwt.MapClaims, want expectations, granted []string) (Check, string) {
	asked := strings.Join(want.apiScopes, " ")
	var roles []string
	switch v := claims["roles"].(type) {
	case nil:
	case []any:
		for _, item := range v {
			s, ok := item.(string)
			if !ok {
				return fail(CheckScope, "roles holds a %s, not only strings", jsonType(item)), ""
			}
			roles = append(roles, s)
		}
	default:
		return fail(CheckScope, "roles is a %s, not an array of strings", jsonType(v)), ""
	}
	for _, g := range granted {
		if !slices.Contains(want.apiScopes, g) {
			roles = append(roles, g)
		}
	}
	if len(roles) == 0 {
		hint := "The token holds no application permission: grant the app the API's permissions (of type Application) and an administrator's consent."
		return warn(CheckScope, "%s asks for every permission the app holds, and the token holds none (no roles)", asked),
			withProvider(hint, want.advice.provider.Scope)
	}
	return pass(CheckScope, "%s: roles %s", asked, strings.Join(roles, " ")), ""
}

// checkClient passes when client_id (RFC 9068), azp or appid (Microsoft Entra ID's v1.0
// tokens, Microsoft Graph's among them) names the client, or, without any, sub does: as the
// client id itself (Logto) or as "ID@clients" (Auth0).
func checkClient(claims jwt.MapClaims, want expectations) Check {
	var named []string
	for _, name := range []string{"client_id", "azp", "appid"} {
		v, present, err := stringClaim(claims, name)
		if err != nil {
			return fail(CheckClient, "%v", err)
		}
		if !present {
			continue
		}
		if v != want.clientID {
			return fail(CheckClient, "%s %q is not the client %q", name, text.OneLine(v, 200), want.clientID)
		}
		named = append(named, name)
	}
	if len(named) > 0 {
		return pass(CheckClient, "%s names the client %q", strings.Join(named, " and "), want.clientID)
	}
	sub, present, err := stringClaim(claims, "sub")
	switch {
	case err != nil:
		return fail(CheckClient, "%v", err)
	case !present:
		return warn(CheckClient, "no client_id, azp or sub claim names the client")
	case sub == want.clientID:
		return pass(CheckClient, "sub names the client %q", want.clientID)
	case sub == want.clientID+"@clients":
		return pass(CheckClient, "sub %q names the client (as ID@clients)", sub)
	}
	return fail(CheckClient, "sub %q is not the client %q, and no client_id or azp claim names it", text.OneLine(sub, 200), want.clientID)
}

// checkTyp wants "at+jwt" (RFC 9068 §2.1); anything else is only a warning, since Auth0 and
// Ory Hydra send "JWT" by default.
func checkTyp(header map[string]any, red redact.Redactor) Check {
	typ, present, err := stringClaim(header, "typ")
	switch {
	case err != nil:
		return warn(CheckTyp, "typ %v", err)
	case !present:
		return warn(CheckTyp, "no typ in the header; RFC 9068 access tokens say at+jwt")
	case strings.EqualFold(typ, "at+jwt"), strings.EqualFold(typ, "application/at+jwt"):
		return pass(CheckTyp, "%s", red.Visible(typ))
	}
	return warn(CheckTyp, "typ %q, not at+jwt (RFC 9068): usable, but not marked as an access token", red.Line(typ, 40))
}

// plausible reports whether t is a NumericDate a server could mean: golang-jwt reads 1e400 as
// an infinite time, and huge values overflow.
func plausible(t time.Time) bool {
	return !t.Before(time.Unix(0, 0)) && t.Before(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))
}

// humanDuration writes d rounded to the second, without zero units: 1h, 59m58s, 1h0m5s.
func humanDuration(d time.Duration) string {
	d = d.Round(time.Second)
	sign := ""
	if d < 0 {
		sign, d = "-", -d
		if d < 0 { // -math.MinInt64 overflows
			d = math.MaxInt64
		}
	}
	s := d.Truncate(time.Second).String() // Round saturates at a value that is not whole seconds
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return sign + s
}

func quoteList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", text.OneLine(s, 200))
	}
	if len(q) == 1 {
		return q[0]
	}
	return "[" + strings.Join(q, " ") + "]"
}

// hostOnly reports the hosts of two issuers that differ only by host (scheme, port and path
// alike), or "" for both when they differ otherwise.
func hostOnly(got, want string) (string, string) {
	g, err1 := url.Parse(got)
	w, err2 := url.Parse(want)
	if err1 != nil || err2 != nil || g.Host == "" || w.Host == "" || g.Scheme != w.Scheme || g.Port() != w.Port() ||
		g.Path != w.Path || strings.EqualFold(g.Hostname(), w.Hostname()) {
		return "", ""
	}
	return g.Hostname(), w.Hostname()
}
