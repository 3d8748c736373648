package verify

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/redact"
	"github.com/gen-postman/gen-postman/internal/text"
)

// Check names, in report order.
const (
	CheckTokenRequest = "token_request"
	CheckTokenType    = "token_type"
	CheckJWT          = "jwt"
	CheckSignature    = "signature"
	CheckIssuer       = "issuer"
	CheckAudience     = "audience"
	CheckLifetime     = "lifetime"
	CheckScope        = "scope"
	CheckClient       = "client"
	CheckTyp          = "typ"
	CheckCall         = "call"
	// CheckDPoP is made with DPoP only: the token is bound to the proof key.
	CheckDPoP = "dpop"
)

// tokenChecks are the checks after token_request and token_type that read the token.
var tokenChecks = []string{CheckJWT, CheckSignature, CheckIssuer, CheckAudience, CheckLifetime, CheckScope, CheckClient, CheckTyp}

// asymmetricAlgs are the only signature algorithms accepted (RFC 8725 §3.1): an access token
// is checked with the issuer's public key, so "none" and the HMAC algorithms are refused.
var asymmetricAlgs = []string{"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}

func pass(name, format string, args ...any) Check {
	return Check{Name: name, Status: StatusPass, Detail: fmt.Sprintf(format, args...)}
}

func fail(name, format string, args ...any) Check {
	return Check{Name: name, Status: StatusFail, Detail: fmt.Sprintf(format, args...)}
}

func warn(name, format string, args ...any) Check {
	return Check{Name: name, Status: StatusWarn, Detail: fmt.Sprintf(format, args...)}
}

func skip(name, format string, args ...any) Check {
	return Check{Name: name, Status: StatusSkip, Detail: fmt.Sprintf(format, args...)}
}

// checkTokenType passes a Bearer token; RFC 6749 §5.1 makes the type case-insensitive.
func checkTokenType(tokenType string, dpop bool, red redact.Redactor) Check {
	want := "Bearer"
	if dpop {
		want = "DPoP" // RFC 9449 §5
	}
	switch {
	case strings.EqualFold(tokenType, want):
		return pass(CheckTokenType, "%s", red.Visible(tokenType))
	case tokenType == "":
		return fail(CheckTokenType, "no token_type in the answer (RFC 6749 §5.1 requires it); the collection sends the token as %s", want)
	case dpop && strings.EqualFold(tokenType, "Bearer"):
		return fail(CheckTokenType, "token_type Bearer, not DPoP: the server ignored the DPoP proof and issued a token anyone holding it can use; "+
			"turn on DPoP for this client on the server")
	}
	return fail(CheckTokenType, "token_type %q, not %s: the collection sends the token as %s", red.Line(tokenType, 40), want, want)
}

// checkJWT decodes the token, failing an opaque or encrypted one with its likely cause. What
// the token holds came from the server: its header and claims, alg and kid pass red before
// anything quotes them, and the claims the checks read hold their strings hidden alike.
func checkJWT(raw string, red redact.Redactor, adv advice) (Check, []string, *jwtParts) {
	parts, err := decodeJWT(raw)
	if err != nil {
		return fail(CheckJWT, "%v", err), []string{opaqueHint(adv)}, nil
	}
	parts.shownHeader, parts.shownClaims = shownValues(red, parts.header), shownValues(red, parts.claims)
	parts.claims = checkedValues(red, parts.claims)
	detail := "a signed JWT, alg " + text.OneLine(red.Visible(parts.alg), 20)
	if parts.kid != "" {
		detail += ", kid " + shortKid(red.Visible(parts.kid))
	}
	return pass(CheckJWT, "%s", detail), nil, parts
}

// opaqueHint explains an opaque token by what the token request sent: no API at all, a
// resource that an audience-style server ignores, or an API the server issues opaque tokens for.
func opaqueHint(adv advice) string {
	const lead = "The token is not a signed JWT, so nothing in it can be checked. "
	resource, audience := adv.sentValue(profile.ParamResource), adv.sentValue(profile.ParamAudience)
	const jwtSetting = "the server issues opaque access tokens for it: set the API, or the server's access token " +
		"strategy or format, to JWT."
	switch {
	case audience != "":
		return fmt.Sprintf("%sThe audience %q was sent, so %s", lead, text.OneLine(audience, 200), jwtSetting)
	case resource != "":
		return fmt.Sprintf("%sThe resource %q was sent: a server that names the API with audience ignores it "+
			"(give the API with %s instead), or else %s", lead, text.OneLine(resource, 200), adv.names.Audience, jwtSetting)
	}
	hint := lead + "Servers issue opaque tokens when no API is named: give the API with " + adv.names.Resource + " or " +
		adv.names.Audience + ", and check that the API is set to issue JWT access tokens."
	return withProvider(hint, adv.provider.OpaqueToken)
}

// keysHint says how to give the key set verify could not find or fetch: by its URL or by the
// issuer, whose discovery document names it; a setting the user already gave is named as the
// one to check, not to give.
func keysHint(n Names) string {
	switch {
	case n.given(n.JWKSURL):
		return "Check the key set URL given with " + n.JWKSURL + ": it must answer 200 with the issuer's JWKS."
	case n.given(n.Issuer):
		return "Give the issuer's key set with " + n.JWKSURL + ": the discovery document of the issuer given with " +
			n.Issuer + " was not found or names none."
	}
	return "Give the issuer's key set with " + n.JWKSURL + ", or its issuer with " + n.Issuer +
		" so that its discovery document can be found."
}

// signatureInput is what the signature check needs besides the token.
type signatureInput struct {
	keys    *keySet
	keysErr error // why there are no keys, when keys is nil
	now     func() time.Time
	leeway  time.Duration
	issuer  string
	names   Names
	red     redact.Redactor // hides what is quoted of the token
}

// checkSignature verifies the token with golang-jwt against the key set. Claims are checked by
// the checks that follow; here only a failure of the signature or of the key lookup counts.
func checkSignature(ctx context.Context, parts *jwtParts, in signatureInput) (Check, []string) {
	alg, kid := in.red.Visible(parts.alg), in.red.Visible(parts.kid)
	switch {
	case strings.EqualFold(parts.alg, "none"):
		return fail(CheckSignature, "alg none: the token is not signed, so anyone could have made it; refused (RFC 8725, RFC 9068)"), nil
	case strings.HasPrefix(strings.ToUpper(parts.alg), "HS"):
		return fail(CheckSignature, "alg %s is a shared-secret (HMAC) algorithm: refused; an access token must be signed "+
			"with the issuer's private key (RS256, ES384, …) so that APIs check it with the public key", text.OneLine(alg, 20)), nil
	case !accepted(parts.alg):
		return fail(CheckSignature, "alg %q is not accepted (accepted: %s)", text.OneLine(alg, 20), strings.Join(asymmetricAlgs, ", ")), nil
	case parts.crit:
		// RFC 7515 §4.1.11: an extension marked critical that is not understood makes the
		// token invalid, and this verifier understands none.
		return fail(CheckSignature, "the header marks extensions as critical (crit), which this verifier does not "+
			"understand: refused (RFC 7515 §4.1.11)"), nil
	}
	if in.keys == nil {
		hint := keysHint(in.names)
		return fail(CheckSignature, "cannot check the %s signature: %v", alg, in.keysErr), []string{hint}
	}
	opts := []jwt.ParserOption{
		jwt.WithValidMethods(asymmetricAlgs),
		jwt.WithJSONNumber(),
		jwt.WithTimeFunc(in.now),
		jwt.WithLeeway(in.leeway),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
	}
	if in.issuer != "" {
		opts = append(opts, jwt.WithIssuer(in.issuer))
	}
	_, err := jwt.NewParser(opts...).Parse(parts.raw, in.keys.keyfunc)
	// golang-jwt checks claims only after the signature verified, so a claims error alone
	// means the signature is good; those claims are reported by their own checks.
	signed := err == nil || (errors.Is(err, jwt.ErrTokenInvalidClaims) && !errors.Is(err, jwt.ErrTokenSignatureInvalid))
	switch {
	case signed && parts.kid != "":
		return pass(CheckSignature, "%s, key %s from %s", alg, shortKid(kid), in.keys.url), nil
	case signed:
		return pass(CheckSignature, "%s, one of %d keys from %s (the token names no kid)", alg, len(in.keys.kids), in.keys.url), nil
	case in.keys.refused[parts.kid] != "" && !in.keys.hasKid(parts.kid):
		return fail(CheckSignature, "the token's key %s from %s was refused: %s",
			shortKid(kid), in.keys.url, in.keys.refused[parts.kid]), nil
	case parts.kid != "" && !in.keys.hasKid(parts.kid):
		return fail(CheckSignature, "the token's key %s is not in the key set at %s (%s): it was signed by another key",
			shortKid(kid), in.keys.url, kidList(in.keys.kids)), nil
	case isKeyNotFound(err):
		detail := fmt.Sprintf("no key in the key set at %s may check a %s signature", in.keys.url, alg)
		if parts.kid != "" {
			detail = fmt.Sprintf("the key %s at %s is not for %s: its own alg or type differs, so it may not check this token",
				shortKid(kid), in.keys.url, alg)
		}
		return fail(CheckSignature, "%s", detail), nil
	case errors.Is(err, jwt.ErrTokenSignatureInvalid):
		return fail(CheckSignature, "the %s signature does not verify with key %s from %s: the token was not signed by the issuer's key",
			alg, shortKid(kid), in.keys.url), nil
	}
	return fail(CheckSignature, "cannot check the %s signature: %s", alg, text.OneLine(err.Error(), 200)), nil
}

func accepted(alg string) bool {
	for _, a := range asymmetricAlgs {
		if a == alg {
			return true
		}
	}
	return false
}

// shortKid shortens a long key id for a report line.
func shortKid(kid string) string {
	if kid == "" {
		return "(no kid)"
	}
	kid = text.OneLine(kid, 60)
	if r := []rune(kid); len(r) > 12 {
		return string(r[:8]) + "…"
	}
	return kid
}

func kidList(kids []string) string {
	if len(kids) == 1 {
		return "its one key is " + shortKid(kids[0])
	}
	short := make([]string, 0, len(kids))
	for i, k := range kids {
		if i == 5 {
			short = append(short, "…")
			break
		}
		short = append(short, shortKid(k))
	}
	return fmt.Sprintf("its %d keys are %s", len(kids), strings.Join(short, ", "))
}
