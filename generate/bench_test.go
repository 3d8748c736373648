package generate

import (
	"testing"

	"github.com/gen-postman/gen-postman/internal/profile"
)

// BenchmarkGenerate measures one whole generation: resolve the flags, build and encode the
// collection and the environment.
func BenchmarkGenerate(b *testing.B) {
	b.ReportAllocs()
	opts := profile.Options{Tenant: "acme", ClientID: "app", ClientSecret: "secret"}
	for b.Loop() {
		p, err := profile.Resolve(opts)
		if err != nil {
			b.Fatal(err)
		}
		encodeCollection(b, p)
		encodeEnvironment(b, p)
	}
}
