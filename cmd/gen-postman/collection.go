package main

import (
	"errors"
	"strings"

	"github.com/gen-postman/gen-postman/internal/clientkey"
	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/setting"
	"github.com/gen-postman/gen-postman/internal/tokenrequest"
)

// collectionProvider is the preset a collection's token request is resolved with: the
// collection names every URL itself.
const collectionProvider = "generic"

// collectionOptions are the options of the token request a collection (and its environment)
// describes, for the user's flags to be merged over: each setting the collection carries goes
// into the field the declaration binds it to. A collection whose client signs (it has a key id,
// or sends DPoP) authenticates with private_key_jwt, with the key its environment holds.
func collectionOptions(tr *tokenrequest.Request) (profile.Options, error) {
	opts := profile.Options{Provider: collectionProvider}
	setting.Copy(&opts, tr)
	// The generic preset's server is the collection's base URL; --base-url, given over it,
	// moves the API alone.
	opts.Endpoint, opts.BaseURL = opts.BaseURL, ""
	opts.Name = profile.SanitizeName(tr.Name)
	if tr.KeyID != "" || tr.DPoP || tr.PrivateKey != "" {
		opts.ClientAuth = string(profile.ClientAuthPrivateKeyJWT)
	}
	if tr.PrivateKey != "" {
		key, err := clientkey.ParseJWK([]byte(tr.PrivateKey))
		if err != nil {
			return opts, &input.Error{Field: setting.Environment, Secret: true,
				Reason: "its " + postman.VarPrivateKey + " variable: " + err.Error()}
		}
		opts.ClientKey = key
	}
	return opts, nil
}

// collectionCall is the collection's own request, which a bare --call makes. With baseURL
// (--base-url) it goes after that base URL instead of the collection's own (base).
func collectionCall(c *tokenrequest.Call, base, baseURL string) *profile.Call {
	if c == nil {
		return nil
	}
	call := &profile.Call{Name: c.Name, Method: c.Method, URL: c.URL, Problem: c.Problem}
	if rest, ok := strings.CutPrefix(c.URL, strings.TrimRight(base, "/")); ok && baseURL != "" && base != "" &&
		(rest == "" || strings.HasPrefix(rest, "/") || strings.HasPrefix(rest, "?")) {
		call.URL = strings.TrimRight(baseURL, "/") + rest
	}
	return call
}

// collectionProfile resolves the token request a collection describes, with over (the user's
// flags and environment variables) merged over what the files say.
func collectionProfile(tr *tokenrequest.Request, over profile.Options) (*profile.Profile, error) {
	base, err := collectionOptions(tr)
	if err != nil {
		return nil, err
	}
	opts := profile.Merge(base, over)
	// An introspection URL the user named, not the collection's: see profile.Options.
	opts.IntrospectionNamed = over.IntrospectionNamed
	if (tr.DPoP || tr.KeyID != "") && opts.ClientKey == nil {
		return nil, &input.Error{Field: setting.PrivateKey, Reason: "missing: the collection's client signs its token requests " +
			"(private_key_jwt, DPoP); give --private-key FILE with the key its environment's privateKey holds, or that environment with --environment"}
	}
	p, err := profile.ResolveCollection(opts, collectionCall(tr.Call, tr.BaseURL, over.BaseURL))
	return p, collectionValueError(err, over)
}

// collectionValueError says that a bad value came from the collection, not from a flag, when
// no flag gave it: the message then names where it is in the file, as the settings
// declaration says the collection carries it.
func collectionValueError(err error, over profile.Options) error {
	var ie *input.Error
	if !errors.As(err, &ie) {
		return err
	}
	s, ok := setting.Lookup(ie.Field)
	if !ok || s.Variable == "" && s.Carried == "" {
		return err
	}
	if f, bound := setting.Fields(&over)[ie.Field]; bound && !f.IsZero() {
		return err // the user's own value
	}
	return &input.Error{Field: setting.Collection, Value: ie.Value, Secret: ie.Secret, Reason: whereCarried(s) + ": " + ie.Reason}
}

// whereCarried says where a collection carries s: its own words, else its variable.
func whereCarried(s setting.Setting) string {
	if s.Carried != "" {
		return s.Carried
	}
	return "the collection's " + s.Variable + " variable"
}
