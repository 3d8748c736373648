package profile

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"strings"

	"github.com/gen-postman/gen-postman/internal/apimodel"
	"github.com/gen-postman/gen-postman/internal/clientkey"
	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/setting"
	"github.com/gen-postman/gen-postman/templates"
)

// DefaultProvider is the preset used when none is named.
const DefaultProvider = setting.DefaultProvider

// Token request parameters that name the API the token is for.
const (
	ParamResource = "resource" // RFC 8707, used by Logto
	ParamAudience = "audience" // used by Kinde and Auth0
)

// Options are the user's choices, as flags or a file give them. Empty fields take the preset's
// values; Scope is a pointer so that an explicit empty scope can clear the preset's. Each field
// a setting gives is bound to the setting's declaration by its tag, by which the command line
// fills it and [Merge] combines two of them.
type Options struct {
	Provider string `setting:"provider"`
	Tenant   string `setting:"tenant"`
	Endpoint string `setting:"endpoint"`
	// Realm is the Keycloak realm, for a preset whose URLs hold one.
	Realm        string  `setting:"realm"`
	TokenURL     string  `setting:"token-url"`
	Resource     string  `setting:"resource"`
	Audience     string  `setting:"audience"`
	Scope        *string `setting:"scope"`
	ClientAuth   string  `setting:"client-auth"`
	ClientID     string  `setting:"client-id"`
	ClientSecret string  `setting:"client-secret"`
	Issuer       string  `setting:"issuer"`
	JWKSURL      string  `setting:"jwks-url"`
	Name         string  `setting:"name"`
	// ClientKey, when set, is the private key of private_key_jwt (read from --private-key);
	// KeyID names it in the assertion's kid (default: its RFC 7638 thumbprint).
	ClientKey *clientkey.Key `setting:"private-key"`
	KeyID     string         `setting:"key-id"`
	// DPoP binds the token to a proof key (RFC 9449); it needs a ClientKey.
	DPoP bool `setting:"dpop"`
	// CollectionOnly says the profile writes a collection and nothing else (update): a
	// collection never holds a key, so a signed client goes without its ClientKey, which
	// stays in the environment file that holds it, and keeps the KeyID it has.
	CollectionOnly bool
	// IntrospectionURL is the RFC 7662 introspection endpoint verify proves an opaque token at.
	IntrospectionURL string `setting:"introspection-url"`
	// IntrospectionNamed says the user named IntrospectionURL (--introspection-url), rather
	// than a collection carrying it: the user's choice may be on any host.
	IntrospectionNamed bool
	// BaseURL, when set, is the API's base URL, whatever the preset or the API description says.
	BaseURL string `setting:"base-url"`
	// API, when set, replaces the preset's ready requests with an API description's.
	API *apimodel.API
	// ChangeExisting lets a run's PUT, PATCH and DELETE requests change what the run did not
	// create.
	ChangeExisting bool `setting:"change-existing"`
	// NoContractTests leaves the contract tests out of the collection: a run then checks no
	// answer against what the API description lists.
	NoContractTests bool `setting:"no-contract-tests"`
	// URLPolicy is where plain http may go: the zero value allows loopback alone;
	// --allow-http adds the hosts of the user's own http URL flags. Every URL of the profile,
	// the API description's too, is held to it.
	URLPolicy network.URLPolicy
}

