package openapi

import (
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/templates"
)

// DefaultMaxSize is the document size cap used when Options.MaxSize is zero.
const DefaultMaxSize = 32 << 20

// Options tune Parse.
type Options struct {
	// Tenant fills the placeholders of the first server's first host label,
	// such as Logto's [tenant_id] or Kinde's {subdomain}. Empty keeps the
	// server variables' defaults.
	Tenant string
	// MaxSize caps the document size in bytes, checked before parsing.
	// Zero means DefaultMaxSize.
	MaxSize int64
}

// Document is the request model of one OpenAPI document.
type Document struct {
	// Title is the document's info.title.
	Title string
	// ServerURL is the first server's URL with its placeholders filled and
	// no trailing slash, or "" when there is none or it cannot be filled.
	ServerURL string
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
}

// The request model is package templates', shared with the provider presets: package
// generate writes both the same way.
type (
	// Folder groups the requests of one tag.
	Folder = templates.Folder
	// Request is one operation.
	Request = templates.Request
	// PathVariable is one :variable of a request path.
	PathVariable = templates.PathVariable
	// QueryParam is one query parameter.
	QueryParam = templates.QueryParam
	// Header is one header parameter.
	Header = templates.Header
	// Variable is a collection variable that path variables refer to.
	Variable = templates.Variable
)

// API is what the document gives a profile: its requests, and the base URL, token URL and
// scopes it names, which a profile uses only where neither the user nor the preset gives one.
func (d *Document) API() *profile.API {
	return &profile.API{BaseURL: d.ServerURL, TokenURL: d.TokenURL, Scopes: d.Scopes, Folders: d.Folders, Variables: d.Variables}
}
