package profile

import (
	"fmt"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/setting"
)

// maxKeyIDLength bounds --key-id, the assertion header's kid.
const maxKeyIDLength = 256

// signedClient checks the private_key_jwt and DPoP options against the client authentication
// and fills in the key, its id and the DPoP proof key.
func (r *resolver) signedClient(p *Profile) error {
	key := r.opts.ClientKey
	switch {
	case p.ClientAuth.Signed() && key == nil && r.opts.CollectionOnly && r.opts.KeyID != "":
		return r.keyElsewhere(p)
	case p.ClientAuth.Signed() && key == nil:
		return &input.Error{Field: setting.PrivateKey, Reason: "missing: " + input.Flag(setting.ClientAuth) + " private_key_jwt signs with a private key; give " +
			input.Flag(setting.PrivateKey) + " FILE (PEM)"}
	case !p.ClientAuth.Signed() && key != nil:
		return &input.Error{Field: setting.ClientAuth, Value: string(p.ClientAuth),
			Reason: "sends a client secret, and " + input.Flag(setting.PrivateKey) + " is for private_key_jwt: give one or the other"}
	case !p.ClientAuth.Signed() && r.opts.KeyID != "":
		return &input.Error{Field: setting.KeyID, Value: r.opts.KeyID, Reason: "names the key of private_key_jwt: give it with " + input.Flag(setting.PrivateKey)}
	case !p.ClientAuth.Signed() && r.opts.DPoP:
		return &input.Error{Field: setting.DPoP, Reason: "DPoP proofs are signed with a key derived from the client key: give " +
			input.Flag(setting.PrivateKey) + " (private_key_jwt) too"}
	case !p.ClientAuth.Signed():
		return nil
	}
	if err := validText(setting.KeyID, r.opts.KeyID, maxKeyIDLength, false); err != nil {
		return err
	}
	if err := validClientID(setting.KeyID, r.opts.KeyID, false); err != nil {
		return err
	}
	if p.ClientSecret != "" {
		p.Warnings = append(p.Warnings, "private_key_jwt sends no client secret: the secret given is left out of every file and request")
		p.ClientSecret = ""
	}
	p.ClientKey, p.KeyID = key, r.opts.KeyID
	if p.KeyID == "" {
		p.KeyID = key.Thumbprint()
	}
	if r.opts.DPoP {
		proof, err := key.ProofKey()
		if err != nil {
			return fmt.Errorf("preparing DPoP: %w", err)
		}
		p.DPoP, p.ProofKey = true, proof
	}
	return nil
}

// keyElsewhere signs with a key the profile does not hold: a collection alone is written,
// whose environment file keeps the key, and the key id is the one the collection has.
func (r *resolver) keyElsewhere(p *Profile) error {
	if err := validText(setting.KeyID, r.opts.KeyID, maxKeyIDLength, false); err != nil {
		return err
	}
	if err := validClientID(setting.KeyID, r.opts.KeyID, false); err != nil {
		return err
	}
	p.ClientSecret = ""
	p.KeyID, p.DPoP = r.opts.KeyID, r.opts.DPoP
	return nil
}
