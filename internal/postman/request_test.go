package postman

import (
	"encoding/json"
	"testing"
)

// FuzzVariableURL checks that no request path can break the JSON that go-postman-collection
// writes for a URL.
func FuzzVariableURL(f *testing.F) {
	for _, seed := range []string{"/api/users", "/a?b=c&d", `/"},"x":{"`, "/\n", "/a b", "/%zz"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, path string) {
		u, err := VariableURL(VarBaseURL, path)
		if err != nil {
			return
		}
		data, err := json.Marshal(u)
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		var back struct{ Raw string }
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatalf("URL JSON %s does not parse: %v", data, err)
		}
		if back.Raw != "{{baseUrl}}"+path {
			t.Fatalf("raw = %q, want {{baseUrl}}%s", back.Raw, path)
		}
	})
}
