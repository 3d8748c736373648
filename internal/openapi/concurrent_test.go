package openapi

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestParseConcurrent parses in several goroutines at once; run it with
// -race. The library keeps some caches in package variables.
func TestParseConcurrent(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "store-3.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	first, err := Parse(data, Options{Tenant: "acme"})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(first)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			doc, err := Parse(data, Options{Tenant: "acme"})
			if err != nil {
				t.Error(err)
				return
			}
			if got, _ := json.Marshal(doc); string(got) != string(want) {
				t.Error("a concurrent parse differs")
			}
		}()
	}
	wg.Wait()
}
