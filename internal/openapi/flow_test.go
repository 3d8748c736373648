package openapi

import (
	"slices"
	"testing"

	"github.com/gen-postman/gen-postman/internal/apimodel"
)

// flowDoc lists its operations out of a run's order, in two folders, the first of which needs
// the id the second's create fills. Of two deletes with as many path parameters, the one of the
// longer path goes first: a role's members before the role.
const flowDoc = `{
  "openapi": "3.0.3",
  "info": {"title": "flow", "version": "1"},
  "paths": {
    "/roles/{id}/users/{userId}": {"delete": {"tags": ["Roles"], "summary": "Remove a user from a role"}},
    "/roles/{id}": {"delete": {"tags": ["Roles"], "summary": "Delete a role"},
      "patch": {"tags": ["Roles"], "summary": "Update a role"},
      "get": {"tags": ["Roles"], "summary": "Get a role"}},
    "/roles/{id}/members": {"delete": {"tags": ["Roles"], "summary": "Remove all members"}},
    "/roles": {"post": {"tags": ["Roles"], "summary": "Create a role"}, "get": {"tags": ["Roles"], "summary": "List roles"}},
    "/users": {"post": {"tags": ["Users"], "summary": "Create a user"}},
    "/users/{userId}": {"get": {"tags": ["Users"], "summary": "Get a user"}},
    "/kinds/{kind}": {"get": {"tags": ["Users"], "summary": "Get a kind",
      "parameters": [{"name": "kind", "in": "path", "required": true, "schema": {"type": "string", "enum": ["a", "b"]}}]}},
    "/kinds": {"get": {"tags": ["Users"], "summary": "List kinds"}}
  },
  "tags": [{"name": "Roles"}, {"name": "Users"}]
}`

func TestARunFlows(t *testing.T) {
	doc, err := Parse([]byte(flowDoc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var folders []string
	var order []string
	fills := map[string][]apimodel.Fill{}
	for _, f := range doc.Folders {
		folders = append(folders, f.Name)
		for _, r := range f.Requests {
			order = append(order, r.Name)
			fills[r.Name] = r.Fills
		}
	}
	// Roles needs userId, which only Users' create fills: Users goes first.
	if want := []string{"Users", "Roles"}; !slices.Equal(folders, want) {
		t.Errorf("folders %v, want %v", folders, want)
	}
	want := []string{"List kinds", "Create a user", "Get a user", "Get a kind",
		"List roles", "Create a role", "Get a role", "Update a role", "Remove a user from a role", "Remove all members", "Delete a role"}
	if !slices.Equal(order, want) {
		t.Errorf("requests in the order\n%v, want\n%v", order, want)
	}
	for name, want := range map[string][]apimodel.Fill{
		"List roles":    {{Variable: "roleId", Fields: []string{"id", "role_id", "roleId"}}},
		"Create a role": {{Variable: "roleId", Fields: []string{"id", "role_id", "roleId"}, Created: true}},
		"Create a user": {{Variable: "userId", Fields: []string{"userId", "id"}, Created: true}},
		"List kinds":    nil, // kind is a choice among the enum's values, not an id
		"Get a role":    nil,
	} {
		if got := fills[name]; !slices.EqualFunc(got, want, func(a, b apimodel.Fill) bool {
			return a.Variable == b.Variable && slices.Equal(a.Fields, b.Fields) && a.Created == b.Created
		}) {
			t.Errorf("%s fills %+v, want %+v", name, got, want)
		}
	}
}
