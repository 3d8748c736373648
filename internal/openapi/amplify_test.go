package openapi

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
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
