package openapi

import (
	"encoding/json"

	"github.com/gen-postman/gen-postman/internal/apimodel"
)

// DefaultMaxSize is the document size cap used when Options.MaxSize is zero.
const DefaultMaxSize = 128 << 20

// DefaultMaxText caps the text the requests may hold (apimodel.TextSize) when Options.MaxText is
// zero: a small document can reference one long description from every operation. The answers'
// schemas count too: past the cap with them, the requests are kept without contract tests.
const DefaultMaxText = 32 << 20

// Options tune Parse.
type Options struct {
	// Tenant fills the placeholders of the first server's first host label,
	// such as Logto's [tenant_id] or Kinde's {subdomain}. Empty keeps the
	// server variables' defaults.
	Tenant string
	// Host is the host of the token URL the user gave. It fills a server
	// variable that is the whole host, such as Okta's {yourOktaDomain}, so
	// that the requests go where the token comes from.
	Host string
	// MaxSize caps the document size in bytes, checked before parsing.
	// Zero means DefaultMaxSize.
	MaxSize int64
	// MaxText caps the bytes of text the requests hold, checked once they
	// are built and before anything is written; with the answers' schemas
	// past it, those are left out and a warning says so. Zero means
	// DefaultMaxText.
	MaxText int
	// NoContracts leaves out what contract tests need, and skips reading
	// it: Request.Responses and Document.Schemas stay empty.
	NoContracts bool
}

// Document is the request model of one OpenAPI document.
type Document struct {
	// Title is the document's info.title.
	Title string
	// ServerURL is the first server's URL with its placeholders filled and
	// no trailing slash, or "" when there is none or it cannot be filled.
	ServerURL string
	// ServerPath is the first server's URL when it is a path alone, relative to where the
	// document is served ("/api/v1"); ServerURL is then "".
	ServerPath string `json:",omitempty"`
	// TokenURL is the first OAuth 2.0 client credentials token URL, made
	// absolute against ServerURL's origin, or "" when there is none.
	TokenURL string
	// Scopes lists the scopes of that client credentials flow, in document
	// order.
	Scopes []string
	// Folders hold the requests, one folder per tag in use.
	Folders []Folder
	// Variables lists one collection variable per path variable meaning,
	// sorted by key.
	Variables []Variable
	// Schemas are the JSON Schemas the requests' answers must match
	// (Request.Responses), by name; see apimodel.API.
	Schemas map[string]json.RawMessage `json:",omitempty"`
	// Warnings says, one line each, where the document was read other than
	// as written: a $ref that points at nothing reads as an empty schema.
	// The request model holds no trace of them; a caller shows them to the
	// user. Empty when the document was read as written.
	Warnings []string `json:",omitempty"`
}

// The request model is package apimodel's, shared with the provider presets.
type (
	// Folder groups the requests of one tag.
	Folder = apimodel.Folder
	// Request is one operation.
	Request = apimodel.Request
	// PathParam is one {name} of a request path.
	PathParam = apimodel.PathParam
	// Param is one query or header parameter.
	Param = apimodel.Param
	// Variable is a value that path parameters stand for.
	Variable = apimodel.Variable
)

// API is what the document gives a profile: its requests, and the base URL, token URL and
// scopes it names, which a profile uses only where neither the user nor the preset gives one.
func (d *Document) API() *apimodel.API {
	return &apimodel.API{Title: d.Title, BaseURL: d.ServerURL, BasePath: d.ServerPath, TokenURL: d.TokenURL, Scopes: d.Scopes, Folders: d.Folders, Variables: d.Variables, Schemas: d.Schemas}
}
