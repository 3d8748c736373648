package verify

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/gen-postman/gen-postman/internal/profile"
)

// runState is one run's settings and what it has found so far.
type runState struct {
	opts    Options
	profile *profile.Profile
	client  *http.Client
	now     func() time.Time
	redact  redactor
	report  *Report
	advice  advice
}

// Run sends the profile's token request, checks the token it gets, and, when opts.Call is set,
// calls the API with it. ctx bounds the whole run.
//
// When the run took place the report is complete, whatever happened, and the error says how it
// ended: nil when every check passed (warnings allowed), one matching [ErrTokenRequest] when
// the token request failed (a [*TokenError] when the server refused it), or one matching
// [ErrCheckFailed]. Without a report, the error is for options that cannot work: a sentinel of
// this package ([ErrNoProfile], [ErrNoClientID], [ErrNoClientSecret]) or a
// [*profile.InputError] (a bad token URL or Call).
func Run(ctx context.Context, opts Options) (*Report, error) {
	p := opts.Profile
	if p == nil || p.TokenURL == "" {
		return nil, ErrNoProfile
	}
	if err := checkFetchURL(p.TokenURL); err != nil {
		return nil, &profile.InputError{Field: "token-url", Value: profile.RedactURL(p.TokenURL), Reason: err.Error()}
	}
	if p.ClientID == "" {
		return nil, ErrNoClientID
	}
	if p.ClientSecret == "" {
		return nil, ErrNoClientSecret
	}
	target, err := callURL(p, opts.Call)
	if err != nil {
		return nil, err
	}
	rs := &runState{
		opts:    opts,
		profile: p,
		client:  newHTTPClient(opts.HTTPClient, net.DefaultResolver.LookupNetIP),
		now:     opts.clock(),
		report:  &Report{TokenURL: p.TokenURL},
		advice:  advice{names: opts.Names.withDefaults(), provider: p.Hints, sent: p.Params},
	}
	rs.setRedactor("")
	if err := rs.run(ctx, target); err != nil {
		return nil, err
	}
	rs.report.finish()
	return rs.report, rs.report.err()
}

// setRedactor hides the client secret, and the token unless it is to be shown, in everything
// that comes from a server, as it comes in. The report's own text is never searched: a server
// chooses its token, and one such as "fail" must not rewrite the report.
func (rs *runState) setRedactor(token string) {
	p := rs.profile
	id, secret := basicCredentials(p.ClientID, p.ClientSecret)
	secrets := []string{p.ClientSecret}
	if token != "" && !rs.opts.ShowToken {
		secrets = append(secrets, token)
	}
	rs.redact = newRedactor(secrets, []string{id + ":" + secret, p.ClientID + ":" + p.ClientSecret})
}

func (rs *runState) run(ctx context.Context, target callTarget) error {
	r := rs.report
	res, err := requestToken(ctx, rs.client, rs)
	if err != nil {
		return err
	}
	if res.resp == nil {
		r.add(fail(CheckTokenRequest, "%s", res.detail))
		r.Error = res.err
		r.addHints(res.hints...)
		r.add(skip(CheckTokenType, "no token"))
		for _, name := range tokenChecks {
			r.add(skip(name, "no token"))
		}
		if target.url != "" {
			r.add(skip(CheckCall, "no token"))
		}
		return nil
	}
	receivedAt := rs.now()
	tr := res.resp
	rs.setRedactor(tr.AccessToken)
	tr.TokenType, tr.Scope = rs.redact.visible(tr.TokenType), rs.redact.visible(tr.Scope)
	if rs.opts.ShowToken {
		r.Token = tr.AccessToken
	}
	r.add(pass(CheckTokenRequest, "%s", res.detail))
	r.add(checkTokenType(tr.TokenType))

	rs.checkToken(ctx, tr, receivedAt)

	if target.url != "" {
		check, hints, call := callAPI(ctx, rs.client, target, tr.AccessToken, rs.redact, rs.advice)
		r.add(check)
		r.addHints(hints...)
		r.Call = call
	}
	return nil
}

// checkToken runs the checks that read the token.
func (rs *runState) checkToken(ctx context.Context, tr *tokenResponse, receivedAt time.Time) {
	r, p := rs.report, rs.profile
	jwtCheck, hints, parts := checkJWT(tr.AccessToken, rs.redact, rs.advice)
	r.add(jwtCheck)
	r.addHints(hints...)
	if parts == nil {
		for _, name := range tokenChecks[1:] {
			r.add(skip(name, "not a JWT"))
		}
		return
	}
	r.Header, r.Claims = parts.header, parts.claims

	srv := server{client: rs.client, red: rs.redact}
	src := findKeySource(ctx, srv, p.Issuer, p.JWKSURL, p.TokenURL)
	r.Issuer, r.JWKSURL = src.issuer, rs.redact.visible(src.jwksURL)
	in := signatureInput{now: rs.now, leeway: rs.opts.leeway(), issuer: src.issuer, names: rs.advice.names}
	if accepted(parts.alg) {
		switch {
		case src.jwksURL == "":
			in.keysErr = fmt.Errorf("%w: no key set URL, and no discovery document whose token_endpoint is %s (%d tried)",
				ErrNoKeys, p.TokenURL, len(src.notes))
			if len(src.notes) > 0 {
				r.addHints("Discovery found no key set: " + strings.Join(src.notes, "; ") + ".")
			}
		default:
			in.keys, in.keysErr = loadKeySet(ctx, srv, src.jwksURL)
		}
	}
	sig, sigHints := checkSignature(ctx, parts, in)
	r.add(sig)
	r.addHints(sigHints...)

	want := expectations{
		issuer:       src.issuer,
		issuerFrom:   src.issuerFrom,
		scopes:       strings.Fields(p.Scope),
		grantedScope: tr.Scope,
		clientID:     p.ClientID,
		expiresIn:    tr.ExpiresIn,
		receivedAt:   receivedAt,
		now:          rs.now(),
		leeway:       rs.opts.leeway(),
		maxLifetime:  rs.opts.MaxLifetime,
		advice:       rs.advice,
	}
	for _, param := range p.Params {
		if param.Name == profile.ParamResource || param.Name == profile.ParamAudience {
			want.audiences = append(want.audiences, param.Value)
		}
	}
	checks, claimHints := claimChecks(parts.header, parts.claims, want)
	for _, c := range checks {
		if sig.Status == StatusFail && c.Status == StatusPass {
			c.Detail += " (unverified: the signature check failed, so anyone could have written this)"
		}
		r.add(c)
	}
	r.addHints(claimHints...)
}
