package clientkey

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hkdf"
	"crypto/sha256"
	"crypto/x509"
	"fmt"
	"math/big"
)

// proofKeyInfo separates the DPoP proof key from any other key derived from a client key.
const proofKeyInfo = "gen-postman DPoP proof key (P-256)"

// ProofKey is the EC P-256 key that signs this client's DPoP proofs (RFC 9449), derived from the
// client key with HKDF-SHA-256: a key of its own, so the client key signs only assertions and
// proofs stay quick to sign in the collection's script even for an RSA client, and the same
// for every run, so generate writes the same environment for the same key file and verify
// proves with the key the collection uses. Knowing it tells nothing of the client key.
func (k *Key) ProofKey() (*Key, error) {
	der, err := x509.MarshalPKCS8PrivateKey(k.signer)
	if err != nil {
		return nil, fmt.Errorf("encoding the client key: %w", err)
	}
	seed, err := hkdf.Key(sha256.New, der, nil, proofKeyInfo, 48)
	if err != nil {
		return nil, fmt.Errorf("deriving the DPoP proof key: %w", err)
	}
	// 48 bytes reduced modulo n - 1, plus one: a scalar in [1, n-1] with negligible bias
	// (FIPS 186-5 A.2.1).
	n := elliptic.P256().Params().N
	d := new(big.Int).SetBytes(seed)
	d.Mod(d, new(big.Int).Sub(n, big.NewInt(1)))
	d.Add(d, big.NewInt(1))
	priv, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), d.FillBytes(make([]byte, 32)))
	if err != nil {
		return nil, fmt.Errorf("deriving the DPoP proof key: %w", err)
	}
	return &Key{signer: priv, Alg: AlgES256}, nil
}
