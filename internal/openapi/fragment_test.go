package openapi

import (
	"strings"
	"testing"
)

// A fragment tells apart operations on one path and is never sent: the request's path is the
// path without it, its parameters intact.
func TestPathFragmentIsNotSent(t *testing.T) {
	doc := strings.Replace(minimal, `"/a"`, `"/flows/{flowID}#clone+json"`, 1)
	d, err := Parse([]byte(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := d.Folders[0].Requests[0]
	if r.Path != "/flows/{flowID}" || len(r.PathParams) != 1 || r.PathParams[0].Name != "flowID" {
		t.Errorf("request path %q, parameters %+v; want /flows/{flowID} with flowID", r.Path, r.PathParams)
	}
}
