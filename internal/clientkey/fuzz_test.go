package clientkey

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"strings"
	"testing"
)

// FuzzParse feeds Parse what a key file may hold: it must never panic, and an error must never
// quote the data.
func FuzzParse(f *testing.F) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		f.Fatal(err)
	}
	good := pkcs8(f, key)
	f.Add(good)
	f.Add([]byte("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
	f.Add([]byte("-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\nAAAA\n-----END EC PRIVATE KEY-----\n"))
	f.Add([]byte("kty"))
	f.Fuzz(func(t *testing.T, data []byte) {
		k, err := Parse(data)
		if err != nil {
			for _, line := range strings.Split(string(data), "\n") {
				if len(line) >= 24 && !strings.Contains(line, "-----") && strings.Contains(err.Error(), line) {
					t.Errorf("the error quotes the data: %v", err)
				}
			}
			return
		}
		if k.Alg == "" || k.Thumbprint() == "" {
			t.Errorf("a key without an algorithm or thumbprint")
		}
	})
}
