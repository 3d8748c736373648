package templates

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/gen-postman/gen-postman/internal/apimodel"
)

//go:embed providers/*.json
var presetFiles embed.FS

// Preset is a provider's defaults, read from an embedded JSON file under providers/.
// URL fields are patterns: {tenant} is the validated tenant id, {endpoint} the validated
// --endpoint, {realm} the validated --realm, and {base} the endpoint or, without one,
// TenantBase with the tenant filled in.
type Preset struct {
	Name       string `json:"name"`
	Title      string `json:"title"`
	Summary    string `json:"summary"`
	Docs       string `json:"docs,omitempty"`
	TenantHelp string `json:"tenantHelp"`
	// TenantKind is what --tenant may be: TenantLabel (one DNS label, the default),
	// TenantDomain (a domain name, as an Okta org's) or TenantName (either, as Microsoft Entra
	// ID's tenant ID or its domain).
	TenantKind string `json:"tenantKind,omitempty"`
	// TenantBase is the base URL a tenant id stands for; empty when the provider has no tenants.
	TenantBase string `json:"tenantBase,omitempty"`
	// RealmHelp, when set, says the provider's URLs hold a realm (Keycloak) that --realm gives.
	RealmHelp string `json:"realmHelp,omitempty"`
	// APIBase is the base URL of the provider's own API when it is not {base}: another host
	// (Microsoft Graph for Entra ID) or a path under it (Keycloak's admin API of the realm).
	APIBase string `json:"apiBase,omitempty"`
	// OpenAPIBase, when set, is the base URL of the provider's OpenAPI document's paths, where
	// they differ from the ready requests' (Keycloak's admin document has /{realm}/users under
	// BASE/admin/realms).
	OpenAPIBase string `json:"openapiBase,omitempty"`
	// PathValues are values the preset gives the collection variables of an OpenAPI document's
	// path parameters, as patterns: Keycloak's {realm} is --realm.
	PathValues map[string]string `json:"pathValues,omitempty"`
	TokenURL   string            `json:"tokenUrl"`
	Issuer     string            `json:"issuer"`
	// IssuerAliases are other issuers the provider writes in its tokens for the same tenant
	// (Entra ID's v1 tokens, Microsoft Graph's among them, name https://sts.windows.net/ID/).
	IssuerAliases []string `json:"issuerAliases,omitempty"`
	JWKSURL       string   `json:"jwksUrl"`
	// IntrospectionURL is the RFC 7662 endpoint where verify proves an opaque token; empty
	// when the provider publishes it by discovery or has none.
	IntrospectionURL string `json:"introspectionUrl,omitempty"`
	// AccessTokens is AccessTokensJWT when the provider issues JWT access tokens for a named
	// API, so that an opaque token means the request named none; empty when opaque tokens
	// are the provider's way too (they are proven by introspection).
	AccessTokens string `json:"accessTokens,omitempty"`
	// APIIdentifier is the provider's own API (its Management API) as the token request names it.
	APIIdentifier struct {
		Tenant   string `json:"tenant"`
		Endpoint string `json:"endpoint"`
	} `json:"apiIdentifier"`
	// Param is the token request parameter that names the API: "resource" or "audience".
	Param string `json:"param"`
	Scope string `json:"scope"`
	// ScopeNamesAPI, when set, is the suffix of a scope that names the API instead of a
	// parameter (Entra ID's https://graph.microsoft.com/.default): the scope less the suffix
	// is the audience the token must have.
	ScopeNamesAPI string `json:"scopeNamesApi,omitempty"`
	// ClientAuth is how the provider expects the client to authenticate by default: "header"
	// (HTTP Basic) or "body" (form fields).
	ClientAuth string `json:"clientAuth"`
	// OpenAPI is the URL of the OpenAPI document of the provider's own API (its Management
	// API), a pattern as the other URLs; empty when the provider publishes none that can be
	// fetched without auth.
	OpenAPI string            `json:"openapi,omitempty"`
	Hints   Hints             `json:"hints"`
	Folders []apimodel.Folder `json:"folders"`
}

