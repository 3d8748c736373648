package verifytest

import (
	"bytes"
	"crypto"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Options configure the fake server. The zero value is a Logto-like server signing with ES384
// for the client "m2m-app" with secret "m2m-secret", accepting any resource and scope.
type Options struct {
	// Alg is the signing algorithm: one of Algs. Empty means ES384.
	Alg string
	// ClientID and ClientSecret are the one client the server knows.
	ClientID, ClientSecret string
	// ClientAuth, when "header" or "body", is the only client authentication accepted; empty
	// accepts either, as Logto does.
	ClientAuth string
	// Resources are the registered APIs; a resource or audience outside them is refused with
	// invalid_target. Empty accepts any. A request naming none gets an opaque token, as
	// oidc-provider issues.
	Resources []string
	// Scopes are the scopes the client holds: others requested are silently dropped, as Logto
	// drops them. Nil grants whatever is requested.
	Scopes []string
	// TTL is the tokens' lifetime. Zero means an hour.
	TTL time.Duration
	// Now is the server's clock. Nil means time.Now.
	Now func() time.Time
	// Defect is how the server misbehaves.
	Defect Defect

	// AudienceArray writes aud as an array, as Kinde does.
	AudienceArray bool
	// AudienceOnly names the API with audience alone, as Ory Hydra does: resource is ignored,
	// audience is split on spaces into an aud array, and a request naming no audience gets a
	// JWT whose aud is empty.
	AudienceOnly bool
	// ScpArray writes the scopes as an scp array instead of a scope string.
	ScpArray bool
	// ClientClaim is how the token names the client: "sub" (Logto, the default), "azp"
	// (Kinde), "client_id" (RFC 9068), or "auth0" (azp, and sub as "ID@clients").
	ClientClaim string
	// ExpiresInString writes expires_in as a string, as Microsoft Entra ID's v1 endpoint does.
	ExpiresInString bool
	// RedirectTo is where the Redirect defect points; empty means /moved/token on this server.
	RedirectTo string
	// Delay is how long the Slow defect waits; zero means 10 seconds.
	Delay time.Duration
	// Token is the access token the ChosenToken defect issues.
	Token string
	// Latency is how long the server waits before it answers each request, as a distant
	// server takes a round trip.
	Latency time.Duration
	// Introspection serves RFC 7662 introspection at /oidc/introspect, named in discovery as
	// introspection_endpoint, for the client's opaque tokens.
	Introspection bool
	// OpaqueTokens issues opaque access tokens even when an API is named, as Zitadel and Ory
	// Hydra do by default; introspection tells what they hold.
	OpaqueTokens bool
	// Entra issues tokens as Microsoft Entra ID's v1.0 endpoint does for a scope API/.default:
	// aud API, iss https://sts.windows.net/TENANT/, appid, tid and roles (Scopes, as the app's
	// application permissions), no scope claim, typ JWT. A token for Microsoft Graph carries a
	// nonce header and a signature over the nonce's hash instead, as Graph's tokens do, so no
	// one outside Microsoft can verify it; tokens for other APIs are signed as usual.
	Entra bool
	// Tenant is the Entra tenant ID; empty means EntraTenant.
	Tenant string
	// CacheControl, when set, is the Cache-Control header of the key set and the discovery
	// document.
	CacheControl string
}

// Request is one request the server got.
type Request struct {
	Method string
	// Path is the request URL's path and query.
	Path   string
	Header http.Header
	// Body is the raw body, as the client sent it.
	Body string
	// Start is when the request arrived, End when its answer was written.
	Start, End time.Time
}

// IdP is the fake server. It is an http.Handler; its methods are safe for concurrent use.
type IdP struct {
	opts   Options
	alg    string
	key    crypto.Signer
	forged crypto.Signer
	kid    string
	jwks   []byte
	mux    *http.ServeMux

	mu       sync.Mutex
	requests []Request
	issued   []string
	// opaque holds what each opaque token issued stands for, for introspection.
	opaque map[string]jwt.MapClaims
}

// NewIdP makes a fake server. Its keys are made once per algorithm and process.
func NewIdP(opts Options) (*IdP, error) {
	switch opts.Defect {
	case RSAKeyHuge, RSAKeySmall, KeyAlgNotPinned:
		if opts.Alg == "" {
			opts.Alg = "RS256"
		}
	}
	if opts.Alg == "" {
		opts.Alg = "ES384"
	}
	if opts.ClientID == "" {
		opts.ClientID = "m2m-app"
	}
	if opts.ClientSecret == "" {
		opts.ClientSecret = "m2m-secret"
	}
	if opts.TTL == 0 {
		opts.TTL = time.Hour
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Delay == 0 {
		opts.Delay = 10 * time.Second
	}
	switch opts.ClientAuth {
	case "", "header", "body":
	default:
		return nil, fmt.Errorf("verifytest: ClientAuth %q is not header or body", opts.ClientAuth)
	}
	key, forged, err := keysFor(opts.Alg)
	if err != nil {
		return nil, err
	}
	if opts.Defect == RSAKeySmall {
		if key, err = smallRSAKey(); err != nil {
			return nil, err
		}
	}
	kid, err := keyID(key.Public())
	if err != nil {
		return nil, err
	}
	if opts.Defect == EchoDiscovery {
		kid = opts.ClientSecret
	}
	idp := &IdP{opts: opts, alg: opts.Alg, key: key, forged: forged, kid: kid, mux: http.NewServeMux()}
	if idp.jwks, err = idp.hostileJWKS(); err != nil {
		return nil, err
	}
	if idp.jwks == nil {
		if idp.jwks, err = publicJWKS(key.Public(), opts.Alg, kid); err != nil {
			return nil, err
		}
	}
	idp.mux.HandleFunc("POST /oidc/token", idp.token)
	idp.mux.HandleFunc("POST /moved/token", idp.token)
	idp.mux.HandleFunc("GET /oidc/jwks", idp.keys)
	idp.mux.HandleFunc("POST /oidc/introspect", idp.introspect)
	idp.mux.HandleFunc("GET /oidc/.well-known/openid-configuration", idp.discovery)
	idp.mux.HandleFunc("/api/", idp.api)
	if opts.Entra {
		idp.entraPaths(idp.mux)
	}
	return idp, nil
}

// ServeHTTP records the request, waits Options.Latency and serves it.
func (idp *IdP) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "reading body", http.StatusBadRequest)
		return
	}
	idp.mu.Lock()
	i := len(idp.requests)
	idp.requests = append(idp.requests, Request{Method: r.Method, Path: r.URL.RequestURI(), Header: r.Header.Clone(), Body: string(body), Start: time.Now()})
	idp.mu.Unlock()
	if idp.opts.Latency > 0 {
		select {
		case <-time.After(idp.opts.Latency):
		case <-r.Context().Done():
			return
		}
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	idp.mux.ServeHTTP(w, r)
	idp.mu.Lock()
	idp.requests[i].End = time.Now()
	idp.mu.Unlock()
}

// Requests returns every request the server got, in order.
func (idp *IdP) Requests() []Request {
	idp.mu.Lock()
	defer idp.mu.Unlock()
	return slices.Clone(idp.requests)
}

// RequestsTo returns the requests the server got for path (without query).
func (idp *IdP) RequestsTo(path string) []Request {
	var out []Request
	for _, r := range idp.Requests() {
		if u, err := url.Parse(r.Path); err == nil && u.Path == path {
			out = append(out, r)
		}
	}
	return out
}

// Issued returns every access token the server issued, in order.
func (idp *IdP) Issued() []string {
	idp.mu.Lock()
	defer idp.mu.Unlock()
	return slices.Clone(idp.issued)
}

// KeyID is the kid of the published signing key.
func (idp *IdP) KeyID() string {
	idp.mu.Lock()
	defer idp.mu.Unlock()
	return idp.kid
}

// base is the server's own URL, as the request reached it.
func base(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// Issuer is the iss the server writes for a request that reached it at baseURL.
func Issuer(baseURL string) string { return baseURL + "/oidc" }
