package generate

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/apimodel"
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
	c, warnings, err := build(p)
	if err != nil {
		t.Fatal(err)
	}
	data, err := Encode(c)
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
