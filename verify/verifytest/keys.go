package verifytest

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/MicahParks/jwkset"
	"github.com/golang-jwt/jwt/v5"
)

// Algs are the signing algorithms the fake server can use.
var Algs = []string{"ES256", "ES384", "RS256", "PS256", "EdDSA"}

// keyCache holds one published and one forged key per algorithm, made once per process:
// RSA keys take long enough to make that every test making its own would be slow.
var keyCache struct {
	sync.Mutex
	keys map[string][2]crypto.Signer
}

func keysFor(alg string) (published, forged crypto.Signer, err error) {
	keyCache.Lock()
	defer keyCache.Unlock()
	if pair, ok := keyCache.keys[alg]; ok {
		return pair[0], pair[1], nil
	}
	var pair [2]crypto.Signer
	for i := range pair {
		if pair[i], err = newKey(alg); err != nil {
			return nil, nil, err
		}
	}
	if keyCache.keys == nil {
		keyCache.keys = map[string][2]crypto.Signer{}
	}
	keyCache.keys[alg] = pair
	return pair[0], pair[1], nil
}

func newKey(alg string) (crypto.Signer, error) {
	switch alg {
	case "ES256":
		return ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	case "ES384":
		return ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	case "RS256", "PS256":
		return rsa.GenerateKey(rand.Reader, 2048)
	case "EdDSA":
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		return priv, err
	}
	return nil, fmt.Errorf("verifytest: unsupported algorithm %q (supported: %v)", alg, Algs)
}

// keyID derives a key id from the public key, as a thumbprint would.
func keyID(pub crypto.PublicKey) (string, error) {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return "", fmt.Errorf("verifytest: encoding public key: %w", err)
	}
	sum := sha256.Sum256(der)
	return hex.EncodeToString(sum[:8]), nil
}

// publicJWKS is the JWK Set holding only pub, written by jwkset.
func publicJWKS(pub crypto.PublicKey, alg, kid string) ([]byte, error) {
	jwk, err := jwkset.NewJWKFromKey(pub, jwkset.JWKOptions{
		Metadata: jwkset.JWKMetadataOptions{ALG: jwkset.ALG(alg), KID: kid, USE: jwkset.UseSig},
	})
	if err != nil {
		return nil, fmt.Errorf("verifytest: making JWK: %w", err)
	}
	store := jwkset.NewMemoryStorage()
	if err := store.KeyWrite(context.Background(), jwk); err != nil {
		return nil, fmt.Errorf("verifytest: storing JWK: %w", err)
	}
	data, err := store.JSONPublic(context.Background())
	if err != nil {
		return nil, fmt.Errorf("verifytest: encoding JWK Set: %w", err)
	}
	return data, nil
}

// sign signs claims as the defect asks: with the published key, another key, HMAC or nothing.
func (idp *IdP) sign(claims jwt.MapClaims, typ string, defect Defect, secret string) (string, error) {
	idp.mu.Lock()
	method, key, kid := jwt.GetSigningMethod(idp.alg), any(idp.key), idp.kid
	idp.mu.Unlock()
	switch defect {
	case ForgedSignature:
		key = idp.forged
	case UnknownKey:
		forgedKid, err := keyID(idp.forged.Public())
		if err != nil {
			return "", err
		}
		key, kid = idp.forged, forgedKid
	case AlgNone:
		method, key = jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType
	case HS256:
		method, key = jwt.SigningMethodHS256, []byte(secret)
	case KeyAlgNotPinned:
		method = jwt.SigningMethodPS256
	}
	tok := jwt.NewWithClaims(method, claims)
	tok.Header["typ"] = typ
	tok.Header["kid"] = kid
	switch defect {
	case KeyAlgNotPinned:
		delete(tok.Header, "kid")
	case Crit:
		tok.Header["crit"] = []string{"urn:example:must-understand"}
		tok.Header["urn:example:must-understand"] = true
	case EchoAlg:
		tok.Header["alg"] = idp.opts.ClientSecret
	}
	s, err := tok.SignedString(key)
	if err != nil {
		return "", fmt.Errorf("verifytest: signing token: %w", err)
	}
	if defect == EchoAlg {
		// SignedString writes the method's own alg: put the secret back in the header.
		header, _ := json.Marshal(tok.Header)
		_, rest, _ := strings.Cut(s, ".")
		s = base64.RawURLEncoding.EncodeToString(header) + "." + rest
	}
	if defect == RSAKeyHuge {
		s = s[:strings.LastIndex(s, ".")+1] + hugeSignature()
	}
	return s, nil
}

// RotateKey makes the server sign with a new key and publish that key alone, as a server that
// rotates its keys does (Logto does). It suits a server without a Defect.
func (idp *IdP) RotateKey() error {
	key, err := newKey(idp.alg)
	if err != nil {
		return err
	}
	kid, err := keyID(key.Public())
	if err != nil {
		return err
	}
	jwks, err := publicJWKS(key.Public(), idp.alg, kid)
	if err != nil {
		return err
	}
	idp.mu.Lock()
	defer idp.mu.Unlock()
	idp.key, idp.kid, idp.jwks = key, kid, jwks
	return nil
}
