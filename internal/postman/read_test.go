package postman

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// A collection as the app exports it, in the v2.0 object form, with auth at every level.
const handMade = `{
  "info": {"name": "Hand made", "schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"},
  "auth": {"type": "oauth2", "oauth2": {"grant_type": "client_credentials", "accessTokenUrl": "{{domain}}/oauth2/token", "useBrowser": false}},
  "variable": [{"key": "n", "value": 3}, {"id": "legacy", "value": "x", "disabled": true}],
  "item": [
    {"name": "Folder", "description": {"content": "about it"}, "auth": {"type": "noauth"},
     "item": [{"name": "Public", "request": {"method": "post", "url": {"host": ["{{domain}}"], "path": ["api", "status"]}}}]},
    {"name": "Own auth", "request": {"url": "https://acme.logto.app/api/applications",
      "auth": {"type": "oauth2", "oauth2": [{"key": "accessTokenUrl", "value": "https://acme.logto.app/oidc/token", "type": "string"},
        {"key": "tokenRequestParams", "value": [{"key": "resource", "value": "https://acme.logto.app/api", "send_as": "request_body"}], "type": "any"}]}}},
    {"name": "Bare", "request": "https://example.com/x"},
    {"name": "Odd method", "request": {"method": "PROPFIND", "url": "https://example.com/dav"}}
  ]
}`

func TestReadCollection(t *testing.T) {
	c, err := ReadCollection(strings.NewReader(handMade))
	if err != nil {
		t.Fatal(err)
	}
	values := AuthValues(c.Auth)
	if string(c.Auth.Type) != AuthTypeOAuth2 || values[AuthAccessTokenURL] != "{{domain}}/oauth2/token" || values[AuthUseBrowser] != false {
		t.Errorf("collection auth = %+v", values)
	}
	if c.Variable[0].Value != "3" || c.Variable[1].Name() != "legacy" || !c.Variable[1].Disabled {
		t.Errorf("variables = %+v", c.Variable)
	}
	folder, ok := c.Items[0].(*ItemGroup)
	if !ok || folder.Description != "about it" || string(folder.Auth.Type) != AuthTypeNoAuth {
		t.Fatalf("folder = %+v", c.Items[0])
	}
	public := folder.Items[0].(*Item)
	if public.Request.URL.Raw != "{{domain}}/api/status" || public.Request.Method != "POST" {
		t.Errorf("public request = %+v %+v", public.Request, public.Request.URL)
	}
	own := c.Items[1].(*Item)
	params, err := DecodeTokenRequestParams(AuthValues(own.Request.Auth)[AuthTokenRequestParams])
	if err != nil || len(params) != 1 || params[0].Key != "resource" || !params[0].Enabled || params[0].SendAs != SendAsBody {
		t.Errorf("request-level tokenRequestParams = %+v, %v", params, err)
	}
	if bare := c.Items[2].(*Item); bare.Request.URL.Raw != "https://example.com/x" || bare.Request.Method != "GET" {
		t.Errorf("bare request = %+v", bare.Request)
	}
	if odd := c.Items[3].(*Item); odd.Request.Method != "PROPFIND" {
		t.Errorf("method = %q, want PROPFIND", odd.Request.Method)
	}
}

func TestReadRefusesWhatIsNotACollection(t *testing.T) {
	tests := []struct {
		name, file string
		want       error
	}{
		{"not JSON", "not json", ErrNotJSON},
		{"an environment", `{"values": []}`, ErrIsEnvironment},
		{"no info", `{}`, ErrNotCollection},
		{"items of the wrong shape", `{"info": {}, "item": [3]}`, ErrNotCollection},
		{"auth params of the wrong shape", `{"info": {}, "auth": {"type": "oauth2", "oauth2": 3}}`, ErrNotCollection},
		{"too large", `{"info": {}, "x": "` + strings.Repeat("a", MaxFileSize) + `"}`, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ReadCollection(strings.NewReader(tt.file)); !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := ReadEnvironment(strings.NewReader(`{"info": {}}`)); !errors.Is(err, ErrIsCollection) {
		t.Errorf("environment: error %v, want ErrIsCollection", err)
	}
}

// What is written reads back the same.
func TestRoundTrip(t *testing.T) {
	c := NewCollection("rt", "d")
	c.Auth = &Auth{Type: "oauth2", OAuth2: []*AuthParam{{Key: AuthClientID, Value: Ref(VarClientID), Type: "string"}}}
	c.Variable = []Variable{{Key: VarClientID, Value: "app", Type: "string"}}
	u, err := VariableURL(VarBaseURL, "/api/users?page=1")
	if err != nil {
		t.Fatal(err)
	}
	c.AddItemGroup("Users").AddItem(&Item{Name: "List", Request: &Request{URL: u, Method: "GET"}})
	data, err := Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ReadCollection(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	again, err := Encode(back)
	if err != nil {
		t.Fatal(err)
	}
	if AuthValues(back.Auth)[AuthClientID] != "{{clientId}}" || back.Variable[0] != c.Variable[0] {
		t.Errorf("read back %+v", back)
	}
	if got := back.Items[0].(*ItemGroup).Items[0].(*Item).Request.URL.Raw; got != "{{baseUrl}}/api/users?page=1" {
		t.Errorf("URL = %q", got)
	}
	if !bytes.Contains(again, []byte(`"raw": "{{baseUrl}}/api/users?page=1"`)) {
		t.Errorf("re-encoded:\n%s", again)
	}
}
