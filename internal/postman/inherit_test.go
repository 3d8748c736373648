package postman

import (
	"slices"
	"strings"
	"testing"
)

// Auth as the app applies it: request, then folder, then collection; absent and inherit defer
// to the parent, noauth stops the search.
func TestAppliedRequests(t *testing.T) {
	const file = `{
  "info": {"name": "Inheritance"},
  "auth": {"type": "oauth2", "oauth2": [{"key": "accessTokenUrl", "value": "collection"}]},
  "item": [
    {"name": "Top", "request": {"url": "https://a.example/top"}},
    {"name": "Open", "auth": {"type": "noauth"}, "item": [
      {"name": "Public", "request": {"url": "https://a.example/public"}},
      {"name": "Own", "request": {"url": "https://a.example/own", "auth": {"type": "oauth2", "oauth2": {"accessTokenUrl": "own"}}}},
      {"name": "Inner", "auth": {"type": "inherit"}, "item": [{"name": "Deep", "request": {"url": "https://a.example/deep", "auth": null}}]}
    ]},
    {"name": "Folder", "auth": {"type": "oauth2", "oauth2": [{"key": "accessTokenUrl", "value": "folder"}]}, "item": [
      {"name": "Explicit inherit", "request": {"url": "https://a.example/x", "auth": {"type": "inherit"}}},
      {"name": "Basic", "request": {"url": "https://a.example/b", "auth": {"type": "basic", "basic": []}}},
      {"name": "No auth", "request": {"url": "https://a.example/n", "auth": {"type": "noauth"}}}
    ]},
    {"name": "Empty item"}
  ]
}`
	c, err := ReadCollection(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ name, auth, from string }
	var got []row
	for _, r := range c.AppliedRequests() {
		auth := "none"
		if r.Auth != nil {
			auth = string(r.Auth.Type)
			if v, ok := AuthValues(r.Auth)[AuthAccessTokenURL].(string); ok {
				auth += ":" + v
			}
		}
		from := "collection"
		if r.AuthFrom != nil {
			from = strings.Join(r.AuthFrom, "/")
		}
		got = append(got, row{r.Name(), auth, from})
	}
	want := []row{
		{"Top", "oauth2:collection", "collection"},
		{"Open/Public", "none", "Open"},
		{"Open/Own", "oauth2:own", "Open/Own"},
		{"Open/Inner/Deep", "none", "Open"},
		{"Folder/Explicit inherit", "oauth2:folder", "Folder"},
		{"Folder/Basic", "basic", "Folder/Basic"},
		{"Folder/No auth", "none", "Folder/No auth"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("applied auth\n got %v\nwant %v", got, want)
	}
}

func TestAppliedRequestsWithoutCollectionAuth(t *testing.T) {
	c, err := ReadCollection(strings.NewReader(`{"info": {}, "item": [{"name": "R", "request": "https://a.example/"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	reqs := c.AppliedRequests()
	if len(reqs) != 1 || reqs[0].Auth != nil {
		t.Errorf("requests %+v, want one without auth", reqs)
	}
}