// AccessTokensJWT is the Preset.AccessTokens value of a provider that issues JWT access tokens.
const AccessTokensJWT = "jwt"

// Preset.TenantKind values.
const (
	TenantLabel  = ""       // one DNS label: acme
	TenantDomain = "domain" // a domain name: dev-123456.okta.com
	TenantName   = "name"   // a label or a domain name: an ID or contoso.onmicrosoft.com
)

// Hints are what verify tells a user about this provider when something goes wrong. Each is a
// sentence or two of plain text; an empty one is left out.
type Hints struct {
	// APIIdentifier says which resource or audience names the provider's own API, for a
	// refused or missing one (invalid_target, a token without the expected aud).
	APIIdentifier string `json:"apiIdentifier,omitempty"`
	// Audience says how the provider puts the API in aud, for a token without it.
	Audience string `json:"audience,omitempty"`
	// Issuer says what the provider writes in iss, for a token whose iss is not the expected.
	Issuer string `json:"issuer,omitempty"`
	// Scope says how the app gets a scope that was dropped from the token.
	Scope string `json:"scope,omitempty"`
	// Forbidden says what a 403 from the provider's API usually means.
	Forbidden string `json:"forbidden,omitempty"`
	// TokenURL gives the shape of the provider's token endpoint, for a 404.
	TokenURL string `json:"tokenUrl,omitempty"`
	// OpaqueToken says why the provider may issue a token that is not a JWT.
	OpaqueToken string `json:"opaqueToken,omitempty"`
	// Access says where the provider grants an app the client credentials grant or an API.
	Access string `json:"access,omitempty"`
}

// Presets returns every embedded preset, sorted by name.
func Presets() ([]Preset, error) {
	names, err := fs.Glob(presetFiles, "providers/*.json")
	if err != nil {
		return nil, fmt.Errorf("listing presets: %w", err)
	}
	presets := make([]Preset, 0, len(names))
	for _, name := range names {
		p, err := loadPreset(name)
		if err != nil {
			return nil, err
		}
		presets = append(presets, p)
	}
	sort.Slice(presets, func(i, j int) bool { return presets[i].Name < presets[j].Name })
	return presets, nil
}

// ErrUnknownPreset is returned by [LoadPreset] for a name that no embedded preset has.
var ErrUnknownPreset = errors.New("unknown provider")

// LoadPreset returns the preset called name, or an error matching [ErrUnknownPreset].
func LoadPreset(name string) (Preset, error) {
	file := path.Join("providers", name+".json")
	if name == "" || strings.ContainsAny(name, `/\.`) {
		return Preset{}, fmt.Errorf("%q: %w", name, ErrUnknownPreset)
	}
	if _, err := fs.Stat(presetFiles, file); err != nil {
		return Preset{}, fmt.Errorf("%q: %w", name, ErrUnknownPreset)
	}
	return loadPreset(file)
}

// PresetNames lists the embedded presets' names, sorted.
func PresetNames() []string {
	names, _ := fs.Glob(presetFiles, "providers/*.json")
	for i, n := range names {
		names[i] = strings.TrimSuffix(path.Base(n), ".json")
	}
	sort.Strings(names)
	return names
}

func loadPreset(file string) (Preset, error) {
	data, err := presetFiles.ReadFile(file)
	if err != nil {
		return Preset{}, fmt.Errorf("reading preset %q: %w", file, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var p Preset
	if err := dec.Decode(&p); err != nil {
		return Preset{}, fmt.Errorf("decoding preset %q: %w", file, err)
	}
	if want := strings.TrimSuffix(path.Base(file), ".json"); p.Name != want {
		return Preset{}, fmt.Errorf("preset %q is named %q", file, p.Name)
	}
	switch p.TenantKind {
	case TenantLabel, TenantDomain, TenantName:
	default:
		return Preset{}, fmt.Errorf("preset %q: tenantKind %q is not %q, %q or empty", file, p.TenantKind, TenantDomain, TenantName)
	}
	return p, nil
}
