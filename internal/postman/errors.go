package postman

import (
	"errors"
	"strconv"
)

// Why a file cannot be read as a collection or an environment.
var (
	ErrTooLarge       = errors.New("larger than 10 MiB")
	ErrNotJSON        = errors.New("not JSON")
	ErrNotCollection  = errors.New("not a Postman collection")
	ErrIsEnvironment  = errors.New("this is a Postman environment, not a collection")
	ErrIsCollection   = errors.New("this is a Postman collection, not an environment")
	ErrNotEnvironment = errors.New("not a Postman environment")
	// ErrTooDeep reports folders nested deeper than [MaxFolderDepth].
	ErrTooDeep = errors.New("folders nest more than " + strconv.Itoa(MaxFolderDepth) + " deep")
)
