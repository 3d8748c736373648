//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/gen-postman/gen-postman/internal/clientkey"
	"github.com/gen-postman/gen-postman/templates"
)

// signingRounds is how many JWTs the sandbox signs with each key to time it.
const signingRounds = 20

// rfc6979Key is the P-256 private key of RFC 6979 A.2.5, base64url; signing "sample" with
// SHA-256 must give rfc6979Signature (r then s).
const (
	rfc6979Key       = "ya-p2EW6dRZrXCFXZ7HWk05Qw9s26JsSe4piKxIPZyE"
	rfc6979Signature = "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716" +
		"f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8"
)

// signerLine is what the test collection logs: a vector's signature, or a key's JWT and the
// mean time it took to sign one.
var signerLine = regexp.MustCompile(`(vector|signed) ([a-z0-9-]+) ([0-9.]+) ([A-Za-z0-9_.-]+)`)

// TestSandboxSigner runs the collection's signer in Newman's sandbox: it must give RFC 6979's
// ECDSA signature exactly, and JWTs that Go verifies with each kind of key; and it says how
// long a signature takes there.
func TestSandboxSigner(t *testing.T) {
	srv := startOAuthServer(t, "ES384", 3600)
	dir := t.TempDir()
	keys := map[string]*clientkey.Key{}
	jwks := map[string]clientkey.JWK{}
	for _, kind := range []string{"rsa2048", "rsa4096", "p256", "p384"} {
		_, k := newKeyFile(t, dir, kind)
		keys[kind], jwks[kind] = k, k.PrivateJWK("")
	}
	script := templates.SignerScript() + `
const vector = jws.signEC(jws.curves['P-256'], { d: '` + rfc6979Key + `' }, 'sample');
console.log('vector rfc6979 0 ' + vector);
const keys = JSON.parse(pm.variables.get('testKeys'));
Object.keys(keys).forEach((name) => {
  const started = Date.now();
  let token = '';
  for (let i = 0; i < ` + strconv.Itoa(signingRounds) + `; i++) {
    token = jws.sign(keys[name], { typ: 'JWT' }, { sub: 'svc', i: i });
  }
  console.log('signed ' + name + ' ' + ((Date.now() - started) / ` + strconv.Itoa(signingRounds) + `).toFixed(1) + ' ' + token);
});
`
	collection := map[string]any{
		"info": map[string]any{"name": "signer", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": []any{map[string]any{
			"name":    "sign",
			"event":   []any{map[string]any{"listen": "prerequest", "script": map[string]any{"type": "text/javascript", "exec": strings.Split(script, "\n")}}},
			"request": map[string]any{"method": "GET", "url": srv.Base + "/open"},
		}},
	}
	data, err := json.Marshal(collection)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "signer.postman_collection.json")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	testKeys, err := json.Marshal(jwks)
	if err != nil {
		t.Fatal(err)
	}
	_, console, err := runNewman(t, file, "--env-var", "testKeys="+string(testKeys))
	if err != nil {
		t.Fatalf("newman: %v\n%s", err, console)
	}
	seen := map[string]bool{}
	for _, m := range signerLine.FindAllStringSubmatch(console, -1) {
		kind, name, value := m[1], m[2], m[4]
		seen[name] = true
		if kind == "vector" {
			if value != rfc6979Signature {
				t.Errorf("RFC 6979 A.2.5: signature %s, want %s", value, rfc6979Signature)
			}
			continue
		}
		k := keys[name]
		if _, err := jwt.Parse(value, func(*jwt.Token) (any, error) { return k.Signer().Public(), nil },
			jwt.WithValidMethods([]string{k.Alg})); err != nil {
			t.Errorf("%s: the sandbox's JWT does not verify: %v", name, err)
		}
		t.Logf("%s (%s): %s ms per signature in Newman's sandbox, mean of %d", name, k.Alg, m[3], signingRounds)
	}
	for _, name := range []string{"rfc6979", "p256", "p384", "rsa2048", "rsa4096"} {
		if !seen[name] {
			t.Errorf("no line for %s in newman's output:\n%s", name, console)
		}
	}
}
