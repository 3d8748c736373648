package openapi

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

// Folder groups the requests of one tag.
type Folder struct {
	// Name is the tag's name, or "Other" for operations without a tag.
	Name string
	// Description is the tag's description.
	Description string
	// Requests are in document order.
	Requests []Request
}

// Request is one operation.
type Request struct {
	// Name is unique across the document.
	Name string
	// Method is the HTTP method in upper case.
	Method string
	// Path is the path template in Postman's form, relative to ServerURL:
	// /api/applications/:id.
	Path string
	// PathVariables are the path's :variables, in path order.
	PathVariables []PathVariable
	// Query lists the query parameters in document order.
	Query []QueryParam
	// Headers lists the header parameters in document order.
	Headers []Header
	// Body is the request body as indented JSON, or "" when there is none
	// or its media type is not JSON.
	Body string
	// ContentType is the media type of the request body, or "".
	ContentType string
	// Description is the operation's description followed by the scopes it
	// needs.
	Description string
	// Public is true when the operation's security is declared and empty,
	// so the request needs no auth.
	Public bool
}

// PathVariable is one :variable of a request path.
type PathVariable struct {
	// Key is the name after the colon in Path.
	Key string
	// Value refers to a collection variable: {{applicationId}}.
	Value string
	// Description is the parameter's description.
	Description string
}

// QueryParam is one query parameter.
type QueryParam struct {
	Key         string
	Value       string
	Description string
	// Disabled is true for an optional parameter.
	Disabled bool
}

// Header is one header parameter.
type Header struct {
	Key         string
	Value       string
	Description string
	// Disabled is true for an optional header.
	Disabled bool
}

// Variable is a collection variable that path variables refer to.
type Variable struct {
	// Key is the meaning of the path parameters it stands for: userId.
	Key string
	// Value is empty: the user fills it in.
	Value string
	// Description is the first description found among those parameters.
	Description string
}
