package generate

import (
	"fmt"
	"testing"

	"github.com/gen-postman/gen-postman/internal/benchdoc"
	"github.com/gen-postman/gen-postman/internal/openapi"
	"github.com/gen-postman/gen-postman/internal/profile"
)

// BenchmarkRenderLogtoScaled is the whole work of gen-postman --openapi (parse, resolve, build
// and encode) on Logto's document with its paths multiplied 1, 4 and 16 times:
//
//	go test -run '^$' -bench 'RenderLogtoScaled/x16' -benchtime 3x -memprofile mem.out ./generate/
func BenchmarkRenderLogtoScaled(b *testing.B) {
	data := benchdoc.RealDocument(b, "..", "logto-management-api.cloud.json")
	for _, n := range []int{1, 4, 16} {
		doc, err := benchdoc.Multiply(data, n)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("x%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			b.ReportAllocs()
			for b.Loop() {
				api, err := openapi.Parse(doc, openapi.Options{Tenant: "acme"})
				if err != nil {
					b.Fatal(err)
				}
				p, err := profile.Resolve(profile.Options{Tenant: "acme", API: api.API()})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Render(p, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
