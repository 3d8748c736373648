package templates

// Folder is a named group of ready requests.
type Folder struct {
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	Requests    []Request `json:"requests"`
}

// Request is one ready request: a preset's, or an OpenAPI document's operation. Path is
// relative to the collection's baseUrl variable, in Postman's form: a :name segment is a path
// variable.
type Request struct {
	Name   string `json:"name"`
	Method string `json:"method"`
	Path   string `json:"path"`
	// PathVariables are the path's :variables, in path order.
	PathVariables []PathVariable `json:"pathVariables,omitempty"`
	// Query lists the query parameters besides any in Path.
	Query []QueryParam `json:"query,omitempty"`
	// Headers lists request headers; never Authorization, which the collection's auth sets.
	Headers []Header `json:"headers,omitempty"`
	// Body is the request body, JSON text when ContentType is JSON; empty for none.
	Body        string `json:"body,omitempty"`
	ContentType string `json:"contentType,omitempty"`
	Description string `json:"description,omitempty"`
	// Public requests need no auth: they are written with noauth instead of inheriting the
	// collection's OAuth 2.0.
	Public bool `json:"public,omitempty"`
}

// PathVariable is one :variable of a request path.
type PathVariable struct {
	// Key is the name after the colon in Path.
	Key string `json:"key"`
	// Value refers to a collection variable, as {{applicationId}}.
	Value       string `json:"value"`
	Description string `json:"description,omitempty"`
}

// QueryParam is one query parameter.
type QueryParam struct {
	Key         string `json:"key"`
	Value       string `json:"value"`
	Description string `json:"description,omitempty"`
	// Disabled is true for an optional parameter: present, but not sent until switched on.
	Disabled bool `json:"disabled,omitempty"`
}

// Header is one request header.
type Header struct {
	Key         string `json:"key"`
	Value       string `json:"value"`
	Description string `json:"description,omitempty"`
	// Disabled is true for an optional header.
	Disabled bool `json:"disabled,omitempty"`
}

// Variable is a collection variable that the requests' path variables refer to.
type Variable struct {
	// Key names what the path parameters stand for, as userId.
	Key string `json:"key"`
	// Value is usually empty: the user fills it in once for every request.
	Value       string `json:"value"`
	Description string `json:"description,omitempty"`
}
