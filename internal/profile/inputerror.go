package profile

import (
	"errors"
	"fmt"
)

// ErrInvalidInput is matched by every [*InputError], so callers can tell bad input
// from other failures with errors.Is.
var ErrInvalidInput = errors.New("invalid input")

// InputError reports a flag or file value that cannot be used. Value is quoted in the message
// unless Secret is set.
type InputError struct {
	Field  string // the flag or field name, without dashes
	Value  string
	Reason string
	Secret bool // the value must never be shown
}

func (e *InputError) Error() string {
	if e.Secret || e.Value == "" {
		return fmt.Sprintf("invalid --%s: %s", e.Field, e.Reason)
	}
	return fmt.Sprintf("invalid --%s %q: %s", e.Field, e.Value, e.Reason)
}

// Is reports whether target is ErrInvalidInput.
func (e *InputError) Is(target error) bool { return target == ErrInvalidInput }
