package openapi

import "testing"

func TestEscapePath(t *testing.T) {
	for in, want := range map[string]string{
		"/things/{thingId}":     "/things/{thingId}",
		"/café":                 "/caf%C3%A9",
		"/a b/{id}":             "/a%20b/{id}",
		"/a|b^c":                "/a%7Cb%5Ec",
		`/"q"\<x>` + "`":        "/%22q%22%5C%3Cx%3E%60",
		"/already%20encoded":    "/already%20encoded",
		"/tab\there":            "/tab%09here",
		"/ok-._~!$&'()*+,;=:@?": "/ok-._~!$&'()*+,;=:@?",
	} {
		if got := escapePath(in); got != want {
			t.Errorf("escapePath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestParseEscapesPaths: a document's path with a space or a character past ASCII becomes a
// request whose path is percent-encoded, named as the document writes it, with its {name} kept.
func TestParseEscapesPaths(t *testing.T) {
	doc, err := Parse([]byte(`openapi: 3.0.3
info: {title: T, version: "1"}
servers: [{url: "https://api.example.com"}]
paths:
  /café/{id}:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
  /a b:
    get:
      responses: {"200": {description: ok}}
`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range doc.Folders {
		for _, r := range f.Requests {
			got[r.Path] = r.Name
			if r.Path == "/caf%C3%A9/{id}" && (len(r.PathParams) != 1 || r.PathParams[0].Name != "id") {
				t.Errorf("%s: path parameters %+v", r.Path, r.PathParams)
			}
		}
	}
	for _, path := range []string{"/caf%C3%A9/{id}", "/a%20b"} {
		if _, ok := got[path]; !ok {
			t.Errorf("no request at %s among %v", path, got)
		}
	}
}
