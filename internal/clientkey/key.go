package clientkey

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
)

// JWS algorithms a client key signs with, one per kind of key.
const (
	AlgRS256 = "RS256" // RSASSA-PKCS1-v1_5 with SHA-256, the algorithm every server accepts
	AlgES256 = "ES256" // ECDSA on P-256 with SHA-256
	AlgES384 = "ES384" // ECDSA on P-384 with SHA-384
)

// Key is a client's private key and the JWS algorithm it signs with.
type Key struct {
	signer crypto.Signer
	// Alg is the JWS algorithm: RS256 for RSA, ES256 or ES384 for EC.
	Alg string
}

// Signer is the private key, for golang-jwt (an *rsa.PrivateKey or *ecdsa.PrivateKey).
func (k *Key) Signer() crypto.Signer { return k.signer }

// JWK is a JSON Web Key (RFC 7517) with the members gen-postman writes: the public ones, and the
// private ones when it is a private key.
type JWK struct {
	Kty string `json:"kty"`
	Kid string `json:"kid,omitempty"`
	Alg string `json:"alg,omitempty"`
	// RSA
	N  string `json:"n,omitempty"`
	E  string `json:"e,omitempty"`
	D  string `json:"d,omitempty"`
	P  string `json:"p,omitempty"`
	Q  string `json:"q,omitempty"`
	DP string `json:"dp,omitempty"`
	DQ string `json:"dq,omitempty"`
	QI string `json:"qi,omitempty"`
	// EC
	Crv string `json:"crv,omitempty"`
	X   string `json:"x,omitempty"`
	Y   string `json:"y,omitempty"`
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

// fixed is n as big-endian bytes of the given length (EC coordinates have a fixed size).
func fixed(n *big.Int, size int) string { return b64(n.FillBytes(make([]byte, size))) }

// PublicJWK is the public half, with alg and kid when kid is not empty.
func (k *Key) PublicJWK(kid string) JWK {
	j := k.jwk(false)
	j.Kid, j.Alg = kid, k.Alg
	return j
}

// PrivateJWK is the whole key as a JWK, for the collection's script: RSA with its CRT values,
// EC with d. It is a secret.
func (k *Key) PrivateJWK(kid string) JWK {
	j := k.jwk(true)
	j.Kid, j.Alg = kid, k.Alg
	return j
}

func (k *Key) jwk(private bool) JWK {
	switch key := k.signer.(type) {
	case *rsa.PrivateKey:
		j := JWK{Kty: "RSA", N: b64(key.N.Bytes()), E: b64(big.NewInt(int64(key.E)).Bytes())}
		if private {
			j.D, j.P, j.Q = b64(key.D.Bytes()), b64(key.Primes[0].Bytes()), b64(key.Primes[1].Bytes())
			j.DP, j.DQ, j.QI = b64(key.Precomputed.Dp.Bytes()), b64(key.Precomputed.Dq.Bytes()), b64(key.Precomputed.Qinv.Bytes())
		}
		return j
	case *ecdsa.PrivateKey:
		size := (key.Curve.Params().BitSize + 7) / 8
		j := JWK{Kty: "EC", Crv: key.Curve.Params().Name, X: fixed(key.X, size), Y: fixed(key.Y, size)}
		if private {
			j.D = fixed(key.D, size)
		}
		return j
	}
	return JWK{}
}

// Thumbprint is the key's RFC 7638 JWK thumbprint (SHA-256, base64url): the key id many
// servers derive from a key, and the jkt a DPoP-bound token names its key by.
func (k *Key) Thumbprint() string { return Thumbprint(k.jwk(false)) }

// Thumbprint is the RFC 7638 thumbprint of a public JWK: SHA-256 over its required members in
// lexicographic order, without white space.
func Thumbprint(j JWK) string {
	var canonical string
	switch j.Kty {
	case "RSA":
		canonical = fmt.Sprintf(`{"e":%q,"kty":"RSA","n":%q}`, j.E, j.N)
	default:
		canonical = fmt.Sprintf(`{"crv":%q,"kty":%q,"x":%q,"y":%q}`, j.Crv, j.Kty, j.X, j.Y)
	}
	sum := sha256.Sum256([]byte(canonical))
	return b64(sum[:])
}

// MarshalPrivateJWK is PrivateJWK as compact JSON, the value the environment holds.
func (k *Key) MarshalPrivateJWK(kid string) string {
	data, _ := json.Marshal(k.PrivateJWK(kid)) // a struct of strings always encodes
	return string(data)
}
