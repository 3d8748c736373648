package tokenrequest_test

import (
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/tokenrequest"
)

// TestCallFillsPathVariables: the request a bare --call makes has its :name segments filled
// from the URL's variables, as Postman fills them; an empty one is a problem named, not a
// request to another route.
func TestCallFillsPathVariables(t *testing.T) {
	collection := func(baseURL, applicationID string) string {
		return `{"info": {"name": "Apps"}, "auth": ` + oauth2Array("https://id.example.com/token", resourceParam("https://api.example.com")) + `,
			"variable": [{"key": "baseUrl", "value": "` + baseURL + `"}, {"key": "applicationId", "value": "` + applicationID + `"}],
			"item": [{"name": "Get an application", "request": {"method": "GET",
				"url": {"raw": "{{baseUrl}}/api/applications/:id", "host": ["{{baseUrl}}"], "path": ["api", "applications", ":id"],
					"variable": [{"key": "id", "value": "{{applicationId}}"}]}}}]}`
	}
	for _, tt := range []struct{ baseURL, applicationID, want string }{
		{"https://api.example.com", "app-1", "URL https://api.example.com/api/applications/app-1"},
		{"https://api.example.com", "", "problem its path variable :id is empty: set applicationId"},
		{"https://api.example.com/v1/", "", "problem its path variable :id is empty: set applicationId"}, // a base with a path of its own
	} {
		applicationID, want := tt.applicationID, tt.want
		c, err := tokenrequest.Load(strings.NewReader(collection(tt.baseURL, applicationID)), nil, "")
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		got := "URL " + c.Call.URL
		if c.Call.Problem != "" {
			got = "problem " + c.Call.Problem
		}
		if !strings.HasPrefix(got, want) {
			t.Errorf("applicationId %q: %s, want %s", applicationID, got, want)
		}
	}
}
