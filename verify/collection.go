package verify

import (
	"fmt"
	"io"

	"github.com/gen-postman/gen-postman/templates"
)

// maxCollectionFile bounds a collection or environment file.
const maxCollectionFile = 10 << 20

// Collection is what a Postman collection, and optionally its environment, say about the
// token request and the API.
type Collection struct {
	// Options are the token request's settings for [templates.Resolve] with the generic
	// provider. The caller applies its own overrides (client id and secret from flags or the
	// environment) before resolving; templates does all URL validation.
	Options templates.Options
	// Folders are the collection's requests whose URL starts with {{baseUrl}}, with paths
	// relative to it, so that Options.Call "first" calls the collection's first request.
	Folders []templates.Folder
	// Warnings are remarks on settings that verify reads differently from Postman or ignores.
	Warnings []string
}

// Resolve resolves c.Options into a profile carrying the collection's own requests.
func (c *Collection) Resolve() (*templates.Profile, error) {
	p, err := templates.Resolve(c.Options)
	if err != nil {
		return nil, err
	}
	if len(c.Folders) > 0 {
		p.Folders = append([]templates.Folder(nil), c.Folders...)
	}
	return p, nil
}

// LoadCollection reads the collection-level OAuth 2.0 auth of a Postman v2.1 collection, which
// must use the client credentials grant, resolving {{variables}} from the environment's enabled
// values first, then the collection's variables. environment may be nil. Bad files are reported
// as [*templates.InputError] for the field "collection" or "environment".
func LoadCollection(collection io.Reader, environment io.Reader) (*Collection, error) {
	var col pmCollection
	if err := decodeFile("collection", collection, &col); err != nil {
		return nil, err
	}
	if col.Info == nil {
		if col.Values != nil {
			return nil, collectionError("this is a Postman environment, not a collection; pass it with --environment")
		}
		return nil, collectionError("not a Postman collection: it has no info")
	}
	vars := &variables{haveEnv: environment != nil}
	if environment != nil {
		var env pmEnvironment
		if err := decodeFile("environment", environment, &env); err != nil {
			return nil, err
		}
		if env.Info != nil {
			return nil, &templates.InputError{Field: "environment", Reason: "this is a Postman collection, not an environment"}
		}
		for _, v := range env.Values {
			if v.Enabled == nil || *v.Enabled {
				vars.env = append(vars.env, variable{v.Key, valueString(v.Value)})
			}
		}
	}
	for _, v := range col.Variable {
		key := v.Key
		if key == "" {
			key = v.ID
		}
		if !v.Disabled {
			vars.col = append(vars.col, variable{key, valueString(v.Value)})
		}
	}
	c := &Collection{Options: templates.Options{Provider: "generic", Name: sanitizeName(col.Info.Name)}}
	if err := c.readAuth(col.Auth, vars); err != nil {
		return nil, err
	}
	if err := c.readVariables(vars); err != nil {
		return nil, err
	}
	c.Folders = collectFolders(col.Item, vars)
	return c, nil
}

// readAuth reads the collection-level oauth2 auth into c.Options.
func (c *Collection) readAuth(auth *pmAuth, vars *variables) error {
	if auth == nil || auth.Type == "" {
		return collectionError("it has no collection-level auth; verify reads the OAuth 2.0 auth set on the collection itself")
	}
	if auth.Type != "oauth2" {
		return collectionError(fmt.Sprintf("its auth is %q, not oauth2", oneLine(auth.Type, 40)))
	}
	fields, err := authFields(auth.OAuth2)
	if err != nil {
		return err
	}
	text := func(key string) (string, bool, error) {
		raw, ok := fields[key]
		if !ok {
			return "", false, nil
		}
		s, err := rawString(raw)
		if err != nil {
			return "", true, collectionError(fmt.Sprintf("oauth2 %s is %v", key, err))
		}
		return s, true, nil
	}
	grant, _, err := text("grant_type")
	if err != nil {
		return err
	}
	if grant != "client_credentials" {
		return collectionError(fmt.Sprintf("its oauth2 grant_type is %q; verify checks the client credentials grant only", oneLine(grant, 40)))
	}
	tokenURL, _, err := text("accessTokenUrl")
	if err != nil {
		return err
	}
	if tokenURL == "" {
		return collectionError("its oauth2 auth has no accessTokenUrl")
	}
	if c.Options.TokenURL, err = vars.expand("accessTokenUrl", tokenURL); err != nil {
		return err
	}
	for _, f := range []struct {
		key string
		dst *string
	}{{"clientId", &c.Options.ClientID}, {"clientSecret", &c.Options.ClientSecret}} {
		s, _, err := text(f.key)
		if err != nil {
			return err
		}
		*f.dst = vars.expandOptional(s) // the caller fills what is left empty
	}
	if s, present, err := text("scope"); err != nil {
		return err
	} else if present {
		scope, err := vars.expand("scope", s)
		if err != nil {
			return err
		}
		c.Options.Scope = &scope
	}
	ca, _, err := text("client_authentication")
	if err != nil {
		return err
	}
	switch ca {
	case "", "header", "body":
		c.Options.ClientAuth = ca
	default:
		return collectionError(fmt.Sprintf("its oauth2 client_authentication is %q, not header or body", oneLine(ca, 40)))
	}
	return c.readParams(fields, vars)
}

// readVariables reads the issuer, key set and base URL the collection's variables carry.
func (c *Collection) readVariables(vars *variables) error {
	for _, f := range []struct {
		name string
		dst  *string
	}{{"issuer", &c.Options.Issuer}, {"jwksUrl", &c.Options.JWKSURL}, {"baseUrl", &c.Options.Endpoint}} {
		value, ok := vars.get(f.name)
		if !ok || value == "" {
			continue
		}
		expanded, err := vars.expand(f.name, value)
		if err != nil {
			return err
		}
		*f.dst = expanded
	}
	return nil
}
