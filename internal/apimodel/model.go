package apimodel

// API is what an API description gives: its requests, and the base URL, token URL and scopes
// it names, each empty when the description names none.
type API struct {
	BaseURL  string
	TokenURL string
	Scopes   []string
	Folders  []Folder
	// Variables are the API-wide values the requests' path parameters stand for.
	Variables []Variable
}

// Folder is a named group of requests.
type Folder struct {
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	Requests    []Request `json:"requests"`
}

// Request is one operation of the API.
type Request struct {
	Name   string `json:"name"`
	Method string `json:"method"`
	// Path is relative to the API's base URL and may end in a ?query. It is a template: each
	// {name} in it is a path parameter, listed in PathParams.
	Path string `json:"path"`
	// PathParams are the occurrences of {name} in Path, in the order they appear.
	PathParams []PathParam `json:"pathParams,omitempty"`
	// Query lists the query parameters besides any in Path.
	Query []Param `json:"query,omitempty"`
	// Headers lists request headers; never Authorization, which the token request sets.
	Headers []Param `json:"headers,omitempty"`
	// Body is the request body, JSON text when ContentType is JSON; empty for none.
	Body        string `json:"body,omitempty"`
	ContentType string `json:"contentType,omitempty"`
	Description string `json:"description,omitempty"`
	// Public requests need no token.
	Public bool `json:"public,omitempty"`
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
