package openapi

import (
	"strings"
	"testing"
)

func TestMeaning(t *testing.T) {
	tests := []struct {
		path, param, want string
	}{
		{"/api/applications/{id}", "id", "applicationId"},
		{"/api/users/{userId}", "userId", "userId"},
		{"/api/organizations/{id}/users/{userId}", "id", "organizationId"},
		{"/api/organizations/{id}/users/{userId}", "userId", "userId"},
		{"/api/roles/{id}/scopes/{scopeId}", "id", "roleId"},
		{"/api/organization-roles/{id}", "id", "organizationRoleId"},
		{"/api/policies/{id}", "id", "policyId"},
		{"/api/statuses/{ID}", "ID", "statusId"},
		{"/api/boxes/{_id}", "_id", "boxId"},
		{"/api/users/{userId}/{id}", "id", "userId"},
		{"/{id}", "id", "id"},
		{"/api/v1/organizations/{org_code}", "org_code", "orgCode"},
		{"/api/things/{Thing-Name}", "Thing-Name", "thingName"},
		{"/api/things/{---}", "---", "param"},
	}
	for _, tt := range tests {
		segments := strings.Split(tt.path, "/")
		at := -1
		for i, s := range segments {
			if s == "{"+tt.param+"}" {
				at = i
			}
		}
		if got := meaning(segments, at, tt.param); got != tt.want {
			t.Errorf("meaning(%q, %q) = %q, want %q", tt.path, tt.param, got, tt.want)
		}
	}
}

func TestSingular(t *testing.T) {
	for in, want := range map[string]string{
		"users": "user", "policies": "policy", "statuses": "status", "boxes": "box", "branches": "branch",
		"addresses": "address", "status": "status", "analysis": "analysis", "data": "data", "s": "s",
	} {
		if got := singular(in); got != want {
			t.Errorf("singular(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCamelCase(t *testing.T) {
	for in, want := range map[string]string{
		"user_id": "userId", "userId": "userId", "ID": "id", "sign-in-exp": "signInExp",
		"SSO connectors": "ssoConnectors", "API key": "apiKey", "": "", "Already": "already",
	} {
		if got := camelCase(in); got != want {
			t.Errorf("camelCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNameSet(t *testing.T) {
	n := nameSet{}
	var got []string
	for _, s := range []string{"A", "A", "A (2)", "A", "B"} {
		got = append(got, n.unique(s))
	}
	want := "A|A (2)|A (2) (2)|A (3)|B"
	if strings.Join(got, "|") != want {
		t.Errorf("names %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestOneLine(t *testing.T) {
	if got := oneLine("  Get\n  users\t now "); got != "Get users now" {
		t.Errorf("oneLine = %q", got)
	}
	if got := oneLine(strings.Repeat("é", 500)); len([]rune(got)) != maxNameLen {
		t.Errorf("oneLine kept %d runes", len([]rune(got)))
	}
}