// Profile is a resolved token request and the API it serves. Every field is validated, so it is
// safe to write into JSON, a script or an HTTP request.
type Profile struct {
	Provider string
	Name     string
	// BaseURL is what the ready requests are relative to, without a trailing slash.
	BaseURL  string
	TokenURL string
	// Issuer and JWKSURL are empty when neither the preset nor the user knows them.
	Issuer  string
	JWKSURL string
	// DiscoverKeys says JWKSURL is the preset's guess while the user named the issuer: verify
	// then takes the key set from the issuer's discovery document, and the guess only without one.
	DiscoverKeys bool
	// IssuerAliases are other issuers the provider writes for the same tenant, from its
	// preset: a token naming one of them passes the issuer check as well.
	IssuerAliases []string
	// Audiences are APIs the token must be for that the request names in its scope rather
	// than a parameter (Entra ID's https://graph.microsoft.com/.default).
	Audiences []string
	// APIScopes are the scope values that name those APIs (X/.default): they ask for every
	// permission the app holds on the API, which the token lists in roles, not in scope.
	APIScopes []string
	// IntrospectionURL is the RFC 7662 endpoint where verify proves an opaque token; empty
	// when the preset and the user name none (verify then looks for one by discovery). The
	// preset's and a collection's are on the token endpoint's host; the user's may be anywhere.
	IntrospectionURL string
	// IntrospectionNamed says the user named IntrospectionURL: verify then asks it about a
	// JWT too, since whoever names one wants to know that the token was not revoked.
	IntrospectionNamed bool
	// JWTAccessTokens says the provider issues JWT access tokens for a named API, so an
	// opaque one is a mistake of the request rather than the server's way.
	JWTAccessTokens bool
	ClientAuth      ClientAuth
	ClientID        string
	// ClientSecret is sent by verify and written only to an environment file typed secret.
	ClientSecret string
	// ClientKey signs the client assertions of private_key_jwt, KeyID is the assertions' kid;
	// both are empty for a client with a secret. ClientKey is written only to an environment
	// file typed secret.
	ClientKey *clientkey.Key
	KeyID     string
	// DPoP makes every token request and API request carry a proof of ProofKey (RFC 9449).
	DPoP     bool
	ProofKey *clientkey.Key
	Scope    string
	// Params are the resource or audience parameters of the token request, in sending order.
	Params []Param
	// Hints are the provider's advice for when something goes wrong, from its preset.
	Hints templates.Hints
	// OpenAPIURL is where the provider publishes its own API's OpenAPI document, filled in for
	// this tenant or endpoint; empty when its preset names none.
	OpenAPIURL string
	// Folders are the preset's ready requests, relative to BaseURL; empty for a collection.
	Folders []apimodel.Folder
	// ChangeExisting lets a run's PUT, PATCH and DELETE requests change what the run did not
	// create; without it they change only ids the run's own creates answered.
	ChangeExisting bool
	// Variables are the collection variables Folders' path variables refer to.
	Variables []apimodel.Variable
	// Schemas are the JSON Schemas that the answers of Folders' requests must match, by the
	// name their Responses give; empty for a preset's ready requests.
	Schemas map[string]json.RawMessage
	// NoContractTests says the collection checks no answer against the Responses its
	// requests list.
	NoContractTests bool
	// APITitle and APIHost name the API description the Folders come from: its title and its
	// server's host; both empty for a preset's ready requests.
	APITitle, APIHost string
	// Call is what a bare --call makes: for a profile read from a collection, the collection's
	// own request under the checked auth; nil for a preset, whose Folders serve instead.
	Call *Call
	// Warnings are remarks on options that are allowed but probably wrong.
	Warnings []string
	// URLPolicy is the rule every URL of the profile passed, Options.URLPolicy: whoever sends
	// a request for the profile holds the URLs it learns later (discovery, key sets) to it too.
	URLPolicy network.URLPolicy
}

// Param is one extra token request parameter, sent in the form body.
type Param struct {
	Name  string
	Value string
}

// Resolve validates opts and combines them with the named preset into a Profile.
// Bad input is reported as an [*input.Error].
func Resolve(opts Options) (*Profile, error) {
	name := opts.Provider
	if name == "" {
		name = DefaultProvider
	}
	preset, err := templates.LoadPreset(name)
	if errors.Is(err, templates.ErrUnknownPreset) {
		return nil, &input.Error{Field: setting.Provider, Value: name,
			Reason: "unknown provider; known: " + strings.Join(templates.PresetNames(), ", ")}
	}
	if err != nil {
		return nil, err
	}
	r := resolver{preset: preset, opts: opts}
	return r.resolve()
}

type resolver struct {
	preset   templates.Preset
	opts     Options
	tenant   string
	endpoint string
	realm    string
	base     string
}

