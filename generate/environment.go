package generate

import (
	"time"

	"github.com/google/uuid"

	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
)

// EnvironmentOptions are what an environment file records besides the profile.
type EnvironmentOptions struct {
	// Now stamps _postman_exported_at; nil means time.Now.
	Now func() time.Time
	// ExportedUsing names the tool, as "gen-postman/1.0.0".
	ExportedUsing string
}

// idNamespace scopes the name-based UUIDs of environments.
var idNamespace = uuid.MustParse("5b0d3f0e-3c1a-4f53-9e3e-7a0c6a1f2d40")

// NewEnvironment builds the environment for p. The client secret, or with private_key_jwt the
// private key and the DPoP proof key (as JWKs), are its only values typed secret, the secret
// empty when p has none; accessToken is never in it. Its id is derived from the name, token URL
// and client id, so the same input gives the same file.
func NewEnvironment(p *profile.Profile, opts EnvironmentOptions) *postman.Environment {
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	env := &postman.Environment{
		ID:            uuid.NewSHA1(idNamespace, []byte(p.Name+"\n"+p.TokenURL+"\n"+p.ClientID)).String(),
		Name:          p.Name,
		Scope:         "environment",
		ExportedAt:    now().UTC().Format("2006-01-02T15:04:05.000Z"),
		ExportedUsing: opts.ExportedUsing,
	}
	for _, s := range settings(p) {
		v := postman.EnvValue{Key: s.key, Value: s.value, Type: postman.EnvTypeDefault, Enabled: true}
		switch s.key {
		case postman.VarClientSecret:
			v.Value, v.Type = p.ClientSecret, postman.EnvTypeSecret
		case postman.VarPrivateKey:
			v.Value, v.Type = p.ClientKey.MarshalPrivateJWK(p.KeyID), postman.EnvTypeSecret
		case postman.VarDPoPKey:
			v.Value, v.Type = p.ProofKey.MarshalPrivateJWK(""), postman.EnvTypeSecret
		}
		env.Values = append(env.Values, v)
	}
	return env
}

// secretWords names in words the values typed secret, and not empty, that p's environment holds.
func secretWords(p *profile.Profile) []string {
	var words []string
	for _, s := range settings(p) {
		switch {
		case s.key == postman.VarClientSecret && p.ClientSecret != "":
			words = append(words, "the client secret")
		case s.key == postman.VarPrivateKey && p.ClientKey != nil:
			words = append(words, "the private key")
		case s.key == postman.VarDPoPKey && p.ProofKey != nil:
			words = append(words, "the DPoP proof key")
		}
	}
	return words
}
