package input

import (
	"errors"
	"fmt"
	"testing"
)

func TestError(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Field: "token-url", Value: "ftp://x", Reason: "not http"}, `invalid --token-url "ftp://x": not http`},
		{&Error{Field: "client-secret", Value: "s3cret", Reason: "too long", Secret: true}, `invalid --client-secret: too long`},
		{&Error{Field: "tenant", Reason: "missing"}, `invalid --tenant: missing`},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if wrapped := fmt.Errorf("reading: %w", tt.err); !errors.Is(wrapped, ErrInvalid) {
			t.Errorf("errors.Is(%v, ErrInvalid) = false", wrapped)
		}
	}
	if errors.Is(errors.New("other"), ErrInvalid) {
		t.Error("an unrelated error matches ErrInvalid")
	}
}
