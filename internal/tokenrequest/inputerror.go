package tokenrequest

import (
	"errors"
	"strings"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/setting"
)

// fileError turns a reading error into bad input about the file. envGiven says an environment
// file is given besides, so that the message does not ask for one.
func fileError(field string, err error, envGiven bool) error {
	reason := err.Error()
	switch {
	case errors.Is(err, postman.ErrNotJSON):
		reason = "not a JSON " + field + " file: " + strings.TrimPrefix(reason, postman.ErrNotJSON.Error()+": ")
	case errors.Is(err, postman.ErrIsEnvironment) && envGiven:
		reason += "; " + input.Flag(setting.Key(field)) + " takes the collection, and " + input.Flag("environment") + " the environment"
	case errors.Is(err, postman.ErrIsEnvironment):
		reason += "; pass it with " + input.Flag("environment")
	}
	return &input.Error{Field: setting.Key(field), Reason: reason}
}

// collectionError is bad input about the collection.
func collectionError(reason string) error {
	return &input.Error{Field: "collection", Reason: reason}
}
