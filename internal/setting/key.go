package setting

// Key names a setting wherever gen-postman speaks of it: a domain error about a value carries
// the key of the setting that gave it, and the command line shows the key as its flag.
type Key string

// The settings of the token request and of the API it serves.
const (
	Provider         Key = "provider"
	Tenant           Key = "tenant"
	Endpoint         Key = "endpoint"
	Realm            Key = "realm"
	BaseURL          Key = "base-url"
	TokenURL         Key = "token-url"
	Resource         Key = "resource"
	Audience         Key = "audience"
	Scope            Key = "scope"
	ClientAuth       Key = "client-auth"
	ClientID         Key = "client-id"
	ClientSecret     Key = "client-secret"
	ClientSecretFile Key = "client-secret-file"
	PrivateKey       Key = "private-key"
	KeyID            Key = "key-id"
	DPoP             Key = "dpop"
	AllowHTTP        Key = "allow-http"
	Issuer           Key = "issuer"
	JWKSURL          Key = "jwks-url"
	IntrospectionURL Key = "introspection-url"
	OpenAPI          Key = "openapi"
	ProviderOpenAPI  Key = "provider-openapi"
	Name             Key = "name"
)

// The settings of where a command reads and writes, and how it runs.
const (
	Output      Key = "output"
	EnvOutput   Key = "env-output"
	OutDir      Key = "out-dir"
	Collection  Key = "collection"
	Environment Key = "environment"
	Request     Key = "request"
	Timeout     Key = "timeout"
	Leeway      Key = "leeway"
	MaxLifetime Key = "max-lifetime"
	Call        Key = "call"
	JSON        Key = "json"
	JUnit       Key = "junit"
	ShowToken   Key = "show-token"
	NoCache     Key = "no-cache"
	DryRun      Key = "dry-run"
	Prune       Key = "prune"
	Verbose     Key = "verbose"
)
