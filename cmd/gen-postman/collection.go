package main

import (
	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
)

// collectionProvider is the preset a collection's token request is resolved with: the
// collection names every URL itself.
const collectionProvider = "generic"

// collectionOptions are the options of the token request a collection describes, for the
// user's flags to be merged over.
func collectionOptions(tr *postman.TokenRequest) profile.Options {
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

// collectionCall is the collection's own request, which a bare --call makes.
func collectionCall(c *postman.Call) *profile.Call {
	if c == nil {
		return nil
	}
	return &profile.Call{Name: c.Name, Method: c.Method, URL: c.URL, Problem: c.Problem}
}

// collectionProfile resolves the token request a collection describes, with over (the user's
// flags and environment variables) merged over what the files say.
func collectionProfile(tr *postman.TokenRequest, over profile.Options) (*profile.Profile, error) {
	if (tr.DPoP || tr.KeyID != "") && over.ClientKey == nil {
		return nil, &input.Error{Field: "private-key", Reason: "missing: the collection's client signs its token requests " +
			"(private_key_jwt, DPoP); give --private-key FILE with the key its environment's privateKey holds"}
	}
	return profile.ResolveCollection(profile.Merge(collectionOptions(tr), over), collectionCall(tr.Call))
}
