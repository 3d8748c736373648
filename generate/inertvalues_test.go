package generate

import (
	"testing"

	"github.com/gen-postman/gen-postman/internal/apimodel"
	"github.com/gen-postman/gen-postman/internal/profile"
)

// TestVariableValuesStayData: a path parameter's example, default or first enum value that
// names one of the collection's variables ({{clientSecret}}, {{privateKey}}) is written as
// the variable's value with its braces percent-encoded, so that Postman sends the text the
// document wrote and never expands it; nor does a scope the document names. (A server URL
// holding braces is refused as it is read.)
func TestVariableValuesStayData(t *testing.T) {
	api := &apimodel.API{
		Scopes: []string{"read:{{clientSecret}}"},
		Folders: []apimodel.Folder{{Name: "F", Requests: []apimodel.Request{{
			Name: "R", Method: "GET", Path: "/items/{itemId}/keys/{keyRef}",
			PathParams: []apimodel.PathParam{{Name: "itemId", Variable: "itemId"}, {Name: "keyRef", Variable: "keyRef"}},
		}}}},
		Variables: []apimodel.Variable{{Name: "itemId", Value: "{{clientSecret}}"}, {Name: "keyRef", Value: "a{{privateKey}}b"}},
	}
	for _, opts := range []profile.Options{
		{Provider: "generic", TokenURL: "https://id.example.com/token", ClientID: "id", ClientSecret: "s3cret", API: api},
		{Provider: "generic", TokenURL: "https://id.example.com/token", ClientID: "id", ClientKey: testClientKey(t), API: api},
	} {
		p := resolve(t, opts)
		c, _, err := Build(p)
		if err != nil {
			t.Fatal(err)
		}
		vars, err := c.Variables()
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vars {
			if holdsTemplate(v.Value) {
				t.Errorf("variable %s = %q: Postman would expand it", v.Key, v.Value)
			}
		}
		want := map[string]string{"itemId": "%7B%7BclientSecret%7D%7D", "keyRef": "a%7B%7BprivateKey%7D%7Db"}
		for _, v := range vars {
			if w, ok := want[v.Key]; ok && v.Value != w {
				t.Errorf("variable %s = %q, want %q", v.Key, v.Value, w)
			}
		}
		for _, v := range NewEnvironment(p, EnvironmentOptions{}).Values {
			if v.Type != "secret" && holdsTemplate(v.Value) {
				t.Errorf("environment value %s = %q: Postman would expand it", v.Key, v.Value)
			}
		}
	}
}
