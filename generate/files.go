package generate

import (
	"os"

	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
)

// File modes of what Render produces. An environment that holds a secret (the client secret, a
// private key) is readable by its owner only.
const (
	CollectionMode        os.FileMode = 0o644
	EnvironmentMode       os.FileMode = 0o644
	SecretEnvironmentMode os.FileMode = 0o600
)

// Files are a profile's collection and, when asked for, its environment, encoded as Postman
// writes them, with the mode each file must have.
type Files struct {
	Collection []byte
	// Environment is nil unless Render was given environment options.
	Environment     []byte
	EnvironmentMode os.FileMode
	// Warnings say what of the profile's API was written otherwise than given: variables
	// renamed so as not to take the collection's own names, examples Postman would read as
	// variables left out.
	Warnings []string
	// Secrets name in words the values typed secret that the environment holds, or would hold
	// had one been asked for: "the client secret", or with private_key_jwt "the private key",
	// and with DPoP "the DPoP proof key".
	Secrets []string
	// SecretDropped is true when the profile holds a secret that no file carries, because no
	// environment was asked for.
	SecretDropped bool
}

// Render encodes p's collection and, when env is not nil, its environment.
func Render(p *profile.Profile, env *EnvironmentOptions) (*Files, error) {
	c, warnings, err := Build(p)
	if err != nil {
		return nil, err
	}
	files := &Files{Warnings: warnings, Secrets: secretWords(p)}
	if files.Collection, err = postman.Encode(c); err != nil {
		return nil, err
	}
	if env == nil {
		files.SecretDropped = len(files.Secrets) > 0
		return files, nil
	}
	e := NewEnvironment(p, *env)
	if files.Environment, err = postman.Encode(e); err != nil {
		return nil, err
	}
	files.EnvironmentMode = EnvironmentMode
	if e.HasSecret() {
		files.EnvironmentMode = SecretEnvironmentMode
	}
	return files, nil
}

// FileNames are the names of a collection's files in a folder: NAME.postman_collection.json
// and NAME.postman_environment.json.
func FileNames(name string) (collection, environment string) {
	return name + ".postman_collection.json", name + ".postman_environment.json"
}