func (r *resolver) resolve() (*Profile, error) {
	p := &Profile{Provider: r.preset.Name, Hints: r.preset.Hints, URLPolicy: r.opts.URLPolicy, JWTAccessTokens: r.preset.AccessTokens == templates.AccessTokensJWT}
	steps := []func(*Profile) error{
		r.location, r.tokenURL, r.issuerAndKeys, r.introspection, r.params, r.baseURL, r.scope, r.client, r.name,
	}
	for _, step := range steps {
		if err := step(p); err != nil {
			return nil, err
		}
	}
	if r.preset.OpenAPI != "" {
		p.OpenAPIURL = r.fill(r.preset.OpenAPI)
	}
	p.Folders = append([]apimodel.Folder(nil), r.preset.Folders...)
	p.ChangeExisting = r.opts.ChangeExisting
	p.NoContractTests = r.opts.NoContractTests
	if r.opts.API != nil {
		p.Folders = append([]apimodel.Folder(nil), r.opts.API.Folders...)
		p.Variables = append([]apimodel.Variable(nil), r.opts.API.Variables...)
		p.Schemas = maps.Clone(r.opts.API.Schemas)
		p.APITitle = r.opts.API.Title
		if u, err := url.Parse(r.opts.API.BaseURL); err == nil {
			p.APIHost = u.Host
		}
		for i, v := range p.Variables {
			if pattern, ok := r.preset.PathValues[v.Name]; ok && v.Value == "" {
				p.Variables[i].Value = r.fill(pattern)
			}
		}
	}
	return p, nil
}

// location validates --tenant and --endpoint and finds the provider's base URL.
func (r *resolver) location(p *Profile) error {
	if r.opts.Tenant != "" && !(r.preset.TenantBase == "" && r.opts.API != nil) {
		switch {
		case r.preset.TenantBase == "" && r.opts.TokenURL != "":
			return &input.Error{Field: setting.Tenant, Value: r.opts.Tenant,
				Reason: fmt.Sprintf("the %s provider has no tenants: the token URL names the server, so leave %s out", r.preset.Name, input.Flag(setting.Tenant))}
		case r.preset.TenantBase == "":
			return &input.Error{Field: setting.Tenant, Value: r.opts.Tenant,
				Reason: fmt.Sprintf("the %s provider has no tenants; give %s", r.preset.Name, input.Flag(setting.TokenURL))}
		}
		t, err := validTenant(r.opts.Tenant, r.preset.TenantKind, r.preset.TenantHelp, r.opts.Endpoint != "")
		if err != nil {
			return err
		}
		r.tenant = t
	}
	if r.opts.Endpoint != "" {
		e, err := r.validBaseURL(setting.Endpoint, r.opts.Endpoint)
		if err != nil {
			return err
		}
		r.endpoint = r.trimPresetPath(p, e)
	}
	if err := r.realmOf(); err != nil {
		return err
	}
	switch {
	case r.endpoint != "":
		r.base = r.endpoint
	case r.tenant != "":
		r.base = r.fill(r.preset.TenantBase)
	case r.preset.TenantBase != "":
		return &input.Error{Field: setting.Tenant, Reason: fmt.Sprintf("missing: give %s (%s) or %s URL", input.Flag(setting.Tenant), r.preset.TenantHelp, input.Flag(setting.Endpoint))}
	case strings.Contains(r.preset.TokenURL, "{base}") && r.opts.TokenURL == "":
		return &input.Error{Field: setting.Endpoint, Reason: fmt.Sprintf("missing: give %s, the base URL of the %s server", input.Flag(setting.Endpoint), r.preset.Title)}
	}
	return nil
}

// realmOf validates --realm: required by a preset whose URLs hold a realm, refused by others.
func (r *resolver) realmOf() error {
	switch {
	case r.preset.RealmHelp == "" && r.opts.Realm != "":
		return &input.Error{Field: setting.Realm, Value: r.opts.Realm, Reason: fmt.Sprintf("the %s provider has no realms", r.preset.Name)}
	case r.preset.RealmHelp == "":
		return nil
	case r.opts.Realm == "":
		return &input.Error{Field: setting.Realm, Reason: "missing: give " + input.Flag(setting.Realm) + ", " + r.preset.RealmHelp}
	}
	realm, err := validRealm(r.opts.Realm)
	if err != nil {
		return err
	}
	r.realm = realm
	return nil
}

