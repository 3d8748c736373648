// Package input holds the one error type for a value the user gave that cannot be used: a
// flag, an environment variable, or a file the user named. Every package that validates the
// user's input reports it this way, and the command turns it into exit status 2.
package input

import (
	"errors"
	"fmt"

	"github.com/gen-postman/gen-postman/internal/setting"
)

// ErrInvalid is matched by every [*Error], so callers can tell bad input from other failures
// with errors.Is.
var ErrInvalid = errors.New("invalid input")

// Error reports a value that cannot be used. Field is the key of the setting that gave it
// ("token-url", "collection"); the command line shows it as the setting's flag, and callers
// tell settings apart by it with errors.As. Value is quoted in the message unless Secret is set.
type Error struct {
	Field  setting.Key
	Value  string
	Reason string
	Secret bool // the value must never be shown
}

func (e *Error) Error() string {
	if e.Secret || e.Value == "" {
		return fmt.Sprintf("invalid %s: %s", Flag(e.Field), e.Reason)
	}
	return fmt.Sprintf("invalid %s %q: %s", Flag(e.Field), e.Value, e.Reason)
}

// Flag is how the user gives a setting, by its key: "token-url" is given as --token-url, as the
// settings declaration says, for messages that tell the user which setting to give.
func Flag(k setting.Key) string { return setting.Flag(k) }

// Is reports whether target is ErrInvalid.
func (e *Error) Is(target error) bool { return target == ErrInvalid }
