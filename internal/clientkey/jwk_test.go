package clientkey_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/clientkey"
	"github.com/gen-postman/gen-postman/internal/clientkey/clientkeytest"
)

// newKey makes a fresh key of kind rsa2048, p256 or p384.
func newKey(t *testing.T, kind string) *clientkey.Key {
	t.Helper()
	var raw any
	var err error
	switch kind {
	case "rsa2048":
		raw, err = rsa.GenerateKey(rand.Reader, 2048)
	case "p256":
		raw, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	default:
		raw, err = ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	}
	if err != nil {
		t.Fatal(err)
	}
	return clientkeytest.FromPrivateKey(t, raw)
}

// A private JWK as generate writes it reads back as the same key, for RSA and EC alike.
func TestParseJWKRoundTrip(t *testing.T) {
	for _, kind := range []string{"rsa2048", "p256", "p384"} {
		key := newKey(t, kind)
		got, err := clientkey.ParseJWK([]byte(key.MarshalPrivateJWK("kid-1")))
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		if got.Thumbprint() != key.Thumbprint() || got.Alg != key.Alg {
			t.Errorf("%s: read %s %s, want %s %s", kind, got.Alg, got.Thumbprint(), key.Alg, key.Thumbprint())
		}
	}
}

// A public JWK, a symmetric one, or what is not a JWK is refused, and the message quotes none of it.
func TestParseJWKRefuses(t *testing.T) {
	key := newKey(t, "p256")
	public := `{"kty":"EC","crv":"P-256","x":"` + key.PublicJWK("").X + `","y":"` + key.PublicJWK("").Y + `"}`
	for name, data := range map[string]string{
		"public":    public,
		"symmetric": `{"kty":"oct","k":"c2VjcmV0LXZhbHVl"}`,
		"not JSON":  `secret-value`,
		"too large": `{"kty":"RSA","n":"` + strings.Repeat("A", 20<<10) + `"}`,
	} {
		_, err := clientkey.ParseJWK([]byte(data))
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		if strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), key.PublicJWK("").X) {
			t.Errorf("%s: the message %q quotes the data", name, err)
		}
	}
}