func (r *resolver) tokenURL(p *Profile) error {
	switch {
	case r.opts.TokenURL != "":
		if _, err := r.validHTTPURL(setting.TokenURL, r.opts.TokenURL); err != nil {
			return err
		}
		p.TokenURL = r.opts.TokenURL
	case r.preset.TokenURL != "":
		p.TokenURL = r.fill(r.preset.TokenURL)
	case r.opts.API != nil && r.opts.API.TokenURL != "":
		u, err := r.validHTTPURL(setting.OpenAPI, r.opts.API.TokenURL)
		if err != nil {
			return err
		}
		// The document chose where the client secret goes: it must be the host of the API
		// the user named, and the user is told.
		if host, by := r.namedAPIHost(); host != "" && !strings.EqualFold(u.Host, host) {
			return &input.Error{Field: setting.OpenAPI, Value: network.RedactURL(r.opts.API.TokenURL),
				Reason: fmt.Sprintf("the document's token URL is on %s, not on %s that %s names; give %s to send the client secret there",
					u.Host, host, by, input.Flag(setting.TokenURL))}
		}
		p.TokenURL = r.opts.API.TokenURL
		p.Warnings = append(p.Warnings, fmt.Sprintf("the token URL %s comes from the OpenAPI document: the client secret goes there; give %s to choose it yourself",
			p.TokenURL, input.Flag(setting.TokenURL)))
	default:
		return &input.Error{Field: setting.TokenURL, Reason: fmt.Sprintf("missing: the %s provider needs the token endpoint URL", r.preset.Name)}
	}
	return nil
}

// namedAPIHost is the host of the API as the user named it (--endpoint or --tenant, else a
// resource or audience that is a URL) or, when the user named none, as the document's server
// does; and what named it.
func (r *resolver) namedAPIHost() (host, by string) {
	if r.base != "" {
		if u, err := url.Parse(r.base); err == nil && u.Host != "" {
			return u.Host, input.Flag(setting.Endpoint) + " or " + input.Flag(setting.Tenant)
		}
	}
	for _, f := range []struct{ name, value string }{{ParamResource, r.opts.Resource}, {ParamAudience, r.opts.Audience}} {
		if u, err := url.Parse(f.value); err == nil && f.value != "" && u.Host != "" {
			return u.Host, input.Flag(setting.Key(f.name))
		}
	}
	if u, err := url.Parse(r.opts.API.BaseURL); err == nil && u.Host != "" {
		return u.Host, "the document's server"
	}
	return "", ""
}

func (r *resolver) issuerAndKeys(p *Profile) error {
	if r.opts.Issuer != "" {
		if err := validText(setting.Issuer, r.opts.Issuer, maxURLLength, false); err != nil {
			return err
		}
		p.Issuer = r.opts.Issuer
	} else if r.base != "" && r.preset.Issuer != "" {
		p.Issuer = r.fill(r.preset.Issuer)
		for _, alias := range r.preset.IssuerAliases {
			if strings.Contains(alias, "{tenant}") && r.tenant == "" {
				continue // an issuer that names the tenant, which --endpoint alone does not give
			}
			p.IssuerAliases = append(p.IssuerAliases, r.fill(alias))
		}
	}
	if r.opts.JWKSURL != "" {
		if _, err := r.validHTTPURL(setting.JWKSURL, r.opts.JWKSURL); err != nil {
			return err
		}
		p.JWKSURL = r.opts.JWKSURL
	} else if r.base != "" && r.preset.JWKSURL != "" {
		p.JWKSURL = r.fill(r.preset.JWKSURL)
		p.DiscoverKeys = r.opts.Issuer != ""
	}
	return nil
}

// introspection takes the introspection endpoint from --introspection-url, a collection or the
// preset. verify sends it the client's credentials: the preset's is kept only on the token
// endpoint's host, the one server that already has them, and verify holds a collection's to the
// same rule; one the user named is the user's choice, on any host (Hydra serves introspection
// on its admin port), and verify says where the credentials went.
func (r *resolver) introspection(p *Profile) error {
	raw := r.opts.IntrospectionURL
	if raw == "" {
		// The preset's, unless --token-url sent the token request elsewhere: verify then looks
		// for the endpoint by discovery.
		if r.base != "" && r.preset.IntrospectionURL != "" && hostOf(r.fill(r.preset.IntrospectionURL)) == hostOf(p.TokenURL) {
			p.IntrospectionURL = r.fill(r.preset.IntrospectionURL)
		}
		return nil
	}
	if _, err := r.validHTTPURL(setting.IntrospectionURL, raw); err != nil {
		return err
	}
	p.IntrospectionURL, p.IntrospectionNamed = raw, r.opts.IntrospectionNamed
	return nil
}

