package verify

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gen-postman/gen-postman/internal/clientkey"
	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/redact"
)

// runState is one run's settings and what it has found so far.
type runState struct {
	opts    Options
	profile *profile.Profile
	client  *http.Client
	docs    *network.Documents
	now     func() time.Time
	redact  redact.Redactor
	// shown is redact for the tracer, which reads it from the goroutines of the requests.
	shown  atomic.Pointer[redact.Redactor]
	report *Report
	advice advice
	// sent are the client assertions and DPoP proofs this run made: secrets for the redactor.
	sent []string
	// token is the access token, once there is one.
	token string
	// nonceRetried says the token request was sent again with the server's DPoP nonce.
	nonceRetried bool
	// claims are the token's claims as the checks read them (see shown.go), once decoded.
	claims map[string]any
}

// Run sends the profile's token request, checks the token it gets, and, when opts.Call is set,
// calls the API with it. ctx bounds the whole run.
//
// When the run took place the report is complete, whatever happened, and the error says how it
// ended: nil when every check passed (warnings allowed), one matching [ErrTokenRequest] when
// the token request failed (a [*TokenError] when the server refused it), or one matching
// [ErrCheckFailed]. Without a report, the error is for options that cannot work: a sentinel of
// this package ([ErrNoProfile], [ErrNoClientID], [ErrNoClientSecret]) or a
// [*input.Error] (a bad token URL or Call).
func Run(ctx context.Context, opts Options) (*Report, error) {
	p := opts.Profile
	if p == nil || p.TokenURL == "" {
		return nil, ErrNoProfile
	}
	if err := p.URLPolicy.Check(p.TokenURL); err != nil {
		return nil, &input.Error{Field: "token-url", Value: network.RedactURL(p.TokenURL), Reason: err.Error()}
	}
	if p.ClientID == "" {
		return nil, ErrNoClientID
	}
	switch {
	case p.ClientAuth.Signed() && p.ClientKey == nil:
		return nil, ErrNoClientKey
	case p.DPoP && p.ProofKey == nil:
		return nil, ErrNoClientKey
	case !p.ClientAuth.Signed() && p.ClientSecret == "":
		return nil, ErrNoClientSecret
	}
	target, err := callURL(p, opts.Call, opts.Names.withDefaults())
	if err != nil {
		return nil, err
	}
	rs := &runState{
		opts:    opts,
		profile: p,
		now:     opts.clock(),
		report:  &Report{TokenURL: p.TokenURL},
		advice:  advice{names: opts.Names.withDefaults(), provider: p.Hints, sent: p.Params},
	}
	rs.setRedactor("")
	client := opts.HTTPClient
	if opts.Tracer != nil {
		client = opts.Tracer.Client(client, func() redact.Redactor { return *rs.shown.Load() })
	}
	rs.client = network.NewClient(client, p.URLPolicy)
	rs.report.TokenURL = rs.redact.Line(p.TokenURL, 2048)
	if target.url != "" && rs.redact.Contains(target.url) {
		// The URL names the secret (a request of a collection whose URL uses {{clientSecret}}):
		// it goes to the token URL and nowhere else.
		return nil, &input.Error{Field: "call", Reason: "its URL holds the client secret, which verify sends to the token URL alone; " +
			"put another PATH or URL after " + rs.advice.names.Call}
	}
	// Every document fetch ends with the run, and the run waits for them.
	fetchCtx, stopFetching := context.WithCancel(ctx)
	rs.docs = network.NewDocuments(fetchCtx, rs.client, p.URLPolicy, opts.CacheDir, rs.now)
	defer rs.docs.Wait()
	defer stopFetching()
	if err := rs.run(ctx, target, stopFetching); err != nil {
		return nil, err
	}
	rs.report.finish()
	return rs.report, rs.report.err()
}

