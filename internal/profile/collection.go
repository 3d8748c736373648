package profile

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/text"
	"github.com/gen-postman/gen-postman/templates"
)

// Collection is what a Postman collection, and optionally its environment, say about the token
// request and the API.
type Collection struct {
	// Options are the token request's settings for [Resolve] with the generic provider. Merge
	// the user's own values over them with [Merge] before resolving.
	Options Options
	// Folders are the collection's requests whose URL starts with {{baseUrl}}, with paths
	// relative to it, so that a bare --call calls the collection's first request.
	Folders []templates.Folder
	// Warnings are remarks on settings that are read differently from Postman, or ignored.
	Warnings []string
}

// Resolve resolves c.Options into a profile carrying the collection's own requests.
func (c *Collection) Resolve() (*Profile, error) {
	p, err := Resolve(c.Options)
	if err != nil {
		return nil, err
	}
	if len(c.Folders) > 0 {
		p.Folders = append([]templates.Folder(nil), c.Folders...)
	}
	return p, nil
}

// LoadCollection reads the collection-level OAuth 2.0 auth of a Postman collection, which must
// use the client credentials grant, resolving {{variables}} from the environment's enabled
// values first, then the collection's variables. environment may be nil. Bad files are reported
// as [*InputError] for the field "collection" or "environment".
func LoadCollection(collection io.Reader, environment io.Reader) (*Collection, error) {
	col, err := postman.ReadCollection(collection)
	if err != nil {
		return nil, fileError("collection", err)
	}
	vars := &variables{haveEnv: environment != nil}
	if environment != nil {
		env, err := postman.ReadEnvironment(environment)
		if err != nil {
			return nil, fileError("environment", err)
		}
		for _, v := range env.Values {
			if v.Enabled {
				vars.env = append(vars.env, variable{v.Key, v.Value})
			}
		}
	}
	for _, v := range col.Variable {
		if !v.Disabled {
			vars.col = append(vars.col, variable{v.Name(), v.Value})
		}
	}
	c := &Collection{Options: Options{Provider: "generic", Name: sanitizeName(col.Info.Name)}}
	if err := c.readAuth(col.Auth, vars); err != nil {
		return nil, err
	}
	if err := c.readVariables(vars); err != nil {
		return nil, err
	}
	c.Folders = collectFolders(col.Items, vars)
	return c, nil
}

// fileError turns a reading error into bad input about the file.
func fileError(field string, err error) error {
	reason := err.Error()
	switch {
	case errors.Is(err, postman.ErrNotJSON):
		reason = "not a JSON " + field + " file: " + strings.TrimPrefix(reason, postman.ErrNotJSON.Error()+": ")
	case errors.Is(err, postman.ErrIsEnvironment):
		reason += "; pass it with --environment"
	}
	return &InputError{Field: field, Reason: reason}
}

func collectionError(reason string) error {
	return &InputError{Field: "collection", Reason: reason}
}

// readAuth reads the collection-level oauth2 auth into c.Options.
func (c *Collection) readAuth(auth *postman.Auth, vars *variables) error {
	if auth == nil || auth.Type == "" {
		return collectionError("it has no collection-level auth; verify reads the OAuth 2.0 auth set on the collection itself")
	}
	if string(auth.Type) != postman.AuthTypeOAuth2 {
		return collectionError(fmt.Sprintf("its auth is %q, not oauth2", text.OneLine(string(auth.Type), 40)))
	}
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
	if c.Options.TokenURL, err = vars.expand(postman.AuthAccessTokenURL, tokenURL); err != nil {
		return err
	}
	for _, f := range []struct {
		key string
		dst *string
	}{{postman.AuthClientID, &c.Options.ClientID}, {postman.AuthClientSecret, &c.Options.ClientSecret}} {
		s, _, err := field(f.key)
		if err != nil {
			return err
		}
		*f.dst = vars.expandOptional(s) // the caller fills what is left empty
	}
	if s, present, err := field(postman.AuthScope); err != nil {
		return err
	} else if present {
		scope, err := vars.expand(postman.AuthScope, s)
		if err != nil {
			return err
		}
		c.Options.Scope = &scope
	}
	ca, _, err := field(postman.AuthClientAuthentication)
	if err != nil {
		return err
	}
	switch ClientAuth(ca) {
	case "", ClientAuthHeader, ClientAuthBody:
		c.Options.ClientAuth = ca
	default:
		return collectionError(fmt.Sprintf("its oauth2 client_authentication is %q, not header or body", text.OneLine(ca, 40)))
	}
	return c.readParams(values, vars)
}

// readVariables reads the issuer, key set and base URL the collection's variables carry.
func (c *Collection) readVariables(vars *variables) error {
	for _, f := range []struct {
		name string
		dst  *string
	}{{postman.VarIssuer, &c.Options.Issuer}, {postman.VarJWKSURL, &c.Options.JWKSURL}, {postman.VarBaseURL, &c.Options.Endpoint}} {
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

// sanitizeName makes a collection name usable as Options.Name, or empty.
func sanitizeName(name string) string {
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, strings.ToValidUTF8(name, ""))
	name = strings.TrimSpace(name)
	for len(name) > maxNameLength {
		r := []rune(name)
		name = strings.TrimSpace(string(r[:len(r)-1]))
	}
	if name == "." || name == ".." {
		return ""
	}
	return name
}
