package openapi

import (
	"strings"
	"testing"
)

// A $ref to a schema the document does not define reads as an empty schema, with one
// warning per reference; the rest of the document converts as written.
func TestDanglingRef(t *testing.T) {
	const doc = `{
  "openapi": "3.0.3",
  "info": {"title": "t", "version": "1"},
  "paths": {
    "/things": {
      "post": {
        "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
        "responses": {}
      }
    }
  },
  "components": {
    "schemas": {
      "Thing": {
        "type": "object",
        "required": ["name", "value", "other"],
        "properties": {
          "name": {"type": "string"},
          "value": {"$ref": "#/components/schemas/missing"},
          "other": {"$ref": "#/components/schemas/missing"}
        }
      }
    }
  }
}`
	d, err := Parse([]byte(doc), Options{})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], `"#/components/schemas/missing", used 2 times`) {
		t.Errorf("warnings %q", d.Warnings)
	}
	body := d.Folders[0].Requests[0].Body
	if !strings.Contains(body, `"name": "example"`) || !strings.Contains(body, `"value"`) {
		t.Errorf("body %s", body)
	}
	clean := strings.ReplaceAll(doc, `{"$ref": "#/components/schemas/missing"}`, `{}`)
	want, err := Parse([]byte(clean), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want.Folders[0].Requests[0].Body != body {
		t.Errorf("body %s, want %s", body, want.Folders[0].Requests[0].Body)
	}
	if len(want.Warnings) != 0 {
		t.Errorf("warnings for a document read as written: %q", want.Warnings)
	}
}