// params fills the preset's resource or audience with the provider's API identifier unless the
// user named one, and adds whichever the user gave besides.
func (r *resolver) params(p *Profile) error {
	given := map[string]string{ParamResource: r.opts.Resource, ParamAudience: r.opts.Audience}
	if r.opts.Resource != "" {
		if err := validResource(r.opts.Resource); err != nil {
			return err
		}
	}
	if r.opts.Audience != "" {
		if err := validText(setting.Audience, r.opts.Audience, maxURLLength, false); err != nil {
			return err
		}
	}
	if own := r.preset.Param; own != "" {
		value := given[own]
		if value == "" {
			value = r.apiIdentifier()
		}
		if value != "" {
			p.Params = append(p.Params, Param{Name: own, Value: value})
		}
	}
	for _, name := range []string{ParamResource, ParamAudience} {
		if name == r.preset.Param || given[name] == "" {
			continue
		}
		p.Params = append(p.Params, Param{Name: name, Value: given[name]})
		if r.preset.Param != "" {
			p.Warnings = append(p.Warnings, fmt.Sprintf("%s names the API with %s; it may ignore --%s",
				r.preset.Title, r.preset.Param, name))
		}
	}
	return nil
}

func (r *resolver) apiIdentifier() string {
	switch {
	case r.tenant != "" && r.preset.APIIdentifier.Tenant != "":
		return r.fill(r.preset.APIIdentifier.Tenant)
	case r.endpoint != "" && r.preset.APIIdentifier.Endpoint != "":
		return r.fill(r.preset.APIIdentifier.Endpoint)
	}
	return ""
}

// baseURL is --base-url when given, else the provider's base URL or, for a provider without one, the API identifier when it
// is an http(s) URL, else the token endpoint's origin.
func (r *resolver) baseURL(p *Profile) error {
	if r.opts.BaseURL != "" {
		u, err := r.validBaseURL(setting.BaseURL, r.opts.BaseURL)
		if err != nil {
			return err
		}
		p.BaseURL = u
		return nil
	}
	if r.base != "" && r.opts.API != nil && r.preset.OpenAPIBase != "" {
		p.BaseURL = strings.TrimRight(r.fill(r.preset.OpenAPIBase), "/")
		return nil
	}
	if r.base != "" && r.preset.APIBase != "" {
		p.BaseURL = strings.TrimRight(r.fill(r.preset.APIBase), "/")
		return nil
	}
	if r.base != "" {
		p.BaseURL, _ = r.onBasePath(p, r.base)
		return nil
	}
	if r.opts.API != nil && r.opts.API.BaseURL != "" {
		u, err := r.validBaseURL(setting.OpenAPI, r.opts.API.BaseURL)
		if err != nil {
			return err
		}
		p.BaseURL = u
		if base, token := hostOf(u), hostOf(p.TokenURL); base != token {
			p.Warnings = append(p.Warnings, fmt.Sprintf("the requests go to %s, the OpenAPI document's server, on another host than the token URL (%s); "+
				"give %s to send them elsewhere", u, token, input.Flag(setting.BaseURL)))
		}
		return nil
	}
	for _, param := range p.Params {
		if u, err := r.validBaseURL(setting.Key(param.Name), param.Value); err == nil {
			var onPath bool
			if p.BaseURL, onPath = r.onBasePath(p, u); !onPath && r.opts.API != nil {
				// The token goes where the document's requests go: say so, as for a server
				// the document names, since an identifier is seldom where the API answers.
				p.Warnings = append(p.Warnings, fmt.Sprintf("the OpenAPI document names no server that could be used (none, or one whose "+
					"placeholders nothing fills): the requests go to %s, the %s given; give %s (or %s for the server's placeholders) to send them elsewhere",
					p.BaseURL, input.Flag(setting.Key(param.Name)), input.Flag(setting.BaseURL), input.Flag(setting.Tenant)))
			}
			return nil
		}
	}
	u, err := url.Parse(p.TokenURL)
	if err != nil {
		return fmt.Errorf("parsing validated token URL %q: %w", p.TokenURL, err)
	}
	p.BaseURL, _ = r.onBasePath(p, u.Scheme+"://"+u.Host)
	return nil
}

