package generate

import (
	"time"

	"github.com/google/uuid"

	"github.com/gen-postman/gen-postman/templates"
)

// Environment is a Postman environment file.
type Environment struct {
	ID            string     `json:"id"`
	Name          string     `json:"name"`
	Values        []EnvValue `json:"values"`
	Scope         string     `json:"_postman_variable_scope"`
	ExportedAt    string     `json:"_postman_exported_at"`
	ExportedUsing string     `json:"_postman_exported_using"`
}

// EnvValue is one environment variable; Type is "default" or "secret".
type EnvValue struct {
	Key     string `json:"key"`
	Value   string `json:"value"`
	Type    string `json:"type"`
	Enabled bool   `json:"enabled"`
}

// EnvironmentOptions are what an environment file records besides the profile.
type EnvironmentOptions struct {
	// Now stamps _postman_exported_at; nil means time.Now.
	Now func() time.Time
	// ExportedUsing names the tool, as "gen-postman/1.0.0".
	ExportedUsing string
}

// idNamespace scopes the name-based UUIDs of environments.
var idNamespace = uuid.MustParse("5b0d3f0e-3c1a-4f53-9e3e-7a0c6a1f2d40")

// NewEnvironment builds the environment for p. The client secret is its only value typed secret,
// empty when p has none; accessToken is never in it. Its id is derived from the name, token URL
// and client id, so the same input gives the same file.
func NewEnvironment(p *templates.Profile, opts EnvironmentOptions) *Environment {
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	env := &Environment{
		ID:            uuid.NewSHA1(idNamespace, []byte(p.Name+"\n"+p.TokenURL+"\n"+p.ClientID)).String(),
		Name:          p.Name,
		Scope:         "environment",
		ExportedAt:    now().UTC().Format("2006-01-02T15:04:05.000Z"),
		ExportedUsing: opts.ExportedUsing,
	}
	for _, s := range settings(p) {
		v := EnvValue{Key: s.key, Value: s.value, Type: "default", Enabled: true}
		if s.key == varClientSecret {
			v.Value, v.Type = p.ClientSecret, "secret"
		}
		env.Values = append(env.Values, v)
	}
	return env
}

// HasSecret reports whether the environment holds a client secret, so that its file must be
// readable by its owner only.
func (e *Environment) HasSecret() bool {
	for _, v := range e.Values {
		if v.Type == "secret" && v.Value != "" {
			return true
		}
	}
	return false
}
