package main

import (
	"errors"
	"strings"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/tokenrequest"
)

// collectionProvider is the preset a collection's token request is resolved with: the
// collection names every URL itself.
const collectionProvider = "generic"

// collectionOptions are the options of the token request a collection describes, for the
// user's flags to be merged over.
func collectionOptions(tr *tokenrequest.Request) profile.Options {
	return profile.Options{
		Provider:     collectionProvider,
		Name:         profile.SanitizeName(tr.Name),
		TokenURL:     tr.TokenURL,
		ClientID:     tr.ClientID,
		ClientSecret: tr.ClientSecret,
		Scope:        tr.Scope,
		ClientAuth:   tr.ClientAuth,
		Resource:     tr.Resource,
		Audience:     tr.Audience,
		Issuer:       tr.Issuer,
		JWKSURL:      tr.JWKSURL,
		Endpoint:     tr.BaseURL,
		KeyID:        tr.KeyID,
		DPoP:         tr.DPoP,
	}
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
	if (tr.DPoP || tr.KeyID != "") && over.ClientKey == nil {
		return nil, &input.Error{Field: "private-key", Reason: "missing: the collection's client signs its token requests " +
			"(private_key_jwt, DPoP); give --private-key FILE with the key its environment's privateKey holds"}
	}
	p, err := profile.ResolveCollection(profile.Merge(collectionOptions(tr), over), collectionCall(tr.Call, tr.BaseURL, over.BaseURL))
	return p, collectionValueError(err, over)
}

// collectionSettings name, for each setting a collection gives, where in the collection it is,
// for a message about a value the user did not give as a flag (--endpoint is not even one
// that collection mode takes).
var collectionSettings = map[string]struct {
	given func(profile.Options) string
	where string
}{
	"endpoint":  {func(o profile.Options) string { return o.Endpoint }, "the collection's " + postman.VarBaseURL + " variable (or its request's URL)"},
	"token-url": {func(o profile.Options) string { return o.TokenURL }, "the token URL of the collection's OAuth 2.0 auth"},
	"jwks-url":  {func(o profile.Options) string { return o.JWKSURL }, "the collection's " + postman.VarJWKSURL + " variable"},
}

// collectionValueError says that a bad value came from the collection, not from a flag, when
// no flag gave it: the message then names where it is in the file.
func collectionValueError(err error, over profile.Options) error {
	var ie *input.Error
	if !errors.As(err, &ie) {
		return err
	}
	s, ok := collectionSettings[ie.Field]
	if !ok || s.given(over) != "" {
		return err
	}
	return &input.Error{Field: "collection", Value: ie.Value, Secret: ie.Secret, Reason: s.where + ": " + ie.Reason}
}