// onBasePath is the base URL guessed, base, or, when the API's description names a path without
// a host, that path on base's origin (a path from the root, as RFC 3986 resolves one), and true: the description does not say which host serves it, so a warning says which one
// the requests go to.
func (r *resolver) onBasePath(p *Profile, base string) (string, bool) {
	if r.opts.API == nil || r.opts.API.BasePath == "" {
		return base, false
	}
	onPath := originOf(base) + r.opts.API.BasePath
	p.Warnings = append(p.Warnings, fmt.Sprintf("the OpenAPI document's server is %s, a path without a host: the requests go to %s; "+
		"give %s to send them elsewhere", r.opts.API.BasePath, onPath, input.Flag(setting.BaseURL)))
	return onPath, true
}

func (r *resolver) scope(p *Profile) error {
	scope := r.preset.Scope
	if scope == "" && r.opts.API != nil {
		scope = strings.Join(r.documentScopes(p), " ")
	}
	if r.opts.Scope != nil {
		scope = *r.opts.Scope
	}
	s, err := normalizeScope(scope)
	if err != nil {
		return err
	}
	p.Scope = s
	p.Warnings = append(p.Warnings, scopeWarnings(s, r.opts.Scope != nil, r.preset.Scope)...)
	if suffix := r.preset.ScopeNamesAPI; suffix != "" {
		for _, tok := range strings.Fields(s) {
			if api, ok := strings.CutSuffix(tok, suffix); ok && api != "" {
				p.Audiences = append(p.Audiences, api)
				p.APIScopes = append(p.APIScopes, tok)
			}
		}
	}
	return nil
}

// documentScopes are the scopes the API description names, but for one Postman would read as a
// variable: written in the scope variable, "{{clientSecret}}" would send the secret as a scope.
func (r *resolver) documentScopes(p *Profile) []string {
	var scopes []string
	for _, s := range r.opts.API.Scopes {
		if strings.Contains(s, "{{") {
			p.Warnings = append(p.Warnings, fmt.Sprintf("the OpenAPI document's scope %q left out: Postman would read it as a variable", s))
			continue
		}
		scopes = append(scopes, s)
	}
	return scopes
}

func (r *resolver) client(p *Profile) error {
	preset, err := ParseClientAuth(r.preset.ClientAuth)
	if err != nil {
		return fmt.Errorf("preset %q: %w", r.preset.Name, err)
	}
	p.ClientAuth = preset
	if r.opts.ClientKey != nil && r.opts.ClientAuth == "" {
		p.ClientAuth = ClientAuthPrivateKeyJWT // a key says how the client authenticates
	}
	if r.opts.ClientAuth != "" {
		ca, err := ParseClientAuth(r.opts.ClientAuth)
		if err != nil {
			return err
		}
		p.ClientAuth = ca
	}
	if err := validClientID(setting.ClientID, r.opts.ClientID, false); err != nil {
		return err
	}
	if err := validClientID(setting.ClientSecret, r.opts.ClientSecret, true); err != nil {
		return err
	}
	p.ClientID, p.ClientSecret = r.opts.ClientID, r.opts.ClientSecret
	if err := r.signedClient(p); err != nil {
		return err
	}
	if p.ClientID == "" {
		p.Warnings = append(p.Warnings, "no client id: clientId is left empty; give "+input.Flag(setting.ClientID)+", or fill it in before sending a request")
	}
	return nil
}

func (r *resolver) name(p *Profile) error {
	p.Name = r.opts.Name
	if p.Name == "" {
		where := r.tenant
		if where == "" && r.realm != "" {
			where = r.realm
		} else if where == "" {
			base := p.BaseURL
			if r.base != "" {
				base = r.base // the server's, when the API is on another host
			}
			u, err := url.Parse(base)
			if err != nil {
				return fmt.Errorf("parsing validated base URL %q: %w", p.BaseURL, err)
			}
			where = strings.ReplaceAll(u.Hostname(), ":", "-") // an IPv6 address
			if port := u.Port(); port != "" {
				where += "-" + port // two servers on one host are two collections
			}
		}
		p.Name = r.preset.Name + "-" + where
	}
	return validName(p.Name)
}

// fill replaces {tenant}, {endpoint}, {realm} and {base} in a preset pattern with validated values.
func (r *resolver) fill(pattern string) string {
	return strings.NewReplacer("{tenant}", r.tenant, "{endpoint}", r.endpoint, "{realm}", r.realm, "{base}", r.base).Replace(pattern)
}

// hostOf is the host of a validated URL, in lower case.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Host)
}

// originOf is the scheme and host of an absolute URL, or the URL itself when it is not one.
func originOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return raw
	}
	return u.Scheme + "://" + u.Host
}
