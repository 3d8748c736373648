package postman

import "errors"

// Why a file cannot be read as a collection or an environment.
var (
	ErrTooLarge       = errors.New("larger than 10 MiB")
	ErrNotJSON        = errors.New("not JSON")
	ErrNotCollection  = errors.New("not a Postman collection: it has no info")
	ErrIsEnvironment  = errors.New("this is a Postman environment, not a collection")
	ErrIsCollection   = errors.New("this is a Postman collection, not an environment")
	ErrNotEnvironment = errors.New("not a Postman environment: it has no values")
)
