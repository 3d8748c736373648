package verify

import (
	"net/http"
	"time"

	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/setting"
)

// DefaultLeeway is the clock skew the command line allows between this machine and the server.
const DefaultLeeway = 60 * time.Second

// Options say what to verify and how.
type Options struct {
	// Profile is the token request to send and what the token is for: TokenURL, ClientAuth,
	// ClientID, ClientSecret, Scope and Params make the request; Issuer and JWKSURL, when set,
	// name the expected issuer and its key set; BaseURL and Folders serve Call.
	Profile *profile.Profile
	// HTTPClient sends every request. Nil means a client that verifies TLS and has its own
	// timeouts. Whatever the client, its rules are network.NewClient's: redirects are never
	// followed, so credentials and the token never reach a URL other than the one given.
	HTTPClient *http.Client
	// Now is the clock the token's times are checked against; nil means time.Now.
	Now func() time.Time
	// Leeway is the clock skew allowed on exp, iat and nbf and between exp - iat and
	// expires_in. Zero (or less) allows none; DefaultLeeway suits most clocks.
	Leeway time.Duration
	// MaxLifetime, when positive, fails a token that lives longer.
	MaxLifetime time.Duration
	// Call, when set, makes a GET request to the API with the token afterwards: "first" for the
	// profile's first ready request, a path starting with "/" for one relative to
	// Profile.BaseURL, or an absolute https URL (plain http as Profile.URLPolicy allows).
	Call string
	// ShowToken puts the access token itself in the report.
	ShowToken bool
	// Tracer, when set, shows each HTTP exchange of the run, with the client secret, the
	// private key, every assertion and proof sent and, unless ShowToken, the token hidden.
	Tracer *network.Tracer
	// Names are how the user changes each setting, for the hints: a command line builds them
	// with NamesBy from the settings declaration.
	Names Names
	// CacheDir, when set, is the directory where discovery documents and key sets are kept
	// across runs, as long as their server's Cache-Control or Expires allows and at most a
	// day (ten minutes when the server says nothing). A cached key set that does not verify
	// the token, or a cached issuer that is not the token's, is fetched again before any
	// verdict. Empty means no cache.
	CacheDir string
}

// CallFirst is the Options.Call value for the profile's first ready request: what a bare
// --call means, as the settings declaration says.
const CallFirst = setting.CallFirst

func (o *Options) leeway() time.Duration {
	return max(o.Leeway, 0)
}

func (o *Options) clock() func() time.Time {
	if o.Now != nil {
		return o.Now
	}
	return time.Now
}