// setRedactor hides the client secret, and the token unless it is to be shown, in everything
// that comes from a server, as it comes in. The report's own text is never searched: a server
// chooses its token, and one such as "fail" must not rewrite the report.
//
// With private_key_jwt it also hides the private keys' private numbers, and every assertion and
// DPoP proof this run sent: each is a credential for as long as it lives.
func (rs *runState) setRedactor(token string) {
	p := rs.profile
	rs.token = token
	id, secret := basicCredentials(p.ClientID, p.ClientSecret)
	secrets := []string{p.ClientSecret}
	if token != "" && !rs.opts.ShowToken {
		secrets = append(secrets, token)
	}
	for _, k := range []*clientkey.Key{p.ClientKey, p.ProofKey} {
		if k != nil {
			j := k.PrivateJWK("")
			secrets = append(secrets, j.D, j.P, j.Q, j.DP, j.DQ, j.QI)
		}
	}
	for _, jws := range rs.sent {
		secrets = append(append(secrets, jws), redact.SignedParts(jws)...)
	}
	var basic []string
	if p.ClientSecret != "" {
		basic = []string{id + ":" + secret, p.ClientID + ":" + p.ClientSecret}
	}
	rs.redact = redact.New(secrets, basic)
	red := rs.redact
	rs.shown.Store(&red)
}

// addSent makes an assertion or proof about to be sent a secret of the redactor.
func (rs *runState) addSent(jws string) {
	rs.sent = append(rs.sent, jws)
	rs.setRedactor(rs.token)
}

// run sends the token request and, at the same time, fetches what the signature check will
// need (see prefetchKeys); then it checks the token.
func (rs *runState) run(ctx context.Context, target callTarget, stopFetching func()) error {
	r := rs.report
	red := rs.redact
	rs.docs.Go(func(ctx context.Context) { rs.prefetchKeys(ctx, red) })
	res, err := requestToken(ctx, rs.client, rs)
	if err != nil {
		stopFetching()
		return err
	}
	if res.resp == nil {
		stopFetching()
		r.add(fail(CheckTokenRequest, "%s", res.detail))
		r.Error = res.err
		r.addHints(res.hints...)
		r.add(skip(CheckTokenType, "no token"))
		for _, name := range tokenChecks {
			r.add(skip(name, "no token"))
		}
		if rs.profile.DPoP {
			r.add(skip(CheckDPoP, "no token"))
		}
		if target.url != "" {
			r.add(skip(CheckCall, "no token"))
		}
		return nil
	}
	receivedAt := rs.now()
	tr := res.resp
	rs.setRedactor(tr.AccessToken)
	// The scope is compared with the scopes asked for, hidden alike (see shown.go); the token
	// type with the names RFC 6749 and RFC 9449 give, as sent.
	tr.Scope = rs.redact.Visible(tr.Scope)
	if rs.opts.ShowToken {
		r.Token = tr.AccessToken
	}
	r.add(pass(CheckTokenRequest, "%s", res.detail))
	r.add(checkTokenType(tr.TokenType, rs.profile.DPoP, rs.redact))

	rs.checkToken(ctx, tr, receivedAt)
	if rs.profile.DPoP {
		r.add(checkBinding(rs.claims, rs.profile.ProofKey, rs.redact))
	}

	if target.url != "" {
		// With the scheme the server issued: a server that ignored DPoP (Ory Hydra issues
		// token_type bearer) has an API that takes Bearer, and the dpop check fails already.
		var proof func(nonce string) (string, error)
		if rs.profile.DPoP && strings.EqualFold(tr.TokenType, "DPoP") {
			proof = func(nonce string) (string, error) {
				p, err := dpopProof(rs.profile.ProofKey, target.method, target.url, nonce, tr.AccessToken, rs.now())
				if err == nil {
					rs.addSent(p)
				}
				return p, err
			}
		}
		check, hints, call := callAPI(ctx, rs.client, target, tr.AccessToken, proof, func() redact.Redactor { return rs.redact }, rs.advice)
		r.add(check)
		r.addHints(hints...)
		r.Call = call
	}
	return nil
}

