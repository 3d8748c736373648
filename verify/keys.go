package verify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/MicahParks/jwkset"
	"github.com/MicahParks/keyfunc/v3"
	"github.com/golang-jwt/jwt/v5"

	"github.com/gen-postman/gen-postman/internal/text"
)

// keySet is a JWK Set (RFC 7517 §5) fetched from url, parsed by jwkset and served to golang-jwt
// by keyfunc.
type keySet struct {
	url  string
	kf   keyfunc.Keyfunc
	kids []string
	// skipped says which keys were left out, and why.
	skipped []string
}

// loadKeySet fetches and parses the key set at u. Keys that cannot verify a signature, such as
// encryption or symmetric keys, are left out; a set without any other key is ErrNoKeys.
func loadKeySet(ctx context.Context, client *http.Client, u string) (*keySet, error) {
	body, err := getJSON(ctx, client, u)
	if err != nil {
		return nil, err
	}
	var set struct {
		Keys []json.RawMessage `json:"keys"`
	}
	if err := json.Unmarshal(body, &set); err != nil {
		return nil, fmt.Errorf("%s: not a JWK Set: %s", u, text.OneLine(err.Error(), 100))
	}
	ks := &keySet{url: u}
	store := jwkset.NewMemoryStorage()
	for i, raw := range set.Keys {
		jwk, err := jwkset.NewJWKFromRawJSON(raw, jwkset.JWKMarshalOptions{}, jwkset.JWKValidateOptions{})
		if err != nil {
			ks.skipped = append(ks.skipped, fmt.Sprintf("key %d: %s", i, text.OneLine(err.Error(), 120)))
			continue
		}
		m := jwk.Marshal()
		if m.USE == jwkset.UseEnc {
			ks.skipped = append(ks.skipped, fmt.Sprintf("key %q: for encryption", m.KID))
			continue
		}
		if err := store.KeyWrite(ctx, jwk); err != nil {
			return nil, fmt.Errorf("storing key %q from %s: %w", m.KID, u, err)
		}
		ks.kids = append(ks.kids, m.KID)
	}
	if len(ks.kids) == 0 {
		return nil, fmt.Errorf("%w: the key set at %s has no usable signing key (%d keys)", ErrNoKeys, u, len(set.Keys))
	}
	kf, err := keyfunc.New(keyfunc.Options{Ctx: ctx, Storage: store})
	if err != nil {
		return nil, fmt.Errorf("reading keys from %s: %w", u, err)
	}
	ks.kf = kf
	return ks, nil
}

// keyfunc finds the token's key by its kid, refusing a key whose alg differs from the token's;
// a token without a kid is tried against every key.
func (ks *keySet) keyfunc(ctx context.Context) jwt.Keyfunc {
	return ks.kf.KeyfuncCtx(ctx)
}

// hasKid reports whether the key set holds a key with this id.
func (ks *keySet) hasKid(kid string) bool {
	for _, k := range ks.kids {
		if k == kid {
			return true
		}
	}
	return false
}

// isKeyNotFound reports whether err says the token's kid is not in the set.
func isKeyNotFound(err error) bool { return errors.Is(err, jwkset.ErrKeyNotFound) }
