package profile

import "github.com/gen-postman/gen-postman/internal/setting"

// Merge returns base with the values that over sets in place of base's: every setting over
// gives a value that is not empty, as the settings declaration binds Options' fields (Scope
// when it is not nil: an explicit empty scope clears base's; DPoP asked for on either side is
// asked for). This is the one rule by which the user's flags and environment variables override
// what a collection and its environment file say; an empty value, such as
// GEN_POSTMAN_CLIENT_ID= set to nothing, never wipes a value the files give. A client key given
// over a collection that sends a secret makes the client sign instead (private_key_jwt).
func Merge(base, over Options) Options {
	out := base
	setting.Copy(&out, &over)
	if over.ClientKey != nil && over.ClientAuth == "" {
		// A key given by the user makes the client sign, however the files send a secret.
		out.ClientAuth, out.ClientSecret = string(ClientAuthPrivateKeyJWT), ""
	}
	out.CollectionOnly = base.CollectionOnly || over.CollectionOnly
	// Where plain http may go is the user's choice alone, never a file's.
	out.URLPolicy = over.URLPolicy
	if over.API != nil {
		out.API = over.API
	}
	return out
}
