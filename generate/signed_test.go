package generate

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"encoding/json"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/clientkey"
	"github.com/gen-postman/gen-postman/internal/clientkey/clientkeytest"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
)

// testClientKey is a P-256 key made from a fixed scalar, so the golden collection stays the
// same; it is for these tests only.
func testClientKey(t testing.TB) *clientkey.Key {
	t.Helper()
	d := sha256.Sum256([]byte("gen-postman generate test key, never used anywhere else"))
	priv, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), d[:])
	if err != nil {
		t.Fatal(err)
	}
	return clientkeytest.FromPrivateKey(t, priv)
}

func signedProfile(t testing.TB, dpop bool) *profile.Profile {
	return resolve(t, profile.Options{Provider: "generic", TokenURL: "https://acme.okta.example/oauth2/v1/token",
		Endpoint: "https://acme.okta.example", Scope: ptr("okta.users.read"), ClientID: "0oa-service",
		ClientKey: testClientKey(t), KeyID: "key-2026", DPoP: dpop})
}

// TestSignedCollectionGolden holds the collection of private_key_jwt with DPoP: the signer in
// its script, the DPoP header prefix, and no key in it.
func TestSignedCollectionGolden(t *testing.T) {
	p := signedProfile(t, true)
	data := encodeCollection(t, p)
	checkGolden(t, "private-key-jwt-dpop.postman_collection.json.golden", data)
	for _, secret := range []string{p.ClientKey.PrivateJWK("").D, p.ProofKey.PrivateJWK("").D} {
		if strings.Contains(string(data), secret) {
			t.Error("the collection holds a private key")
		}
	}
	for _, want := range []string{`"value": "DPoP"`, "client_assertion_type", "const jws = ", "const dpop = "} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the collection lacks %q", want)
		}
	}
	if strings.Contains(string(data), `"key": "clientSecret"`) {
		t.Error("a private_key_jwt collection has a clientSecret field")
	}
}

// TestSignedEnvironment checks that the private key and the proof key are in the environment
// as secret JWKs, and make the file private.
func TestSignedEnvironment(t *testing.T) {
	p := signedProfile(t, true)
	files, err := Render(p, &EnvironmentOptions{ExportedUsing: "gen-postman/test"})
	if err != nil {
		t.Fatal(err)
	}
	if files.EnvironmentMode != SecretEnvironmentMode {
		t.Errorf("environment mode %v, want %v", files.EnvironmentMode, SecretEnvironmentMode)
	}
	var env postman.Environment
	if err := json.Unmarshal(files.Environment, &env); err != nil {
		t.Fatal(err)
	}
	values := map[string]postman.EnvValue{}
	for _, v := range env.Values {
		values[v.Key] = v
	}
	for name, key := range map[string]*clientkey.Key{postman.VarPrivateKey: p.ClientKey, postman.VarDPoPKey: p.ProofKey} {
		v := values[name]
		var jwk clientkey.JWK
		if err := json.Unmarshal([]byte(v.Value), &jwk); err != nil || v.Type != postman.EnvTypeSecret {
			t.Fatalf("%s: type %q, %v; want a secret JWK", name, v.Type, err)
		}
		if jwk.D != key.PrivateJWK("").D || clientkey.Thumbprint(jwk) != key.Thumbprint() {
			t.Errorf("%s does not hold its key", name)
		}
	}
	if values[postman.VarKeyID].Value != "key-2026" {
		t.Errorf("keyId = %q", values[postman.VarKeyID].Value)
	}
	if _, ok := values[postman.VarClientSecret]; ok {
		t.Error("a private_key_jwt environment has clientSecret")
	}
	if _, ok := values[postman.VarAccessToken]; ok {
		t.Error("the environment has accessToken")
	}

	noEnv, err := Render(p, nil)
	if err != nil || !noEnv.SecretDropped {
		t.Errorf("without an environment: SecretDropped %v, %v; want true", noEnv.SecretDropped, err)
	}
}