// checkToken runs the checks that read the token.
func (rs *runState) checkToken(ctx context.Context, tr *tokenResponse, receivedAt time.Time) {
	r := rs.report
	jwtCheck, hints, parts := checkJWT(tr.AccessToken, rs.redact, rs.advice)
	if parts == nil {
		rs.checkOpaque(ctx, tr, receivedAt, jwtCheck, hints)
		return
	}
	r.add(jwtCheck)
	r.addHints(hints...)
	r.Header, r.Claims, rs.claims = parts.shownHeader, parts.shownClaims, parts.claims

	// A document from the cache may be out of date (keys rotate), so none decides a verdict
	// other than pass: the key set is fetched again, then the discovery document.
	k := rs.checkKeyed(ctx, parts, tr, receivedAt, fromCache)
	if k.keysCached && k.sig.Status != StatusPass {
		k = rs.checkKeyed(ctx, parts, tr, receivedAt, freshKeys)
	}
	if k.src.cached && (k.sig.Status != StatusPass || k.status(CheckIssuer) != StatusPass) {
		k = rs.checkKeyed(ctx, parts, tr, receivedAt, freshAll)
	}
	r.Issuer, r.JWKSURL, r.KeysFromCache = k.src.issuer, rs.redact.Visible(k.src.jwksURL), k.keysCached
	r.addHints(k.sourceHints...)
	r.add(k.sig)
	r.addHints(k.sigHints...)
	for _, c := range k.claims {
		r.add(c)
	}
	r.addHints(k.claimHints...)

	// A named introspection endpoint is asked about a JWT too: whoever names one wants to know
	// that the token is not revoked, which its signature cannot say.
	if endpoint := rs.profile.IntrospectionURL; endpoint != "" && rs.profile.IntrospectionNamed {
		_, _, active := rs.introspect(ctx, endpoint, tr.AccessToken)
		if k.sig.Status == StatusPass && active.Status == StatusWarn {
			// oidc-provider refuses to introspect its own JWTs: the signature proved the token,
			// and only whether it was revoked is left unsaid.
			active.Detail = strings.TrimSuffix(active.Detail, notProven) + "; the signature proves the token, not that it is still active"
		}
		r.add(active)
	}
}

// keyedChecks are the checks that rest on the issuer's documents: the signature, with the
// key set, and the claims, with the expected issuer.
type keyedChecks struct {
	src         keySource
	keysCached  bool
	sourceHints []string
	sig         Check
	sigHints    []string
	claims      []Check
	claimHints  []string
}

// status is the status of the named claim check.
func (k keyedChecks) status(name string) Status {
	for _, c := range k.claims {
		if c.Name == name {
			return c.Status
		}
	}
	return ""
}

// freshness levels of checkKeyed: what it takes from the server rather than the cache.
const (
	fromCache = iota // whatever the cache holds fresh
	freshKeys        // the key set
	freshAll         // the key set and the discovery document
)

