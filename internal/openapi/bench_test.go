package openapi

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParseStore parses the small document of testdata, which every
// checkout has. The Logto and Kinde benchmarks read the real documents from
// $GEN_POSTMAN_OPENAPI_DIR, by default ../shared/openapi beside the
// repository, and are skipped, saying so, where they are not:
//
//	go test -run '^$' -bench 'Parse' -benchmem ./internal/openapi/

func BenchmarkParseStore(b *testing.B) {
	benchmarkParse(b, filepath.Join("testdata", "store-3.0.json"))
}

func BenchmarkParseLogto(b *testing.B) { benchmarkRealDoc(b, "logto-management-api.cloud.json") }

func BenchmarkParseKinde(b *testing.B) { benchmarkRealDoc(b, "kinde-management-api.yaml") }

func benchmarkRealDoc(b *testing.B, name string) {
	path := filepath.Join(realDocsDir(), name)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		b.Skipf("%s is not there: set GEN_POSTMAN_OPENAPI_DIR to the folder holding the real OpenAPI documents", path)
	}
	benchmarkParse(b, path)
}

func benchmarkParse(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatalf("reading %s: %v", path, err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data, Options{Tenant: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnswersOkta reads the answers of Okta's document, the largest: what the contract
// tests add to reading it, which runs beside the library's build of the model (the components'
// index is shared with pruneComponents, and not counted).
func BenchmarkAnswersOkta(b *testing.B) {
	path := filepath.Join(realDocsDir(), "okta-management.yaml")
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		b.Skipf("%s is not there: set GEN_POSTMAN_OPENAPI_DIR to the folder holding the real OpenAPI documents", path)
	}
	if err != nil {
		b.Fatal(err)
	}
	pruned, cut := cutResponses(data)
	components := indexComponents(pruned)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readAnswers(data, pruned, cut, components, true); err != nil {
			b.Fatal(err)
		}
	}
}
