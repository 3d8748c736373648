package verify

import (
	"strings"
	"testing"
)

// TestSummaryOfUnprovenTokens: a warning of a check that alone could vouch for the token makes
// the summary say it is not proven, but an introspection that could not answer does not, once
// the JWT's signature passed.
func TestSummaryOfUnprovenTokens(t *testing.T) {
	for _, tt := range []struct {
		name   string
		checks []Check
		want   string
	}{
		{"signature passed, introspection refused",
			[]Check{{Name: CheckSignature, Status: StatusPass}, {Name: CheckActive, Status: StatusWarn}}, "OK: the token is good"},
		{"opaque, introspection refused",
			[]Check{{Name: CheckJWT, Status: StatusWarn}, {Name: CheckActive, Status: StatusWarn}}, "not proven: see jwt"},
		{"signature not checked",
			[]Check{{Name: CheckSignature, Status: StatusWarn}, {Name: CheckActive, Status: StatusPass}}, "not proven: see signature"},
		{"signature skipped, introspection refused",
			[]Check{{Name: CheckSignature, Status: StatusSkip}, {Name: CheckActive, Status: StatusWarn}}, "not proven: see active"},
	} {
		r := &Report{Checks: tt.checks}
		if got := r.summary(); !strings.Contains(got, tt.want) {
			t.Errorf("%s: %q, want %q in it", tt.name, got, tt.want)
		}
	}
}
