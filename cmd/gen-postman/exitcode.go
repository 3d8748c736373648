package main

import (
	"errors"
	"fmt"

	"github.com/gen-postman/gen-postman/internal/input"
)

// exitCode is the process exit status; the values are part of the command-line contract.
type exitCode int

const (
	exitOK           exitCode = 0 // success; for verify, every check passed
	exitFailure      exitCode = 1 // anything not listed below
	exitUsage        exitCode = 2 // a usage error or bad input
	exitCheckFailed  exitCode = 3 // verify: the token was obtained but a check failed
	exitTokenRequest exitCode = 4 // verify: the token request failed
)

// codedError carries the exit status for err. A codedError whose err is nil has already been
// reported to the user and prints nothing more.
type codedError struct {
	code exitCode
	err  error
}

func (e *codedError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *codedError) Unwrap() error { return e.err }

// usageError marks err as the user's mistake in calling the command.
func usageError(err error) error { return &codedError{code: exitUsage, err: err} }

// exitCodeOf maps an error from a command to the process exit status.
func exitCodeOf(err error) exitCode {
	var coded *codedError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &coded):
		return coded.code
	case errors.Is(err, input.ErrInvalid):
		return exitUsage
	}
	return exitFailure
}
