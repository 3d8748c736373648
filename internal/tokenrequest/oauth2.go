package tokenrequest

import (
	"fmt"
	"strings"

	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/text"
)

// authSettings are the token request settings one oauth2 auth block holds.
type authSettings struct {
	oauth2   Auth
	warnings []string
	// storedToken is set when the block carries a token itself, not a {{variable}}.
	storedToken bool
}

// Auth is what an OAuth 2.0 auth block of client credentials says of the token request, its
// {{variables}} resolved. Each field is bound to the setting it carries.
type Auth struct {
	TokenURL     string `setting:"token-url"`
	ClientID     string `setting:"client-id"`
	ClientSecret string `setting:"client-secret"`
	// Scope is nil when the auth has no scope field, and points to "" when it is empty.
	Scope *string `setting:"scope"`
	// ClientAuth is the auth's client_authentication: "", postman.ClientAuthHeader or
	// postman.ClientAuthBody.
	ClientAuth string `setting:"client-auth"`
	// Resource and Audience are the token request parameters that name the API.
	Resource string `setting:"resource"`
	Audience string `setting:"audience"`
	// DPoP is set when the auth sends the token with the header prefix DPoP (RFC 9449), as
	// gen-postman writes it with --dpop, so the token must be requested with DPoP proofs.
	DPoP bool `setting:"dpop"`
}

// storedTokenWarning explains why a token saved in the collection is not checked.
const storedTokenWarning = `the OAuth 2.0 auth carries an access token itself, as Postman's "Use Token" saves it; ` +
	`verify gets and checks a new token and not the saved one, which Newman sends until it expires: ` +
	`remove it before sharing the collection`

// readAuth reads an oauth2 auth block of client credentials.
func (c *authSettings) readAuth(auth *postman.Auth, vars *variables) error {
	values := postman.AuthValues(auth)
	field := func(key string) (string, bool, error) {
		v, ok := values[key]
		if !ok || v == nil {
			return "", ok, nil
		}
		s, isString := v.(string)
		if !isString {
			return "", true, collectionError(fmt.Sprintf("oauth2 %s is not a string", key))
		}
		return s, true, nil
	}
	grant, _, err := field(postman.AuthGrantType)
	if err != nil {
		return err
	}
	if grant != postman.GrantClientCredentials {
		return collectionError(fmt.Sprintf("its oauth2 grant_type is %q; verify checks the client credentials grant only", text.OneLine(grant, 40)))
	}
	tokenURL, _, err := field(postman.AuthAccessTokenURL)
	if err != nil {
		return err
	}
	if tokenURL == "" {
		return collectionError("its oauth2 auth has no accessTokenUrl")
	}
	if c.oauth2.TokenURL, err = vars.expand(postman.AuthAccessTokenURL, tokenURL); err != nil {
		return err
	}
	for _, f := range []struct {
		key string
		dst *string
	}{{postman.AuthClientID, &c.oauth2.ClientID}, {postman.AuthClientSecret, &c.oauth2.ClientSecret}} {
		s, _, err := field(f.key)
		if err != nil {
			return err
		}
		*f.dst = vars.expandOptional(f.key, s) // the caller fills what is left empty
	}
	if s, present, err := field(postman.AuthScope); err != nil {
		return err
	} else if present {
		scope, err := vars.expand(postman.AuthScope, s)
		if err != nil {
			return err
		}
		c.oauth2.Scope = &scope
	}
	ca, _, err := field(postman.AuthClientAuthentication)
	if err != nil {
		return err
	}
	switch ca {
	case "", postman.ClientAuthHeader, postman.ClientAuthBody:
		c.oauth2.ClientAuth = ca
	default:
		return collectionError(fmt.Sprintf("its oauth2 client_authentication is %q, not header or body", text.OneLine(ca, 40)))
	}
	if token, _, err := field(postman.AuthAccessToken); err == nil && token != "" && !strings.Contains(token, "{{") {
		c.storedToken = true
	}
	if prefix, _, err := field(postman.AuthHeaderPrefix); err == nil && strings.EqualFold(strings.TrimSpace(prefix), "DPoP") {
		c.oauth2.DPoP = true
	}
	return c.readParams(values, vars)
}
