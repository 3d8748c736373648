package openapi

import (
	"strings"
	"testing"
)

func TestMeaning(t *testing.T) {
	tests := []struct {
		paths []string // the document's paths; the last one holds param
		param string
		want  string
	}{
		{[]string{"/api/applications/{id}"}, "id", "applicationId"},
		{[]string{"/api/users/{userId}"}, "userId", "userId"},
		{[]string{"/api/organizations/{id}/users/{userId}"}, "id", "organizationId"},
		{[]string{"/api/organizations/{id}/users/{userId}"}, "userId", "userId"},
		{[]string{"/api/roles/{id}/scopes/{scopeId}"}, "id", "roleId"},
		{[]string{"/api/organization-roles/{id}"}, "id", "organizationRoleId"},
		{[]string{"/api/policies/{id}"}, "id", "policyId"},
		{[]string{"/api/statuses/{ID}"}, "ID", "statusId"},
		{[]string{"/api/boxes/{_id}"}, "_id", "boxId"},
		{[]string{"/api/users/{userId}/{id}"}, "id", "userId"},
		{[]string{"/{id}"}, "id", "id"},
		{[]string{"/api/things/{Thing-Name}"}, "Thing-Name", "thingName"},
		{[]string{"/api/things/{---}"}, "---", "param"},
		// A name that names a resource of the document keeps its name.
		{[]string{"/api/connectors", "/api/sso/{connectorId}"}, "connectorId", "connectorId"},
		{[]string{"/api/roles", "/api/apps/{id}/access_roles/{role_id}"}, "role_id", "roleId"},
		{[]string{"/api/scopes", "/api/organization-roles/{id}/scopes/{organizationScopeId}"}, "organizationScopeId", "organizationScopeId"},
		// A shortening of the resource before it takes the resource's name.
		{[]string{"/api/connector-factories/{factoryId}"}, "factoryId", "connectorFactoryId"},
		{[]string{"/api/v1/organizations/{org_code}"}, "org_code", "organizationCode"},
		{[]string{"/api/v1/organization/{org_code}"}, "org_code", "organizationCode"},
		{[]string{"/api/v1/applications/{app_id}"}, "app_id", "applicationId"},
		{[]string{"/api/v1/api_keys/{key_id}"}, "key_id", "apiKeyId"},
		{[]string{"/api/saml-applications/{samlId}"}, "samlId", "samlApplicationId"},
		// Joined to the resource before it, it names another resource.
		{[]string{"/api/connector-factories", "/api/connectors/{factoryId}/test"}, "factoryId", "connectorFactoryId"},
		// A name that names no resource is qualified when used under several.
		{[]string{"/api/configs/oidc/{keyType}/{keyId}"}, "keyId", "keyId"},
		{[]string{"/api/applications/{id}/secrets/{name}", "/api/users/{userId}/personal-access-tokens/{name}"}, "name", "personalAccessTokenName"},
		{[]string{"/api/users/{userId}/personal-access-tokens/{name}", "/api/applications/{id}/secrets/{name}"}, "name", "secretName"},
		{[]string{"/environment/logos/{type}", "/organizations/{org_code}/logos/{type}"}, "type", "type"},
		{[]string{"/{name}", "/a/{name}"}, "name", "name"},
		{[]string{"/api/email-domains/{emailDomain}"}, "emailDomain", "emailDomain"},
		{[]string{"/api/email/send/{emailTemplateId}", "/api/email/template/{emailTemplateId}"}, "emailTemplateId", "emailTemplateId"},
		{[]string{"/api/applications/{id}/secrets/{secretId}", "/api/roles/{id}/secrets/{secretId}"}, "secretId", "secretId"},
		{[]string{"/api/configs/oidc/{keyId}", "/api/applications/{id}/private/{keyId}"}, "keyId", "privateKeyId"},
		{[]string{"/v1/allowlist_identifiers/{identifier_id}", "/v1/blocklist_identifiers/{identifier_id}"}, "identifier_id", "blocklistIdentifierId"},
	}
	for _, tt := range tests {
		idx := indexPaths(tt.paths)
		path := tt.paths[len(tt.paths)-1]
		segments := strings.Split(path, "/")
		at := -1
		for i, s := range segments {
			if s == "{"+tt.param+"}" {
				at = i
			}
		}
		if got := idx.meaning(segments, at, tt.param); got != tt.want {
			t.Errorf("meaning(%q, %q) = %q, want %q", path, tt.param, got, tt.want)
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
