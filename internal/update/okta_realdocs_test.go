//go:build realdocs

package update

import (
	"os"
	"path/filepath"
	"testing"
)

// realDoc reads a document of $GEN_POSTMAN_OPENAPI_DIR, by default ../shared/openapi beside
// the repository.
func realDoc(tb testing.TB, name string) []byte {
	tb.Helper()
	dir := os.Getenv("GEN_POSTMAN_OPENAPI_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "openapi")
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		tb.Fatalf("the real document is needed here (set GEN_POSTMAN_OPENAPI_DIR): %v", err)
	}
	return data
}

// BenchmarkRealDocsMergeOkta is update's own work on Okta's document (746 operations): read
// the collection, merge the collection generated from the same document into it, write it.
// Generating that collection is generate's work and is left out.
//
//	go test -tags realdocs -run '^$' -bench RealDocsMergeOkta -benchmem ./internal/update
func BenchmarkRealDocsMergeOkta(b *testing.B) {
	doc := realDoc(b, "okta-management.yaml")
	file := encode(b, fresh(b, doc))
	freshFile := file
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		f := load(b, freshFile)
		b.StartTimer()
		cur := load(b, file)
		report, err := Merge(cur, f, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if report.Changed {
			b.Fatal("the same document changed the collection")
		}
		encode(b, cur)
	}
}
