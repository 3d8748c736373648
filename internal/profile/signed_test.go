package profile

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"errors"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/clientkey"
	"github.com/gen-postman/gen-postman/internal/clientkey/clientkeytest"
	"github.com/gen-postman/gen-postman/internal/input"
)

func testClientKey(t *testing.T) *clientkey.Key {
	t.Helper()
	e, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return clientkeytest.FromPrivateKey(t, e)
}

func TestResolveSignedClient(t *testing.T) {
	key := testClientKey(t)
	base := Options{Provider: "generic", TokenURL: "https://id.example.com/oauth2/v1/token", ClientID: "svc"}

	opts := base
	opts.ClientKey, opts.DPoP, opts.ClientSecret = key, true, "leftover"
	p, err := Resolve(opts)
	if err != nil {
		t.Fatal(err)
	}
	if p.ClientAuth != ClientAuthPrivateKeyJWT || p.KeyID != key.Thumbprint() || p.ClientSecret != "" || !p.DPoP || p.ProofKey == nil {
		t.Errorf("profile: auth %s, kid %q, secret %q, dpop %v; want private_key_jwt, the thumbprint, no secret, DPoP", p.ClientAuth, p.KeyID, p.ClientSecret, p.DPoP)
	}
	if len(p.Warnings) == 0 || !strings.Contains(strings.Join(p.Warnings, "\n"), "sends no client secret") {
		t.Errorf("warnings %q: want one about the dropped secret", p.Warnings)
	}

	opts = base
	opts.ClientKey, opts.KeyID = key, "okta-key-1"
	if p, err := Resolve(opts); err != nil || p.KeyID != "okta-key-1" {
		t.Errorf("--key-id: kid %q, %v", p.KeyID, err)
	}

	bad := map[string]Options{
		"private-key": {ClientAuth: "private_key_jwt"},
		"client-auth": {ClientAuth: "header", ClientKey: key},
		"key-id":      {KeyID: "k1"},
		"dpop":        {DPoP: true},
	}
	for field, o := range bad {
		o.Provider, o.TokenURL, o.ClientID = base.Provider, base.TokenURL, base.ClientID
		_, err := Resolve(o)
		var ie *input.Error
		if !errors.As(err, &ie) || string(ie.Field) != field {
			t.Errorf("%+v: %v, want an input error on --%s", o, err, field)
		}
	}
	o := base
	o.ClientKey, o.KeyID = key, "bad\x01kid"
	if _, err := Resolve(o); err == nil {
		t.Error("a key id with a control character accepted")
	}
}

func TestMergeKeyOverSecret(t *testing.T) {
	key := testClientKey(t)
	m := Merge(Options{ClientAuth: "body", ClientSecret: "s"}, Options{ClientKey: key, DPoP: true})
	if m.ClientAuth != string(ClientAuthPrivateKeyJWT) || m.ClientSecret != "" || m.ClientKey != key || !m.DPoP {
		t.Errorf("merged %+v: want private_key_jwt with the key, DPoP, no secret", m)
	}
}