// checkKeyed finds the issuer and key set, from the cache as level allows, and runs the
// checks that rest on them.
func (rs *runState) checkKeyed(ctx context.Context, parts *jwtParts, tr *tokenResponse, receivedAt time.Time, level int) keyedChecks {
	p := rs.profile
	var k keyedChecks
	srv := network.Fetcher{Docs: rs.docs, Red: rs.redact, Fresh: level >= freshAll, Keep: true}
	jwksURL := p.JWKSURL
	if p.DiscoverKeys {
		// The issuer is the user's and the key set URL only the preset's guess: the issuer's
		// discovery document says where its keys are, and the guess stands in without one.
		jwksURL = ""
	}
	src := findKeySource(ctx, srv, p.Issuer, jwksURL, p.TokenURL)
	if p.DiscoverKeys {
		if src.jwksURL == "" {
			if len(src.notes) > 0 {
				k.sourceHints = append(k.sourceHints, fmt.Sprintf("Discovery from the issuer found no key set (%s); the preset's key set "+
					"URL %s was used: give the issuer's with %s.", strings.Join(src.notes, "; "), rs.redact.Line(p.JWKSURL, 300), rs.advice.names.JWKSURL))
			}
			src.jwksURL, src.jwksFrom = p.JWKSURL, "profile"
		}
	}
	srv.Fresh = level >= freshKeys
	k.src = src
	in := signatureInput{now: rs.now, leeway: rs.opts.leeway(), issuer: src.issuer, names: rs.advice.names, red: rs.redact}
	graph := microsoftGraphToken(parts.header, parts.claims)
	if accepted(parts.alg) && !graph {
		switch {
		case src.jwksURL == "":
			in.keysErr = fmt.Errorf("%w: no key set URL, and no discovery document whose token_endpoint is %s (%d tried)",
				ErrNoKeys, p.TokenURL, len(src.notes))
			if len(src.notes) > 0 {
				k.sourceHints = append(k.sourceHints, "Discovery found no key set: "+strings.Join(src.notes, "; ")+".")
			}
		default:
			in.keys, in.keysErr = loadKeySet(ctx, srv, src.jwksURL)
			k.keysCached = in.keys != nil && in.keys.cached
		}
	}
	if graph {
		k.sig, k.sigHints = graphSignature(parts.alg), []string{graphHint}
	} else {
		k.sig, k.sigHints = checkSignature(ctx, parts, in)
	}

	want := rs.expectations(tr, receivedAt, src.issuer, src.issuerFrom)
	checks, claimHints := claimChecks(parts.header, parts.claims, want)
	for _, c := range checks {
		switch {
		case k.sig.Status == StatusFail && c.Status == StatusPass:
			c.Detail += " (unverified: the signature check failed, so anyone could have written this)"
		case graph && c.Status == StatusPass:
			c.Detail += " (read, not proven: see signature)"
		}
		k.claims = append(k.claims, c)
	}
	k.claimHints = claimHints
	return k
}

// expectations are what the token's claims are checked against, with the expected issuer
// and where it came from.
func (rs *runState) expectations(tr *tokenResponse, receivedAt time.Time, issuer, issuerFrom string) expectations {
	p := rs.profile
	// What the token's strings are compared with is hidden as they are (see shown.go): an
	// issuer from discovery came through the redactor already; the profile's did not.
	red := rs.redact
	if issuerFrom == "profile" {
		issuer = red.Visible(issuer)
	}
	want := expectations{
		issuer:       issuer,
		issuerFrom:   issuerFrom,
		scopes:       hiddenAll(red, strings.Fields(p.Scope)),
		grantedScope: tr.Scope,
		clientID:     red.Visible(p.ClientID),
		red:          red,
		expiresIn:    tr.ExpiresIn,
		receivedAt:   receivedAt,
		now:          rs.now(),
		leeway:       rs.opts.leeway(),
		maxLifetime:  rs.opts.MaxLifetime,
		advice:       rs.advice,
	}
	for _, param := range p.Params {
		if param.Name == profile.ParamResource || param.Name == profile.ParamAudience {
			want.audiences = append(want.audiences, red.Visible(param.Value))
		}
	}
	want.scopeAudiences, want.apiScopes = hiddenAll(red, p.Audiences), hiddenAll(red, p.APIScopes)
	want.scopes = slices.DeleteFunc(want.scopes, func(s string) bool { return slices.Contains(want.apiScopes, s) })
	if issuerFrom == "profile" {
		want.issuerAliases = hiddenAll(red, p.IssuerAliases)
	}
	if v1 := microsoftV1Issuer(issuer); v1 != "" && !slices.Contains(want.issuerAliases, v1) {
		want.issuerAliases = append(slices.Clone(want.issuerAliases), v1)
	}
	return want
}

// prefetchKeys fetches, while the token request is under way, the documents the signature
// check will ask for: the discovery document when the key set URL must be found, then the
// key set. What it finds is not used here: the checks read the same documents again, from
// this run's copies, through the redactor that knows the token.
func (rs *runState) prefetchKeys(ctx context.Context, red redact.Redactor) {
	p := rs.profile
	srv := network.Fetcher{Docs: rs.docs, Red: red}
	src := findKeySource(ctx, srv, p.Issuer, p.JWKSURL, p.TokenURL)
	if src.jwksURL != "" {
		rs.docs.Prefetch(src.jwksURL, false)
	}
}
