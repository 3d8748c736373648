package clientkey

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"math/big"
	"testing"
)

// TestThumbprintRFC7638 checks the example of RFC 7638 §3.1.
func TestThumbprintRFC7638(t *testing.T) {
	j := JWK{Kty: "RSA", E: "AQAB", N: "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"}
	if got, want := Thumbprint(j), "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"; got != want {
		t.Errorf("Thumbprint = %s, want %s", got, want)
	}
}

func decode(t *testing.T, s string) *big.Int {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return new(big.Int).SetBytes(b)
}

func TestPrivateJWKRoundTrips(t *testing.T) {
	r, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	k, err := newKey(r)
	if err != nil {
		t.Fatal(err)
	}
	j := k.PrivateJWK("kid-1")
	if j.Kid != "kid-1" || j.Alg != AlgRS256 || decode(t, j.N).Cmp(r.N) != 0 || decode(t, j.D).Cmp(r.D) != 0 ||
		decode(t, j.QI).Cmp(r.Precomputed.Qinv) != 0 || decode(t, j.E).Int64() != int64(r.E) {
		t.Errorf("RSA JWK does not hold the key: kid %q alg %q", j.Kid, j.Alg)
	}
	if pub := k.PublicJWK(""); pub.D != "" || pub.P != "" {
		t.Error("the public JWK holds private members")
	}

	e, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	ek, err := newKey(e)
	if err != nil {
		t.Fatal(err)
	}
	ej := ek.PrivateJWK("")
	if ej.Crv != "P-384" || len(ej.X) != 64 || decode(t, ej.D).Cmp(e.D) != 0 || decode(t, ej.Y).Cmp(e.Y) != 0 {
		t.Errorf("EC JWK does not hold the key: %+v", ej)
	}
}

func TestProofKeyIsStableAndDistinct(t *testing.T) {
	r, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	k, _ := newKey(r)
	a, err := k.ProofKey()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := k.ProofKey()
	if a.Alg != AlgES256 || a.Thumbprint() != b.Thumbprint() {
		t.Errorf("proof key: alg %s, thumbprints %s and %s; want ES256 and one key", a.Alg, a.Thumbprint(), b.Thumbprint())
	}
	e, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ek, _ := newKey(e)
	ep, _ := ek.ProofKey()
	if ep.Thumbprint() == ek.Thumbprint() || ep.Thumbprint() == a.Thumbprint() {
		t.Error("the proof key is the client key, or two client keys share one")
	}
}
