package apimodel

import "encoding/json"

// API is what an API description gives: its requests, and the base URL, token URL and scopes
// it names, each empty when the description names none.
type API struct {
	// Title names the API: an OpenAPI document's info.title.
	Title   string
	BaseURL string
	// BasePath is the path the description names without a host ("/api/v1"): relative to
	// where it is served. BaseURL is then "" until the reader resolves it.
	BasePath string
	TokenURL string
	Scopes   []string
	Folders  []Folder
	// Variables are the API-wide values the requests' path parameters stand for.
	Variables []Variable
	// Schemas are the JSON Schemas the requests' answers must match (Response.Schema), by
	// name: draft-07, with OpenAPI's nullable, and every $ref among them written
	// "#/definitions/NAME". Empty when the description gives none.
	Schemas map[string]json.RawMessage
}

// Folder is a named group of requests.
type Folder struct {
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	Requests    []Request `json:"requests"`
}

// Request is one operation of the API.
type Request struct {
	Name string `json:"name"`
	// OperationID is the document's operationId, empty when it gives none. With it, an update
	// knows the operation however its path changes.
	OperationID string `json:"operationId,omitempty"`
	Method      string `json:"method"`
	// Path is relative to the API's base URL and may end in a ?query. It is a template: each
	// {name} in it is a path parameter, listed in PathParams.
	Path string `json:"path"`
	// PathParams are the occurrences of {name} in Path, in the order they appear.
	PathParams []PathParam `json:"pathParams,omitempty"`
	// Query lists the query parameters besides any in Path.
	Query []Param `json:"query,omitempty"`
	// Headers lists request headers; never Authorization, which the token request sets.
	Headers []Param `json:"headers,omitempty"`
	// Body is the text of a text body: JSON when ContentType is JSON, else the document's
	// example as written; empty for none.
	Body string `json:"body,omitempty"`
	// ContentType is the request body's media type, empty for none.
	ContentType string `json:"contentType,omitempty"`
	// BodyKind says how the body is held: as text in Body (the zero value), as fields in Fields,
	// or as a file the user picks.
	BodyKind BodyKind `json:"bodyKind,omitempty"`
	// Fields are the fields of a form body, in document order.
	Fields      []FormField `json:"fields,omitempty"`
	Description string      `json:"description,omitempty"`
	// Public requests need no token.
	Public bool `json:"public,omitempty"`
	// Unsatisfiable says why no request the document allows could be built (a body whose
	// schema no value built meets); a run skips such a request. Empty for most.
	Unsatisfiable string `json:"unsatisfiable,omitempty"`
	// Fills are the API variables this request's JSON answer gives values to, so that the
	// requests after it in a run are about what it listed or created.
	Fills []Fill `json:"fills,omitempty"`
	// Responses are the answers the description lists, for a run's contract tests: codes
	// first, then ranges, then default. Empty when it lists none.
	Responses []Response `json:"responses,omitempty"`
}

// Response is one answer an operation's description lists.
type Response struct {
	// Status is the description's key: a code ("200"), a range ("2XX") or "default".
	Status string `json:"status"`
	// ContentTypes are the media types the answer's body may have, as written ("application/json",
	// "application/*"); empty when the answer has no body.
	ContentTypes []string `json:"contentTypes,omitempty"`
	// Schema names the entry of API.Schemas that a JSON body of this answer must match; empty
	// when the description gives no JSON schema.
	Schema string `json:"schema,omitempty"`
}

// Fill says where a request's answer holds the value of an API variable.
type Fill struct {
	// Variable names the API variable, as applicationId.
	Variable string `json:"variable"`
	// Fields are the names the value may go by, the first found wins: in the answer's
	// object, in the first element of the list the answer is or holds, or in an object it holds.
	Fields []string `json:"fields"`
	// Created says the request creates what it answers (a POST to a collection): a PUT, PATCH
	// or DELETE later in the run may change it. A list or a read fills the variable without
	// marking it so.
	Created bool `json:"created,omitempty"`
}

// BodyKind says how a request body is held.
type BodyKind string

const (
	// BodyText is a body written as text, in Request.Body.
	BodyText BodyKind = ""
	// BodyURLEncoded is an application/x-www-form-urlencoded form, in Request.Fields.
	BodyURLEncoded BodyKind = "urlencoded"
	// BodyMultipart is a multipart/form-data form, in Request.Fields: text fields and files.
	BodyMultipart BodyKind = "multipart"
	// BodyFile is a body that is the bytes of one file, which the user picks.
	BodyFile BodyKind = "file"
)

// FormField is one field of a form body.
type FormField struct {
	Name string `json:"name"`
	// Value is an example value, as text; empty for a file.
	Value       string `json:"value,omitempty"`
	Description string `json:"description,omitempty"`
	// Optional fields are written but not sent until the user turns them on.
	Optional bool `json:"optional,omitempty"`
	// File fields, only in multipart forms, carry a file the user picks instead of a value.
	File bool `json:"file,omitempty"`
}

// HasBody reports whether the request sends a body: text, form fields or a file.
func (r *Request) HasBody() bool {
	return r.Body != "" || len(r.Fields) > 0 || r.BodyKind == BodyFile
}

// PathParam is one {name} of a request's path.
type PathParam struct {
	// Name is what stands between the braces.
	Name string `json:"name"`
	// Variable names the API variable whose value fills the parameter, as applicationId.
	Variable    string `json:"variable"`
	Description string `json:"description,omitempty"`
}

// Param is one query parameter or header.
type Param struct {
	Name string `json:"name"`
	// Value is an example value, as text.
	Value       string `json:"value"`
	Description string `json:"description,omitempty"`
	// Optional parameters are written but not sent until the user turns them on.
	Optional bool `json:"optional,omitempty"`
}

// Variable is a value that several requests' path parameters share, such as userId.
type Variable struct {
	Name string `json:"name"`
	// Value is usually empty: the user fills it in once for every request.
	Value       string `json:"value"`
	Description string `json:"description,omitempty"`
}
