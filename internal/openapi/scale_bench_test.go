package openapi

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/gen-postman/gen-postman/internal/benchdoc"
)

// BenchmarkParseLogtoScaled parses Logto's document with its paths multiplied 1, 4 and 16
// times, so that operations and size grow together: time and bytes per byte of document
// should stay flat. A heap profile of one size shows where memory goes:
//
//	go test -run '^$' -bench 'Scaled/x16' -benchtime 3x -memprofile mem.out ./internal/openapi/
func BenchmarkParseLogtoScaled(b *testing.B) {
	data := benchdoc.RealDocument(b, filepath.Join("..", ".."), "logto-management-api.cloud.json")
	for _, n := range []int{1, 4, 16} {
		doc, err := benchdoc.Multiply(data, n)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("x%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(doc, Options{Tenant: "bench"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
