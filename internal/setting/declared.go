package setting

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
	ChangeExisting   Key = "change-existing"
	NoContractTests  Key = "no-contract-tests"
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
	OtherAPI    Key = "other-api"
	Verbose     Key = "verbose"
)

// Placeholders that the command line fills in a usage from the presets, which this package
// does not read.
const (
	PresetsPlaceholder           = "{presets}"
	ClientAuthDefaultPlaceholder = "{client-auth-defaults}"
)

// Environment variables that carry the client credentials, so that the secret stays out of
// the process list and the shell history.
const (
	EnvClientID     = "GEN_POSTMAN_CLIENT_ID"
	EnvClientSecret = "GEN_POSTMAN_CLIENT_SECRET"
)

// CallFirst is what a bare --call means: the first ready request (or the collection's own).
const CallFirst = "first"

// DefaultProvider is the preset used when none is named.
const DefaultProvider = "logto"

// all is the declaration: every setting once.
var all = []Setting{
	{Key: Provider, Kind: Text, Default: DefaultProvider, Commands: Generate | Verify, Override: FromCollection,
		Carried: "the settings gen-postman generated the collection with",
		Usage:   "`NAME` of the provider preset: " + PresetsPlaceholder + " (see 'gen-postman providers')"},
	{Key: Tenant, Kind: Text, Preset: "tenantBase", Commands: Generate | Verify, Override: FromCollection,
		Carried: "the settings gen-postman generated the collection with",
		Usage:   "Logto Cloud tenant `ID`, Kinde subdomain, Auth0 tenant (acme for acme.auth0.com), Zitadel Cloud instance, Okta domain, or Entra ID tenant"},
	{Key: Endpoint, Kind: Text, URL: true, Preset: "tenantBase", Commands: Generate | Verify, Override: FromCollection,
		Carried: "the collection's baseUrl variable (or its request's URL)",
		Usage:   "base `URL` of a self-hosted server (Logto, Keycloak, Zitadel), a custom domain, or a regional Auth0 domain"},
	{Key: Realm, Kind: Text, Commands: Generate | Verify, Override: FromCollection,
		Carried: "the settings gen-postman generated the collection with",
		Usage:   "Keycloak realm `NAME`, as in BASE/realms/NAME"},
	{Key: BaseURL, Kind: Text, URL: true, Variable: "baseUrl", Preset: "apiBase", Commands: Generate | Verify, Override: Replace,
		Usage: "base `URL` of the API the requests call (the baseUrl variable; default: the preset's, the OpenAPI document's server, or a guess from the API identifier or the token URL)"},
	{Key: TokenURL, Kind: Text, URL: true, Variable: "tokenUrl", Preset: "tokenUrl", Commands: Generate | Verify | Update, Override: Replace,
		Carried: "the token URL of the collection's OAuth 2.0 auth",
		Usage:   "token endpoint `URL` (generic needs it, or --issuer to discover it)"},
	{Key: Resource, Kind: Text, Variable: "resource", Preset: "apiIdentifier", Commands: Generate | Verify | Update, Override: Replace,
		Usage: "resource indicator `URI` of the API (RFC 8707; Logto)"},
	{Key: Audience, Kind: List, Variable: "audience", Preset: "apiIdentifier", Commands: Generate | Verify | Update, Override: Replace,
		Usage: "audience `ID` of the API (Kinde, Auth0); several, repeated or space-separated, are sent as one space-separated value"},
	{Key: Scope, Kind: Text, Variable: "scope", Preset: "scope", Commands: Generate | Verify | Update, Override: ReplaceGiven,
		Usage: "space-separated `SCOPES` to request (Logto's Management API: all)"},
	{Key: ClientAuth, Kind: Text, Preset: "clientAuth", Commands: Generate | Verify, Override: Replace,
		Values:  []string{"header", "body", "private_key_jwt"},
		Carried: "the client_authentication of the collection's OAuth 2.0 auth, and its privateKey variable",
		Usage:   "`METHOD` by which the client authenticates: header (HTTP Basic), body (form fields) or private_key_jwt (a signed assertion); default: private_key_jwt with --private-key, else " + ClientAuthDefaultPlaceholder},
	{Key: ClientID, Kind: Text, Env: EnvClientID, Variable: "clientId", Commands: Generate | Verify | Update, Override: Replace,
		Usage: "the M2M app's client `ID`"},
	{Key: ClientSecret, Kind: Text, Env: EnvClientSecret, Variable: "clientSecret", Secret: true, Commands: Generate | Verify, Override: Replace,
		Usage: "the app's `SECRET`; prefer the environment variable, which the process list does not show"},
	{Key: PrivateKey, Kind: Text, Variable: "privateKey", Secret: true, Commands: Generate | Verify | Update, Override: Replace,
		Usage: "PEM `FILE` of the app's private key, for private_key_jwt: RSA 2048-8192 bits or EC P-256/P-384 (PKCS#8, PKCS#1 or SEC 1)",
		UsageIn: map[Command]string{
			Update: "PEM `FILE` of the app's new private key: keyId becomes its RFC 7638 thumbprint, or --key-id; the key stays out of the collection",
		}},
	{Key: KeyID, Kind: Text, Variable: "keyId", Commands: Generate | Verify | Update, Override: Replace,
		Usage: "the key's `ID` as the server knows it, sent as the assertion's kid (default: its RFC 7638 thumbprint)"},
	{Key: DPoP, Kind: Switch, Commands: Generate | Verify, Override: Either,
		Carried: "the header prefix DPoP of the collection's OAuth 2.0 auth",
		Usage:   "bind tokens to a proof key with DPoP (RFC 9449): a proof with every token and API request; needs --private-key"},
	{Key: ClientSecretFile, Kind: Text, Secret: true, Commands: Generate | Verify, Override: Replace,
		Usage: "read the app's secret from `FILE` (one line; a trailing newline is dropped)"},
	{Key: AllowHTTP, Kind: Switch, Commands: Generate | Verify | Update, Override: NotCarried,
		Usage: "allow plain http to a host on your network (a CI service such as http://logto:3001), only to the hosts of the http URLs given in flags; the secret and the token travel unencrypted",
		UsageIn: map[Command]string{
			Update: "allow plain http URLs to a host on your network (a CI service such as http://logto:3001): those the collection holds, and the hosts of the http URLs given in flags",
		}},
	{Key: Issuer, Kind: Text, URL: true, Variable: "issuer", Preset: "issuer", Commands: Generate | Verify | Update, Override: Replace,
		Usage: "the token `ISSUER`; for generic without --token-url, the token endpoint and keys are discovered from it (OpenID Connect, RFC 8414)",
		UsageIn: map[Command]string{
			Verify: "expected `ISSUER` of the token (default: the preset's, the collection's issuer variable, or OIDC discovery)",
			Update: "the token `ISSUER`, written into the issuer variable",
		}},
	{Key: JWKSURL, Kind: Text, URL: true, Variable: "jwksUrl", Preset: "jwksUrl", Commands: Generate | Verify | Update, Override: Replace,
		Usage: "`URL` of the issuer's signing keys, written for verify (default: the preset's, or discovery)",
		UsageIn: map[Command]string{
			Verify: "`URL` of the issuer's signing keys (default: the preset's, the collection's jwksUrl variable, or discovery)",
			Update: "`URL` of the issuer's signing keys, written into the jwksUrl variable",
		}},
	{Key: IntrospectionURL, Kind: Text, URL: true, Variable: "introspectionUrl", Preset: "introspectionUrl", Commands: Generate | Verify | Update, Override: Replace,
		Usage: "RFC 7662 introspection endpoint `URL` that proves an opaque token, on the token URL's host (default: the preset's or discovery's)",
		UsageIn: map[Command]string{
			Generate: "RFC 7662 introspection endpoint `URL`, on the token URL's host, written for verify (default: the preset's)",
			Update:   "RFC 7662 introspection endpoint `URL`, written into the introspectionUrl variable",
		}},
	{Key: Collection, Kind: Text, Commands: Verify,
		Usage: "read the token request from the oauth2 auth of a Postman collection `FILE`"},
	{Key: Environment, Kind: Text, Commands: Verify, With: Collection,
		Usage: "resolve the collection's {{variables}} from a Postman environment `FILE` first"},
	{Key: Request, Kind: Text, Commands: Verify, With: Collection,
		Usage: "check the OAuth 2.0 auth that request `NAME` (or Folder/Request) of the collection uses (default: the first request's)"},
	{Key: Timeout, Kind: Duration, Default: "10s", Commands: Verify,
		Usage: "`DURATION` allowed for the whole run, such as 30s"},
	{Key: Leeway, Kind: Duration, Default: "1m0s", Commands: Verify,
		Usage: "clock skew allowed on exp, iat and nbf, a `DURATION` such as 2m"},
	{Key: MaxLifetime, Kind: Duration, DefaultText: "no limit", Commands: Verify,
		Usage: "fail a token that lives longer than `DURATION`, such as 30m or 24h"},
	{Key: Call, Kind: Text, URL: true, Commands: Verify, Alone: CallFirst,
		Usage: "afterwards call the API with the token: `PATH` or URL; alone, the collection's request (GET or HEAD) or the first ready request"},
	{Key: OpenAPI, Kind: Text, URL: true, Commands: Generate | Update,
		Usage:   "make a request of every operation of an OpenAPI 3 or Swagger 2.0 document: a `FILE`, an https URL, or - for stdin",
		UsageIn: map[Command]string{Update: "the newer OpenAPI document: a `FILE`, an https URL, or - for stdin"}},
	{Key: ProviderOpenAPI, Kind: Switch, Commands: Generate,
		Usage: "make a request of every operation of the provider's own API, from the OpenAPI document its preset names (Logto, Kinde; see 'gen-postman providers')"},
	{Key: ChangeExisting, Kind: Switch, Commands: Generate,
		Usage: "let a run's PUT, PATCH and DELETE requests, and POSTs under an id, change what the run did not create (the changeExisting variable); without it they change only ids the run's own creates answered"},
	{Key: NoContractTests, Kind: Switch, Commands: Generate,
		Usage: "leave out the contract tests, which check each answer's status, content type and JSON body against what the OpenAPI document lists"},
	{Key: Name, Kind: Text, Commands: Generate, Override: Replace, Carried: "the collection's name",
		Usage: "collection `NAME`, also the file name in --out-dir (default: PROVIDER-TENANT)"},
	{Key: Output, Aliases: []string{"o"}, Kind: Text, Commands: Generate | Update,
		Usage:   "write the collection to `FILE` instead of stdout (- for stdout)",
		UsageIn: map[Command]string{Update: "write the updated collection to `FILE` instead of replacing the one read (- for stdout)"}},
	{Key: EnvOutput, Kind: Text, Commands: Generate,
		Usage: "write a Postman environment to `FILE` (mode 0600 when it holds the secret)"},
	{Key: OutDir, Kind: Text, Commands: Generate,
		Usage: "write NAME.postman_collection.json and NAME.postman_environment.json into `DIR`"},
	{Key: DryRun, Kind: Switch, Commands: Update,
		Usage: "report what would change, and write nothing"},
	{Key: Prune, Kind: Switch, Commands: Update,
		Usage: "remove the requests of operations gone from the document even when you edited them"},
	{Key: OtherAPI, Kind: Switch, Commands: Update,
		Usage: "update with a document of another API than the one the collection was generated from"},
	{Key: JSON, Kind: Switch, Commands: Verify | Update,
		Usage:   "print the report as one JSON object",
		UsageIn: map[Command]string{Update: "print the report on stdout as one JSON object"}},
	{Key: JUnit, Kind: Text, Commands: Verify,
		Usage: "also write the report as JUnit XML to `FILE`, one test case per check"},
	{Key: ShowToken, Kind: Switch, Commands: Verify,
		Usage: "include the access token in the report"},
	{Key: NoCache, Kind: Switch, Commands: Verify,
		Usage: "fetch discovery documents and key sets from the server, neither reading nor writing the cache"},
	{Key: Verbose, Kind: Switch, Commands: Generate | Verify | Update,
		Usage: "show each HTTP request and answer on stderr, with secrets, keys and tokens hidden"},
}
