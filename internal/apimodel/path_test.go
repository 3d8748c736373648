package apimodel

import (
	"fmt"
	"strings"
	"testing"
)

func TestRewritePath(t *testing.T) {
	tests := []struct {
		path, want string
	}{
		{"/api/users", "/api/users"},
		{"/api/users/{id}", "/api/users/[id 3 whole]"},
		{"/api/users/{id}/roles/{roleId}", "/api/users/[id 3 whole]/roles/[roleId 5 whole]"},
		{"/files/{name}.json", "/files/[name 2]" + ".json"},
		{"/v/{a}-{b}", "/v/[a 2]-[b 2]"},
		{"/open/{half", "/open/{half"},
		{"/x/{}/y", "/x/[ 2]/y"},
		{"", ""},
	}
	for _, tt := range tests {
		got := RewritePath(tt.path, func(o Occurrence) string {
			if o.Segments[o.Segment] == "" {
				t.Errorf("%q: occurrence %q in an empty segment", tt.path, o.Name)
			}
			if o.Whole {
				return fmt.Sprintf("[%s %d whole]", o.Name, o.Segment)
			}
			return fmt.Sprintf("[%s %d]", o.Name, o.Segment)
		})
		if got != tt.want {
			t.Errorf("RewritePath(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestRewritePathVisitsInOrder(t *testing.T) {
	var names []string
	RewritePath("/a/{one}/b/{two}.{three}/{four}", func(o Occurrence) string {
		names = append(names, o.Name)
		return ""
	})
	if got := strings.Join(names, " "); got != "one two three four" {
		t.Errorf("visited %q", got)
	}
}
