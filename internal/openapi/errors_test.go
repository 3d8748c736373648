package openapi

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// minimal is a valid document with one operation.
const minimal = `{"openapi":"3.0.3","info":{"title":"T","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"OK"}}}}}}`

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		opts Options
		want error
	}{
		{"empty", "", Options{}, ErrNotOpenAPI},
		{"blank", " \n\t", Options{}, ErrNotOpenAPI},
		{"not a document", "just words", Options{}, ErrNotOpenAPI},
		{"json array", "[1,2,3]", Options{}, ErrNotOpenAPI},
		{"no version", `{"info":{"title":"T"},"paths":{}}`, Options{}, ErrNotOpenAPI},
		{"swagger 1.2", `{"swagger":"1.2","info":{"title":"T","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"OK"}}}}}}`, Options{}, ErrUnsupportedVersion},
		{"no paths", `{"openapi":"3.0.0","info":{"title":"T","version":"1"}}`, Options{}, ErrNoOperations},
		{"empty paths", `{"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{}}`, Options{}, ErrNoOperations},
		{"path without operations", `{"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{"/a":{"summary":"x"}}}`, Options{}, ErrNoOperations},
		{"too large", minimal, Options{MaxSize: 10}, ErrTooLarge},
		{"deep nesting", strings.Repeat("[", 100000), Options{}, ErrNotOpenAPI},
		{"path without a slash", strings.Replace(minimal, `"/a"`, `"a"`, 1), Options{}, ErrBadPath},
		{"path with a Postman variable", strings.Replace(minimal, `"/a"`, `"/a/{{clientSecret}}"`, 1), Options{}, ErrBadPath},
		{"path with an unclosed brace", strings.Replace(minimal, `"/a"`, `"/a/{id/b"`, 1), Options{}, ErrBadPath},
		{"path with empty braces", strings.Replace(minimal, `"/a"`, `"/a/{}"`, 1), Options{}, ErrBadPath},
		{"path with a stray closing brace", strings.Replace(minimal, `"/a"`, `"/a/id}"`, 1), Options{}, ErrBadPath},
		{"tenant with a slash", minimal, Options{Tenant: "a/b"}, ErrInvalidTenant},
		{"tenant with a quote", minimal, Options{Tenant: `a"b`}, ErrInvalidTenant},
		{"tenant with an empty label", minimal, Options{Tenant: "a..b"}, ErrInvalidTenant},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse([]byte(tt.data), tt.opts)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Parse error = %v, want %v", err, tt.want)
			}
			if doc != nil {
				t.Errorf("Parse returned a document with an error")
			}
			if len(err.Error()) > 500 {
				t.Errorf("error message is %d bytes long", len(err.Error()))
			}
		})
	}
}

// TestParseTooLargeByDefault refuses a document one byte over DefaultMaxSize. The zeroed
// buffer's pages are never touched, so the test costs no memory.
func TestParseTooLargeByDefault(t *testing.T) {
	data := make([]byte, DefaultMaxSize+1)
	copy(data, minimal)
	if doc, err := Parse(data, Options{}); !errors.Is(err, ErrTooLarge) || doc != nil {
		t.Fatalf("Parse = %v, %v; want ErrTooLarge", doc, err)
	}
}

func TestParseMinimal(t *testing.T) {
	doc, err := Parse([]byte(minimal), Options{Tenant: "acme"})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Folders) != 1 || doc.Folders[0].Name != "Other" || doc.Folders[0].Requests[0].Name != "GET /a" {
		t.Errorf("unexpected model: %+v", doc)
	}
	if doc.Folders[0].Requests[0].Public {
		t.Errorf("an operation with no security declared anywhere is public")
	}
}

// schemas wraps component schemas and one POST operation whose body uses
// the schema named root.
func schemas(root string, components []string) string {
	return `{"openapi":"3.0.3","info":{"title":"T","version":"1"},"paths":{"/a":{"post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/` +
		root + `"}}}},"responses":{"200":{"description":"OK"}}}}},"components":{"schemas":{` + strings.Join(components, ",") + `}}}`
}

// TestParseHostile feeds documents built to exhaust the converter: each
// must either be refused with a clear error or give a bounded body.
func TestParseHostile(t *testing.T) {
	var chain, nested, cycle, wide []string
	for i := 0; i < 2000; i++ {
		chain = append(chain, fmt.Sprintf(`"S%d":{"$ref":"#/components/schemas/S%d"}`, i, i+1))
		nested = append(nested, fmt.Sprintf(`"N%d":{"type":"object","required":["a","b"],"properties":{"a":{"$ref":"#/components/schemas/N%d"},"b":{"$ref":"#/components/schemas/N%d"}}}`, i, i+1, i+1))
	}
	chain = append(chain, `"S2000":{"type":"string"}`)
	nested = append(nested, `"N2000":{"type":"string"}`)
	cycle = []string{`"A":{"$ref":"#/components/schemas/B"}`, `"B":{"$ref":"#/components/schemas/A"}`}
	var props []string
	for i := 0; i < 20000; i++ {
		props = append(props, fmt.Sprintf(`"p%d":{"type":"string","example":"%s"}`, i, strings.Repeat("x", 100)))
	}
	wide = []string{`"W":{"type":"object","properties":{` + strings.Join(props, ",") + `}}`}
	bomb := "openapi: 3.0.3\ninfo: {title: T, version: '1'}\nx-a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for i := 0; i < 9; i++ {
		name := fmt.Sprintf("b%d", i)
		bomb += fmt.Sprintf("x-%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n", name, name, prev, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = name
	}
	bomb += "paths:\n  /a:\n    post:\n      requestBody:\n        content:\n          application/json:\n            example: *" + prev + "\n      responses: {'200': {description: OK}}\n"

	tests := []struct {
		name string
		data string
	}{
		{"ref chain", schemas("S0", chain)},
		{"nested objects", schemas("N0", nested)},
		{"ref cycle", schemas("A", cycle)},
		{"wide object", schemas("W", wide)},
		{"alias bomb", bomb},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse([]byte(tt.data), Options{})
			if err != nil {
				if !errors.Is(err, ErrNotOpenAPI) {
					t.Fatalf("refused without a sentinel: %v", err)
				}
				t.Logf("refused: %v", err)
				return
			}
			body := doc.Folders[0].Requests[0].Body
			if len(body) > 2*maxBodyBytes {
				t.Errorf("body is %d bytes", len(body))
			}
			t.Logf("body of %d bytes", len(body))
		})
	}
}

// TestParseSaysWhyItIsNotOpenAPI: input that is not an OpenAPI document is refused in words a
// user reads, not the library's.
func TestParseSaysWhyItIsNotOpenAPI(t *testing.T) {
	for data, want := range map[string]string{
		"\x9e\x01\x02binary":                "not UTF-8 text (a binary file?)",
		"[1,2,3]":                           `no "openapi" or "swagger" field at its top level names a version`,
		"just words":                        `no "openapi" or "swagger" field at its top level names a version`,
		`{"info":{"title":"T"},"paths":{}}`: `no "openapi" or "swagger" field at its top level names a version`,
	} {
		_, err := Parse([]byte(data), Options{})
		if !errors.Is(err, ErrNotOpenAPI) || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "libopenapi") {
			t.Errorf("Parse(%q) = %v, want it to say %q", data, err, want)
		}
	}
}
