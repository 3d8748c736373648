// Package clientkeytest turns a private key made in a test into the client key gen-postman
// reads, through the same PEM parser a key file goes through.
package clientkeytest

import (
	"crypto/x509"
	"encoding/pem"
	"testing"

	"github.com/gen-postman/gen-postman/internal/clientkey"
)

// FromPrivateKey is key (an *rsa.PrivateKey or *ecdsa.PrivateKey) as clientkey.Parse reads it
// from a PKCS#8 PEM file; it fails the test when the key is not one gen-postman takes.
func FromPrivateKey(t testing.TB, key any) *clientkey.Key {
	t.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	k, err := clientkey.Parse(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
	if err != nil {
		t.Fatal(err)
	}
	return k
}
