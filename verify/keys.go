package verify

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"errors"
	"fmt"
	"strings"

	"github.com/MicahParks/jwkset"
	"github.com/golang-jwt/jwt/v5"

	"github.com/gen-postman/gen-postman/internal/network"
)

// Bounds on the keys verify uses: a key set is the server's to write, and a huge RSA modulus
// costs minutes of CPU per signature, a small one gives no security (RFC 7518 §3.3 requires
// 2048 bits).
const (
	minRSABits = 2048
	maxRSABits = 8192
	// maxKeys bounds how many keys of a set are read.
	maxKeys = 64
)

// keySet is a JWK Set (RFC 7517 §5) fetched from url and parsed by jwkset: the keys that can
// verify a signature, and why each other key was refused.
type keySet struct {
	url string // as shown
	// cached says the set came from the cache.
	cached bool
	keys   []signingKey
	// kids are the shown ids of the usable keys, in order.
	kids []string
	// refused says, by shown key id, why a key was not used: too small, too large, not on
	// its curve, for encryption.
	refused map[string]string
	// skipped says which keys were left out, and why, in order.
	skipped []string
}

// signingKey is one usable public key.
type signingKey struct {
	kid string // as the server wrote it, to match the token's header
	alg string // the key's own alg; empty when it has none
	key any    // *rsa.PublicKey, *ecdsa.PublicKey or ed25519.PublicKey
}

// loadKeySet fetches the key set at u (see network.Fetcher.KeySet) and parses its keys. Keys
// that cannot verify a signature, such as encryption or symmetric keys, and keys out of bounds
// are left out with the reason; a set without any other key is ErrNoKeys.
func loadKeySet(ctx context.Context, srv network.Fetcher, u string) (*keySet, error) {
	keys, doc, err := srv.KeySet(ctx, u)
	if err != nil {
		return nil, err
	}
	ks := &keySet{url: srv.Red.Line(u, 300), cached: doc.Cached(), refused: map[string]string{}}
	if ks.cached {
		ks.url += " (cached)"
	}
	for i, raw := range keys {
		if i == maxKeys {
			ks.skipped = append(ks.skipped, fmt.Sprintf("%d keys after the first %d", len(keys)-maxKeys, maxKeys))
			break
		}
		jwk, err := jwkset.NewJWKFromRawJSON(raw, jwkset.JWKMarshalOptions{}, jwkset.JWKValidateOptions{})
		if err != nil {
			ks.skipped = append(ks.skipped, fmt.Sprintf("key %d: %s", i, srv.Red.Line(err.Error(), 120)))
			continue
		}
		m := jwk.Marshal()
		kid := srv.Red.Visible(m.KID) // as the token's kid is shown, to compare them
		reason := ""
		if m.USE == jwkset.UseEnc {
			reason = "it is for encryption"
		} else {
			reason = checkKey(jwk.Key())
		}
		if reason != "" {
			ks.refused[kid] = reason
			ks.skipped = append(ks.skipped, fmt.Sprintf("key %s: %s", shortKid(kid), reason))
			continue
		}
		ks.keys = append(ks.keys, signingKey{kid: m.KID, alg: m.ALG.String(), key: jwk.Key()})
		ks.kids = append(ks.kids, kid)
	}
	if len(ks.keys) == 0 {
		detail := ""
		if len(ks.skipped) > 0 {
			detail = ": " + strings.Join(ks.skipped, "; ")
		}
		return nil, fmt.Errorf("%w: the key set at %s has no usable signing key (%d keys)%s", ErrNoKeys, ks.url, len(keys), detail)
	}
	srv.Used(doc)
	return ks, nil
}

// checkKey says why a public key is not used to verify a signature, or "" when it is.
func checkKey(key any) string {
	switch k := key.(type) {
	case *rsa.PublicKey:
		switch bits := k.N.BitLen(); {
		case bits < minRSABits:
			return fmt.Sprintf("an RSA key of %d bits, below the %d bits RFC 7518 §3.3 requires", bits, minRSABits)
		case bits > maxRSABits:
			return fmt.Sprintf("an RSA key of %d bits, above the %d bits accepted (checking with it would take minutes)", bits, maxRSABits)
		}
		return ""
	case *ecdsa.PublicKey:
		if _, err := k.ECDH(); err != nil {
			return fmt.Sprintf("an EC key whose point is not on its curve %s", k.Curve.Params().Name)
		}
		return ""
	case ed25519.PublicKey:
		return ""
	}
	return fmt.Sprintf("not a public signing key (%T)", key)
}

// keyfunc gives golang-jwt every key the token may be signed with: the keys with the token's
// kid (all of them, should several share it) or, without a kid, every key; of those only the
// ones whose own alg, when they have one, is the token's, and whose type fits the algorithm.
func (ks *keySet) keyfunc(t *jwt.Token) (any, error) {
	kid, hasKid := t.Header["kid"].(string)
	alg := t.Method.Alg()
	var keys []jwt.VerificationKey
	for _, k := range ks.keys {
		if (hasKid && k.kid != kid) || (k.alg != "" && k.alg != alg) || !fits(k.key, alg) {
			continue
		}
		keys = append(keys, k.key)
	}
	if len(keys) == 0 {
		return nil, errNoKeyForToken
	}
	return jwt.VerificationKeySet{Keys: keys}, nil
}

// errNoKeyForToken reports that no key of the set may check the token: none has its kid, or
// none fits its algorithm.
var errNoKeyForToken = errors.New("no key in the set for this token")

// fits reports whether key is of the type alg signs with.
func fits(key any, alg string) bool {
	switch k := key.(type) {
	case *rsa.PublicKey:
		return strings.HasPrefix(alg, "RS") || strings.HasPrefix(alg, "PS")
	case *ecdsa.PublicKey:
		curve := map[string]string{"ES256": "P-256", "ES384": "P-384", "ES512": "P-521"}[alg]
		return curve != "" && k.Curve.Params().Name == curve
	case ed25519.PublicKey:
		return alg == "EdDSA"
	}
	return false
}

// hasKid reports whether the key set holds a usable key with this shown id.
func (ks *keySet) hasKid(kid string) bool {
	for _, k := range ks.kids {
		if k == kid {
			return true
		}
	}
	return false
}

// isKeyNotFound reports whether err says no key of the set may check the token.
func isKeyNotFound(err error) bool { return errors.Is(err, errNoKeyForToken) }
