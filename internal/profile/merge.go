package profile

// Merge returns base with the values that over sets in place of base's: every non-empty string,
// and Scope when it is not nil (an explicit empty scope clears base's). This is the one rule by
// which the user's flags and environment variables override what a collection and its
// environment file say; an empty value, such as GEN_POSTMAN_CLIENT_ID= set to nothing, never
// wipes a value the files give. A client key given over a collection that sends a secret makes
// the client sign instead (private_key_jwt), and DPoP asked for on either side is asked for.
func Merge(base, over Options) Options {
	out := base
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&out.Provider, over.Provider},
		{&out.Tenant, over.Tenant},
		{&out.Endpoint, over.Endpoint},
		{&out.Realm, over.Realm},
		{&out.TokenURL, over.TokenURL},
		{&out.Resource, over.Resource},
		{&out.Audience, over.Audience},
		{&out.ClientAuth, over.ClientAuth},
		{&out.ClientID, over.ClientID},
		{&out.ClientSecret, over.ClientSecret},
		{&out.Issuer, over.Issuer},
		{&out.JWKSURL, over.JWKSURL},
		{&out.IntrospectionURL, over.IntrospectionURL},
		{&out.Name, over.Name},
		{&out.BaseURL, over.BaseURL},
	} {
		if f.src != "" {
			*f.dst = f.src
		}
	}
	if over.Scope != nil {
		out.Scope = over.Scope
	}
	if over.KeyID != "" {
		out.KeyID = over.KeyID
	}
	if over.ClientKey != nil {
		// A key given by the user makes the client sign, however the files send a secret.
		out.ClientKey = over.ClientKey
		if over.ClientAuth == "" {
			out.ClientAuth, out.ClientSecret = string(ClientAuthPrivateKeyJWT), ""
		}
	}
	out.DPoP = out.DPoP || over.DPoP
	// Where plain http may go is the user's choice alone, never a file's.
	out.URLPolicy = over.URLPolicy
	return out
}
