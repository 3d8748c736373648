package openapi

import (
	"strings"
	"testing"
)

// conformDoc has bodies whose examples break their schemas, a oneOf whose first member matches
// both, and a pattern written between slashes, which no value matches.
const conformDoc = `{
  "openapi": "3.0.3",
  "info": {"title": "conform", "version": "1"},
  "paths": {
    "/pattern": {"post": {"requestBody": {"content": {"application/json": {
      "schema": {"type": "object", "required": ["phone", "id"], "properties": {
        "phone": {"type": "string", "pattern": "^[0-9]+$"},
        "id": {"type": "string", "readOnly": true}}},
      "example": {"phone": "+1 555"}}}}}},
    "/enum": {"post": {"requestBody": {"content": {"application/json": {
      "schema": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string", "enum": ["a", "b"]}}},
      "example": {"kind": "c"}}}}}},
    "/fits": {"post": {"requestBody": {"content": {"application/json": {
      "schema": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string", "enum": ["a", "b"]}}},
      "example": {"kind": "b"}}}}}},
    "/oneof": {"post": {"requestBody": {"content": {"application/json": {
      "schema": {"oneOf": [
        {"type": "object", "required": ["type", "code"], "properties": {"type": {"type": "string"}, "code": {"type": "string"}}},
        {"type": "object", "required": ["type"], "properties": {"type": {"type": "string"}}}]}}}}}},
    "/slashes": {"post": {"requestBody": {"content": {"application/json": {
      "schema": {"type": "object", "required": ["phone"], "properties": {"phone": {"type": "string", "pattern": "/^\\d+$/"}}}}}}}}
  }
}`

func TestBodiesMeetTheirSchemas(t *testing.T) {
	doc, err := Parse([]byte(conformDoc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]Request{}
	for _, f := range doc.Folders {
		for _, r := range f.Requests {
			byPath[r.Path] = r
		}
	}
	tests := []struct {
		path, body, unsatisfiable, description string
	}{
		{"/pattern", "{\n  \"phone\": \"1\"\n}", "", `breaks its own schema (body.phone: does not match the pattern "^[0-9]+$")`},
		{"/enum", "{\n  \"kind\": \"a\"\n}", "", "body.kind: is not one of the enum values"},
		{"/fits", "{\n  \"kind\": \"b\"\n}", "", ""},
		{"/oneof", "{\n  \"type\": \"example\"\n}", "", ""},
		{"/slashes", "{\n  \"phone\": \"example\"\n}", `body.phone: does not match the pattern "/^\\d+$/"`, "Not sent in a run"},
	}
	for _, tt := range tests {
		r := byPath[tt.path]
		if r.Body != tt.body {
			t.Errorf("%s: body %q, want %q", tt.path, r.Body, tt.body)
		}
		if tt.unsatisfiable == "" && r.Unsatisfiable != "" || !strings.Contains(r.Unsatisfiable, tt.unsatisfiable) {
			t.Errorf("%s: unsatisfiable %q, want %q", tt.path, r.Unsatisfiable, tt.unsatisfiable)
		}
		if tt.description == "" && strings.Contains(r.Description, "schema") || !strings.Contains(r.Description, tt.description) {
			t.Errorf("%s: description %q, want it to say %q", tt.path, r.Description, tt.description)
		}
	}
}
