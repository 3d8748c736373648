package profile

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/text"
)

// Collection is what a Postman collection, and optionally its environment, say about the token
// request and the API.
type Collection struct {
	// Options are the token request's settings for [Resolve] with the generic provider. Merge
	// the user's own values over them with [Merge] before resolving.
	Options Options
	// Call is the collection's own request that a bare --call makes.
	Call *Call
	// Warnings are remarks on settings that are read differently from Postman, or ignored.
	Warnings []string
}

// Call is a request of a collection that verify can make with the token.
type Call struct {
	// Name is the request's place in the collection: "Folder/Request".
	Name string
	// Method is GET or HEAD.
	Method string
	// URL is the request's URL with its variables resolved. It is not validated: the caller
	// applies [ParseHTTPURL] before sending anything.
	URL string
	// Problem, when set, says why no request can be called, and the other fields are empty.
	Problem string
}

// Resolve resolves c.Options into a profile whose bare --call is the collection's own request.
func (c *Collection) Resolve() (*Profile, error) {
	p, err := Resolve(c.Options)
	if err != nil {
		return nil, err
	}
	p.Folders = nil
	p.Call = c.Call
	if p.Call == nil {
		p.Call = &Call{Problem: "the collection has no request that uses this OAuth 2.0 auth"}
	}
	return p, nil
}

// LoadCollection reads the OAuth 2.0 client credentials auth of a Postman collection wherever
// the app would apply it: on a request, a folder or the collection. It resolves {{variables}}
// from the environment's enabled values first, then the collection's variables; environment
// may be nil. With request empty it reads the auth of the first request that has OAuth 2.0
// auth, and warns about any other configuration; request names one, as "Request" or
// "Folder/Request". Bad files are reported as [*input.Error] for the field "collection" or
// "environment", a bad request name for the field "request".
func LoadCollection(collection, environment io.Reader, request string) (*Collection, error) {
	col, err := postman.ReadCollection(collection)
	if err != nil {
		return nil, fileError("collection", err)
	}
	vars, err := readVariableScopes(col, environment)
	if err != nil {
		return nil, err
	}
	c := &Collection{}
	cfg, err := chooseConfig(col, vars, request)
	if err != nil {
		return nil, err
	}
	c.Options, c.Warnings = cfg.settings.Options, cfg.settings.Warnings
	if cfg.settings.storedToken {
		c.Warnings = append(c.Warnings, storedTokenWarning)
	}
	c.Options.Provider, c.Options.Name = "generic", sanitizeName(col.Name())
	c.Warnings = append(c.Warnings, cfg.others...)
	c.Call = cfg.call(vars)
	if err := c.readVariables(vars); err != nil {
		return nil, err
	}
	if c.Options.Endpoint == "" {
		c.Options.Endpoint = c.Call.origin()
	}
	return c, nil
}

// readVariableScopes reads the values {{variables}} resolve to, in Postman's order.
func readVariableScopes(col *postman.Collection, environment io.Reader) (*variables, error) {
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
	colVars, _ := col.Variables() // checked when the file is read
	for _, v := range colVars {
		if !v.Disabled {
			vars.col = append(vars.col, variable{v.Name(), v.Value})
		}
	}
	return vars, nil
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
	return &input.Error{Field: field, Reason: reason}
}

func collectionError(reason string) error {
	return &input.Error{Field: "collection", Reason: reason}
}

// authSettings are the token request settings one oauth2 auth block holds.
type authSettings struct {
	Options  Options
	Warnings []string
	// storedToken is set when the block carries a token itself, not a {{variable}}.
	storedToken bool
}

// storedTokenWarning explains why a token saved in the collection is not checked.
const storedTokenWarning = `the OAuth 2.0 auth carries an access token itself, as Postman's "Use Token" saves it; ` +
	`verify gets and checks a new token and not the saved one, which Newman sends until it expires: ` +
	`remove it before sharing the collection`

// readAuth reads an oauth2 auth block.
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
	if token, _, err := field(postman.AuthAccessToken); err == nil && token != "" && !strings.Contains(token, "{{") {
		c.storedToken = true
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
