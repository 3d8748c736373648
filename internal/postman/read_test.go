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
	auth, err := c.Auth()
	if err != nil {
		t.Fatal(err)
	}
	values := AuthValues(auth)
	if string(auth.Type) != AuthTypeOAuth2 || values[AuthAccessTokenURL] != "{{domain}}/oauth2/token" || values[AuthUseBrowser] != false {
		t.Errorf("collection auth = %+v", values)
	}
	vars, err := c.Variables()
	if err != nil || vars[0].Value != "3" || vars[1].Name() != "legacy" || !vars[1].Disabled {
		t.Errorf("variables = %+v, %v", vars, err)
	}
	folder := c.Items()[0]
	folderAuth, err := folder.Auth()
	if err != nil || !folder.IsFolder() || folder.Description() != "about it" || string(folderAuth.Type) != AuthTypeNoAuth {
		t.Fatalf("folder = %+v, %v", folder, err)
	}
	public := request(t, folder.Items()[0])
	if public.URL.Raw != "{{domain}}/api/status" || public.Method != "POST" {
		t.Errorf("public request = %+v %+v", public, public.URL)
	}
	own := request(t, c.Items()[1])
	params, err := DecodeTokenRequestParams(AuthValues(own.Auth)[AuthTokenRequestParams])
	if err != nil || len(params) != 1 || params[0].Key != "resource" || !params[0].Enabled || params[0].SendAs != SendAsBody {
		t.Errorf("request-level tokenRequestParams = %+v, %v", params, err)
	}
	if bare := request(t, c.Items()[2]); bare.URL.Raw != "https://example.com/x" || bare.Method != "GET" {
		t.Errorf("bare request = %+v", bare)
	}
	if odd := request(t, c.Items()[3]); odd.Method != "PROPFIND" {
		t.Errorf("method = %q, want PROPFIND", odd.Method)
	}
}

// request is n's request, which the test needs.
func request(t *testing.T, n *Node) *Request {
	t.Helper()
	req, err := n.Request()
	if err != nil || req == nil {
		t.Fatalf("item %q: request %v, %v", n.Name(), req, err)
	}
	return req
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
	if err := c.SetAuth(&Auth{Type: "oauth2", OAuth2: []*AuthParam{{Key: AuthClientID, Value: Ref(VarClientID), Type: "string"}}}); err != nil {
		t.Fatal(err)
	}
	want := Variable{Key: VarClientID, Value: "app", Type: "string"}
	if err := c.SetVariables([]Variable{want}); err != nil {
		t.Fatal(err)
	}
	u, err := VariableURL(VarBaseURL, "/api/users?page=1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddFolder("Users").AddItem(&Item{Name: "List", Request: &Request{URL: u, Method: "GET"}}); err != nil {
		t.Fatal(err)
	}
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
	auth, _ := back.Auth()
	vars, _ := back.Variables()
	if AuthValues(auth)[AuthClientID] != "{{clientId}}" || len(vars) != 1 || vars[0] != want {
		t.Errorf("read back auth %+v, variables %+v", auth, vars)
	}
	if got := request(t, back.Items()[0].Items()[0]).URL.Raw; got != "{{baseUrl}}/api/users?page=1" {
		t.Errorf("URL = %q", got)
	}
	if !bytes.Equal(again, data) {
		t.Errorf("re-encoded:\n%s\nwant\n%s", again, data)
	}
}

// An environment that cannot be read is spoken of as an environment.
func TestReadEnvironmentErrors(t *testing.T) {
	tests := []struct {
		file, want string
		is         error
	}{
		{`{"values": 3}`, "not a Postman environment: json: cannot unmarshal", ErrNotEnvironment},
		{`{"values": [{"key": 1}]}`, "not a Postman environment: json: cannot unmarshal", ErrNotEnvironment},
		{`{"name": "e"}`, "not a Postman environment: it has no values", ErrNotEnvironment},
		{`[]`, "not a Postman environment", ErrNotEnvironment},
		{`{`, "not JSON", ErrNotJSON},
		{`{"info": {}}`, "this is a Postman collection, not an environment", ErrIsCollection},
	}
	for _, tt := range tests {
		_, err := ReadEnvironment(strings.NewReader(tt.file))
		if !errors.Is(err, tt.is) || !strings.HasPrefix(err.Error(), tt.want) || strings.Contains(err.Error(), "collection") && tt.is != ErrIsCollection {
			t.Errorf("%s: error %v, want %q", tt.file, err, tt.want)
		}
	}
	if _, err := ReadCollection(strings.NewReader(`{"item": []}`)); err == nil || err.Error() != "not a Postman collection: it has no info" {
		t.Errorf("collection without info: error %v", err)
	}
}

// TestReadWithByteOrderMark: a file that starts with a UTF-8 byte order mark, as some Postman
// exports and Windows editors write it, reads as the same file without it.
func TestReadWithByteOrderMark(t *testing.T) {
	const file = `{"info":{"name":"x","schema":"` + SchemaURL + `"},"item":[],"variable":[{"key":"a","value":"1"}]}`
	c, err := ReadCollection(strings.NewReader("\xef\xbb\xbf" + file))
	if err != nil {
		t.Fatalf("ReadCollection with a byte order mark: %v", err)
	}
	if c.Name() != "x" {
		t.Errorf("name %q, want x", c.Name())
	}
	env, err := ReadEnvironment(strings.NewReader("\xef\xbb\xbf" + `{"name":"e","values":[{"key":"k","value":"v","enabled":true}]}`))
	if err != nil || len(env.Values) != 1 {
		t.Errorf("ReadEnvironment with a byte order mark = %+v, %v", env, err)
	}
}
