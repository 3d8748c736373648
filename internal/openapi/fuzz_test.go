package openapi

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/gen-postman/gen-postman/internal/apimodel"
)

// FuzzParse checks that Parse never panics, refuses with a sentinel, and
// gives the same well-formed model twice.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	yamls, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	for _, name := range append(files, yamls...) {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(minimal))
	f.Add([]byte(schemas("A", []string{`"A":{"$ref":"#/components/schemas/B"}`, `"B":{"$ref":"#/components/schemas/A"}`})))
	f.Add([]byte(`{"swagger":"2.0"}`))
	f.Add([]byte("openapi: 3.1.0\npaths:\n  /{id}/{id}:\n    get: {security: [{}]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse(data, Options{MaxSize: 1 << 20})
		if err != nil {
			if !knownError(err) {
				t.Fatalf("error without a sentinel: %v", err)
			}
			return
		}
		again, err := Parse(data, Options{MaxSize: 1 << 20})
		if err != nil {
			t.Fatalf("second Parse failed: %v", err)
		}
		a, _ := json.Marshal(doc)
		b, _ := json.Marshal(again)
		if string(a) != string(b) {
			t.Fatalf("two parses differ")
		}
		names, declared := map[string]bool{}, map[string]bool{}
		for _, v := range doc.Variables {
			declared[v.Name] = true
		}
		for _, folder := range doc.Folders {
			for _, r := range folder.Requests {
				if names[r.Name] {
					t.Fatalf("name %q repeated", r.Name)
				}
				names[r.Name] = true
				if r.Body != "" && isJSON(r.ContentType) && !json.Valid([]byte(r.Body)) {
					t.Fatalf("body is not JSON: %q", r.Body)
				}
				checkBodyKind(t, r)
				occurrences := 0
				apimodel.RewritePath(r.Path, func(apimodel.Occurrence) string { occurrences++; return "" })
				if occurrences != len(r.PathParams) {
					t.Fatalf("%s: %d path parameters for %d occurrences", r.Path, len(r.PathParams), occurrences)
				}
				for _, p := range r.PathParams {
					if !declared[p.Variable] {
						t.Fatalf("path parameter %q stands for %q, which is not a variable", p.Name, p.Variable)
					}
				}
			}
		}
	})
}

func knownError(err error) bool {
	for _, e := range []error{ErrTooLarge, ErrNotOpenAPI, ErrUnsupportedVersion, ErrNoOperations, ErrInvalidTenant, ErrBadPath} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// checkBodyKind fails when a request's body is held in a way its kind does not allow.
func checkBodyKind(t *testing.T, r Request) {
	t.Helper()
	form := r.BodyKind == apimodel.BodyURLEncoded || r.BodyKind == apimodel.BodyMultipart
	switch {
	case r.HasBody() && r.ContentType == "":
		t.Fatalf("%s: a body without a media type", r.Name)
	case form && (r.Body != "" || len(r.Fields) == 0):
		t.Fatalf("%s: a %s form with text or no fields", r.Name, r.BodyKind)
	case !form && len(r.Fields) > 0:
		t.Fatalf("%s: fields in a %q body", r.Name, r.BodyKind)
	case r.BodyKind == apimodel.BodyFile && r.Body != "":
		t.Fatalf("%s: a file body with text", r.Name)
	}
	for _, f := range r.Fields {
		if f.File && (r.BodyKind != apimodel.BodyMultipart || f.Value != "") {
			t.Fatalf("%s: file field %q in a %s form or with a value", r.Name, f.Name, r.BodyKind)
		}
	}
}
