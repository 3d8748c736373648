package tokenrequest_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/tokenrequest"
)

// TestLoadBoundsExpansion: a small collection whose variables repeat each other
// would expand to gigabytes; it is refused as bad input, quickly and with little memory.
func TestLoadBoundsExpansion(t *testing.T) {
	const levels = 5 // below the depth limit: only the size can stop it; 10 MB in all
	ten := strings.Repeat("{{v%d}}", 10)
	var vars []string
	for i := range levels {
		vars = append(vars, fmt.Sprintf(`{"key": "v%d", "value": "%s"}`, i, fmt.Sprintf(ten, i+1, i+1, i+1, i+1, i+1, i+1, i+1, i+1, i+1, i+1)))
	}
	vars = append(vars, fmt.Sprintf(`{"key": "v%d", "value": "%s"}`, levels, strings.Repeat("x", 100)))
	collection := collectionJSON(`[{"key": "grant_type", "value": "client_credentials"},
		{"key": "accessTokenUrl", "value": "https://id.example.com/token"}, {"key": "scope", "value": "{{v0}}"}]`,
		strings.Join(vars, ", "))
	if len(collection) > 2<<10 {
		t.Fatalf("the collection is %d bytes; the point is a small one", len(collection))
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := tokenrequest.Load(strings.NewReader(collection), nil, "")
	runtime.ReadMemStats(&after)
	if !errors.Is(err, input.ErrInvalid) || !strings.Contains(err.Error(), "scope: its variables expand to more than 64 KiB") {
		t.Fatalf("Load: %v, want bad input about the expanded size", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
		t.Errorf("Load allocated %d MiB; want a bounded amount", grew>>20)
	}
}
