package clientkey

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/MicahParks/jwkset"
)

// maxJWKSize bounds a private JWK: an RSA key of MaxRSABits with its CRT values is under 7 KiB
// in base64url.
const maxJWKSize = 16 << 10

// ParseJWK reads a private key written as a JWK (RFC 7517), as generate writes it into an
// environment's privateKey: RSA with its CRT values, or EC with d. It holds the key to the same
// rules as a PEM file. Its errors describe the data without quoting it. jwkset, which verify
// already uses for key sets, turns the members into a key, so this package does no big-number
// arithmetic of its own.
func ParseJWK(data []byte) (*Key, error) {
	if len(data) > maxJWKSize {
		return nil, fmt.Errorf("a JWK over %d KiB", maxJWKSize>>10)
	}
	if !json.Valid(data) {
		return nil, errors.New("not a JWK: not JSON")
	}
	jwk, err := jwkset.NewJWKFromRawJSON(data, jwkset.JWKMarshalOptions{Private: true}, jwkset.JWKValidateOptions{})
	if err != nil {
		return nil, errors.New("not a private JWK of an RSA or EC key")
	}
	switch jwk.Key().(type) {
	case *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey:
		return nil, errors.New("not a private JWK: it holds the public key alone")
	}
	key, err := newKey(jwk.Key())
	if err != nil {
		return nil, fmt.Errorf("not a key to sign with: %w", err)
	}
	return key, nil
}
