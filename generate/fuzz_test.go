package generate

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/profile"
)

// FuzzGenerate feeds arbitrary flag values through Resolve and Build: each input is
// either refused as bad input or gives valid JSON whose variables hold the values exactly, with
// the secret nowhere in the collection.
func FuzzGenerate(f *testing.F) {
	f.Add("logto", "acme", "", "", "", "", "all", "app", "s3cret", "")
	f.Add("generic", "", "", "https://id.example.com/t?x=\"1", "https://api.example.com", "", "a b", "", "", "n")
	f.Add("kinde", "acme", "https://auth.example.com/", "", "", "aud\"ience", "", "id\u2028", "s", "x</script>")
	f.Add("auth0", "a", "http://[::1]:8080", "", "urn:x", "", "read:users", "", "", "")
	f.Fuzz(func(t *testing.T, provider, tenant, endpoint, tokenURL, resource, audience, scope, clientID, secret, name string) {
		opts := profile.Options{
			Provider: provider, Tenant: tenant, Endpoint: endpoint, TokenURL: tokenURL, Resource: resource,
			Audience: audience, Scope: &scope, ClientID: clientID, ClientSecret: secret, Name: name,
		}
		p, err := profile.Resolve(opts)
		if err != nil {
			if !errors.Is(err, input.ErrInvalid) {
				t.Fatalf("Resolve: %v is not an input error", err)
			}
			if secret != "" && len(secret) > 3 && strings.Contains(err.Error(), secret) && !echoes(secret,
				provider, tenant, endpoint, tokenURL, resource, audience, scope, clientID, name) {
				t.Fatalf("error %q shows the secret", err)
			}
			return
		}
		data := encodeCollection(t, p)
		var doc struct {
			Variable []struct{ Key, Value string }
			Auth     struct{ Type string }
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("collection is not JSON: %v\n%s", err, data)
		}
		vars := map[string]string{}
		for _, v := range doc.Variable {
			vars[v.Key] = v.Value
		}
		if vars["tokenUrl"] != p.TokenURL || vars["clientId"] != p.ClientID || vars["scope"] != p.Scope || vars["clientSecret"] != "" {
			t.Fatalf("variables %v do not hold the profile %+v", vars, p)
		}
		if doc.Auth.Type != "oauth2" {
			t.Fatalf("auth type %q", doc.Auth.Type)
		}
		if len(secret) > 3 && strings.Contains(string(data), secret) {
			t.Fatalf("the collection holds the secret %q", secret)
		}
	})
}

// echoes reports whether the secret is part of one of the other values, which an error may name:
// a provider "0000" named with a secret "0000" shows no secret.
func echoes(secret string, values ...string) bool {
	for _, v := range values {
		if strings.Contains(v, secret) {
			return true
		}
	}
	return false
}
