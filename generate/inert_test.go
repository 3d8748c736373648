package generate

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/apimodel"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
)

func TestInertJSONKeepsTheValue(t *testing.T) {
	for _, body := range []string{`{"name":"{{clientSecret}}"}`, `{"a":"{{{x}}}","{{k}}":["{{"]}`, `{"plain":"value"}`} {
		out := inertJSON(body)
		if strings.Contains(out, "{{") {
			t.Errorf("inertJSON(%s) = %s, still holds {{", body, out)
		}
		var want, got any
		if err := json.Unmarshal([]byte(body), &want); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("inertJSON(%s) = %s, not JSON: %v", body, out, err)
		}
		if a, b := mustJSON(t, want), mustJSON(t, got); a != b {
			t.Errorf("inertJSON(%s) reads as %s", body, b)
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestInertURLPart(t *testing.T) {
	if got := inertURLPart("{{clientSecret}}"); got != "%7B%7BclientSecret%7D%7D" {
		t.Errorf("inertURLPart = %q", got)
	}
	if got := inertURLPart("plain"); got != "plain" {
		t.Errorf("inertURLPart = %q", got)
	}
}

// A document's examples never become Postman variables, and its path parameters never take
// the names of the collection's own variables.
func TestDocumentTextStaysData(t *testing.T) {
	api := &apimodel.API{
		Folders: []apimodel.Folder{{Name: "F", Requests: []apimodel.Request{{
			Name: "R", Method: "POST", Path: "/things/{client_secret}/{audience}",
			PathParams: []apimodel.PathParam{{Name: "client_secret", Variable: "clientSecret"}, {Name: "audience", Variable: "audience"}},
			Query:      []apimodel.Param{{Name: "q", Value: "{{clientSecret}}"}},
			Headers:    []apimodel.Param{{Name: "X-Echo", Value: "{{clientSecret}}"}, {Name: "{{clientSecret}}", Value: "x"}},
			Body:       `{"name":"{{clientSecret}}"}`, ContentType: "application/json",
		}}}},
		Variables: []apimodel.Variable{{Name: "audience"}, {Name: "clientSecret"}, {Name: "clientSecretParam"}},
	}
	p := resolve(t, profile.Options{Provider: "kinde", Tenant: "acme", ClientID: "id", API: api})
	c, warnings, err := Build(p)
	if err != nil {
		t.Fatal(err)
	}
	data, err := postman.Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	var col struct {
		Item []struct {
			Item []json.RawMessage `json:"item"`
		} `json:"item"`
		Variable []struct{ Key string } `json:"variable"`
	}
	if err := json.Unmarshal(data, &col); err != nil {
		t.Fatal(err)
	}
	request := string(col.Item[0].Item[0])
	for _, bad := range []string{"{{clientSecret}}", "{{audience}}"} {
		if strings.Contains(request, bad) {
			t.Errorf("the request refers to %s:\n%s", bad, request)
		}
	}
	for _, want := range []string{`{{clientSecretParam2}}`, `{{audienceParam}}`, `%7B%7BclientSecret%7D%7D`, `\\u007b`} {
		if !strings.Contains(request, want) {
			t.Errorf("the request lacks %s:\n%s", want, request)
		}
	}
	seen := map[string]bool{}
	for _, v := range col.Variable {
		if seen[v.Key] {
			t.Errorf("variable %s defined twice", v.Key)
		}
		seen[v.Key] = true
	}
	if got := strings.Join(warnings, "\n"); !strings.Contains(got, "it is clientSecretParam2") || !strings.Contains(got, "it is audienceParam") ||
		!strings.Contains(got, `header "{{clientSecret}}" left out`) || !strings.Contains(got, `example of header "X-Echo" left out`) {
		t.Errorf("warnings:\n%s", got)
	}
}

// Form fields and text bodies that are not JSON never carry a template either: a field whose
// name holds one is left out, a field's example or a text body holding one is written empty.
func TestFormAndTextBodiesStayData(t *testing.T) {
	api := &apimodel.API{Folders: []apimodel.Folder{{Name: "F", Requests: []apimodel.Request{
		{Name: "Form", Method: "POST", Path: "/form", ContentType: "application/x-www-form-urlencoded", BodyKind: apimodel.BodyURLEncoded,
			Fields: []apimodel.FormField{{Name: "secret", Value: "{{clientSecret}}"}, {Name: "{{clientId}}", Value: "x"}, {Name: "plain", Value: "kept", Optional: true}}},
		{Name: "Upload", Method: "POST", Path: "/upload", ContentType: "multipart/form-data", BodyKind: apimodel.BodyMultipart,
			Fields: []apimodel.FormField{{Name: "file", File: true}, {Name: "note", Value: "a {{accessToken}} b"}}},
		{Name: "Text", Method: "POST", Path: "/text", ContentType: "text/plain", Body: "say {{clientSecret}}"},
	}}}}
	p := resolve(t, profile.Options{Provider: "generic", TokenURL: "https://id.example.com/token", API: api})
	c, warnings, err := Build(p)
	if err != nil {
		t.Fatal(err)
	}
	data, err := postman.Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	var col struct {
		Item []struct {
			Item []struct {
				Request struct {
					Header []struct{ Key, Value string }
					Body   struct {
						Mode                 string
						Raw                  string
						URLEncoded, FormData []map[string]any
					}
				}
			}
		}
	}
	if err := json.Unmarshal(data, &col); err != nil {
		t.Fatal(err)
	}
	items := col.Item[0].Item
	requests, err := json.Marshal(items)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(requests), "{{") {
		t.Errorf("a document's text became a template:\n%s", requests)
	}
	form := items[0].Request.Body
	if form.Mode != "urlencoded" || len(form.URLEncoded) != 2 || form.URLEncoded[0]["value"] != "" || form.URLEncoded[1]["value"] != "kept" ||
		form.URLEncoded[1]["disabled"] != true || len(items[0].Request.Header) != 0 {
		t.Errorf("form body %+v, headers %+v", form, items[0].Request.Header)
	}
	upload := items[1].Request.Body
	if upload.Mode != "formdata" || len(upload.FormData) != 2 || upload.FormData[0]["type"] != "file" || upload.FormData[1]["value"] != "" ||
		len(items[1].Request.Header) != 0 {
		t.Errorf("multipart body %+v, headers %+v", upload, items[1].Request.Header)
	}
	text := items[2].Request
	if text.Body.Mode != "raw" || text.Body.Raw != "" || len(text.Header) != 1 || text.Header[0].Value != "text/plain" {
		t.Errorf("text body %+v, headers %+v", text.Body, text.Header)
	}
	got := strings.Join(warnings, "\n")
	for _, want := range []string{`example of form field "secret" left out`, `form field "{{clientId}}" left out`,
		`example of form field "note" left out`, `request "Text": the example body left out`} {
		if !strings.Contains(got, want) {
			t.Errorf("no warning %q in:\n%s", want, got)
		}
	}
}
