package openapi

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/apimodel"
)

// amplifying is a document of about 2 MiB whose one long parameter description every one of its
// 300 operations references: 600 MiB of text once the requests are built.
func amplifying() []byte {
	var b strings.Builder
	b.WriteString(`{"openapi":"3.0.3","info":{"title":"big","version":"1"},"servers":[{"url":"https://api.example.com"}],`)
	b.WriteString(`"components":{"parameters":{"P":{"name":"q","in":"query","schema":{"type":"string"},"description":"`)
	b.WriteString(strings.Repeat("x", 2<<20))
	b.WriteString(`"}}},"paths":{`)
	for i := range 300 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"/r%d":{"get":{"parameters":[{"$ref":"#/components/parameters/P"}],"responses":{"200":{"description":"ok"}}}}`, i)
	}
	b.WriteString("}}")
	return []byte(b.String())
}

func TestParseRefusesRequestsThatAmplifyTheDocument(t *testing.T) {
	data := amplifying()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	doc, err := Parse(data, Options{})
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) || doc != nil {
		t.Fatalf("Parse = %v, %v; want ErrTooLarge", doc, err)
	}
	if !strings.Contains(err.Error(), "300 requests hold 600 MiB of text") {
		t.Errorf("error %q does not say how much text the requests hold", err)
	}
	// The strings are shared, not copied: refusing costs a few times the document.
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
		t.Errorf("refusing allocated %d MiB", grew>>20)
	}
}

func TestParseTextCapIsAnOption(t *testing.T) {
	if _, err := Parse([]byte(minimal), Options{MaxText: 4}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Parse with MaxText 4 = %v, want ErrTooLarge", err)
	}
	if _, err := Parse([]byte(minimal), Options{}); err != nil {
		t.Errorf("Parse with the default cap: %v", err)
	}
}

// TestParseSchemasPastTheTextCap checks that answers' schemas which, with the requests' text,
// pass the cap are left out with a warning, and the requests kept.
func TestParseSchemasPastTheTextCap(t *testing.T) {
	whole, err := Parse([]byte(answersYAML), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(whole.Schemas) == 0 {
		t.Fatal("the document's answers have no schemas")
	}
	text := apimodel.TextSize(whole.Folders)
	all := text + schemasSize(whole.Schemas)
	kept, err := Parse([]byte(answersYAML), Options{MaxText: all})
	if err != nil || !reflect.DeepEqual(kept.Schemas, whole.Schemas) {
		t.Fatalf("at a cap of text and schemas: %v, schemas %d of %d", err, len(kept.Schemas), len(whole.Schemas))
	}
	lean, err := Parse([]byte(answersYAML), Options{MaxText: all - 1})
	if err != nil {
		t.Fatalf("one byte under text and schemas: %v", err)
	}
	if lean.Schemas != nil {
		t.Errorf("schemas kept past the cap: %d", len(lean.Schemas))
	}
	requests := 0
	for _, f := range lean.Folders {
		for _, r := range f.Requests {
			requests++
			if r.Responses != nil {
				t.Errorf("%s %s keeps its answers without schemas", r.Method, r.Path)
			}
		}
	}
	if requests == 0 || apimodel.TextSize(lean.Folders) != text {
		t.Errorf("the requests changed: %d, text %d bytes, want %d", requests, apimodel.TextSize(lean.Folders), text)
	}
	if !slices.ContainsFunc(lean.Warnings, func(w string) bool { return strings.HasPrefix(w, "no contract tests: the answers' schemas hold") }) {
		t.Errorf("no warning says why: %q", lean.Warnings)
	}
	if _, err := Parse([]byte(answersYAML), Options{MaxText: text - 1}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("under the requests' own text: %v, want ErrTooLarge", err)
	}
}
