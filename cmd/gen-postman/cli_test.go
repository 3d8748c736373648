package main

import (
	"bytes"
	"context"
	"testing"
)

// runCLI runs the command in-process, as main does, and returns its output and exit status.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), append([]string{"gen-postman"}, args...), &out, &errOut)
	return out.String(), errOut.String(), code
}
