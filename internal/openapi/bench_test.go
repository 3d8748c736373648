package openapi

import (
	"os"
	"path/filepath"
	"testing"
)

// The benchmarks read the real documents from $GEN_POSTMAN_OPENAPI_DIR, by
// default ../shared/openapi beside the repository, and fail when they are
// not there:
//
//	go test -run '^$' -bench 'Parse(Logto|Kinde)' -benchmem ./internal/openapi/

func BenchmarkParseLogto(b *testing.B) { benchmarkParse(b, "logto-management-api.cloud.json") }

func BenchmarkParseKinde(b *testing.B) { benchmarkParse(b, "kinde-management-api.yaml") }

func benchmarkParse(b *testing.B, name string) {
	path := filepath.Join(realDocsDir(), name)
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatalf("reading %s: %v (set GEN_POSTMAN_OPENAPI_DIR to the folder holding the real OpenAPI documents)", path, err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data, Options{Tenant: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
}
