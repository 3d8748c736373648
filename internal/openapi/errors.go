package openapi

import "errors"

// Errors that Parse wraps with context; callers branch with errors.Is.
var (
	// ErrTooLarge is returned for a document over Options.MaxSize bytes.
	ErrTooLarge = errors.New("document is too large")
	// ErrNotOpenAPI is returned for input that is not an OpenAPI document.
	ErrNotOpenAPI = errors.New("not an openapi document")
	// ErrUnsupportedVersion is returned for Swagger versions before 2.0 and
	// other versions this package does not read.
	ErrUnsupportedVersion = errors.New("unsupported openapi version")
	// ErrNoOperations is returned for a document that defines no operation.
	ErrNoOperations = errors.New("document has no operations")
	// ErrBadPath is returned for a path that is not an OpenAPI path template:
	// one that does not start with /, or whose braces do not each enclose a
	// parameter name.
	ErrBadPath = errors.New("not a path template")
	// ErrInvalidTenant is returned for an Options.Tenant that is not a host name.
	ErrInvalidTenant = errors.New("tenant is not a valid host name")
)
