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

// TestCredentialsStayInTheClientAuthentication: a collection whose base URL, scope or token
// parameter names the client secret or a private key is refused, so that verify never sends a
// credential where it sends those; the auth's client secret field alone may name one.
func TestCredentialsStayInTheClientAuthentication(t *testing.T) {
	const secretVars = `{"key": "tokenUrl", "value": "https://id.example.com/token"}, {"key": "clientId", "value": "app"},
		{"key": "clientSecret", "value": "s3cret"}, {"key": "privateKey", "value": "{\"kty\":\"EC\",\"d\":\"private\"}"}`
	auth := func(scope string) string {
		return `[{"key": "grant_type", "value": "client_credentials"}, {"key": "accessTokenUrl", "value": "{{tokenUrl}}"},
			{"key": "clientId", "value": "{{clientId}}"}, {"key": "clientSecret", "value": "{{clientSecret}}"},
			{"key": "scope", "value": "` + scope + `"}]`
	}
	for name, collection := range map[string]string{
		"base URL":     collectionJSON(auth("read"), secretVars+`, {"key": "baseUrl", "value": "https://api.example.com/{{clientSecret}}"}`),
		"scope":        collectionJSON(auth("read {{privateKey}}"), secretVars),
		"nested scope": collectionJSON(auth("{{s}}"), secretVars+`, {"key": "s", "value": "read {{dpopKey}}"}, {"key": "dpopKey", "value": "k"}`),
	} {
		_, err := tokenrequest.Load(strings.NewReader(collection), nil, "")
		if !errors.Is(err, input.ErrInvalid) || !strings.Contains(err.Error(), "which holds a credential") {
			t.Errorf("%s: Load = %v, want bad input naming the credential", name, err)
		}
	}
	tr, err := tokenrequest.Load(strings.NewReader(collectionJSON(auth("read"), secretVars)), nil, "")
	if err != nil || tr.ClientSecret != "s3cret" {
		t.Fatalf("Load: %+v, %v; want the secret read from the auth's own field", tr, err)
	}
}
