package tokenrequest

import (
	"io"
	"reflect"

	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/setting"
)

// Request is what a Postman collection, and optionally its environment, say about the
// token request and the API: the OAuth 2.0 client credentials auth that applies to a request,
// with its {{variables}} resolved.
type Request struct {
	// Name is the collection's info.name, as it is.
	Name string `setting:"name"`
	// Auth is what the chosen OAuth 2.0 auth itself says.
	Auth
	// KeyID is the collection's keyId variable: the kid of private_key_jwt assertions.
	KeyID string `setting:"key-id"`
	// PrivateKey is the privateKey variable, which only an environment file holds: the
	// client's private key as a JWK, for private_key_jwt. It is a secret.
	PrivateKey string `setting:"private-key"`
	// Issuer, JWKSURL, IntrospectionURL and BaseURL come from the collection's issuer,
	// jwksUrl, introspectionUrl and baseUrl variables. BaseURL, when there is none, is the
	// origin of the request Call makes.
	Issuer           string `setting:"issuer"`
	JWKSURL          string `setting:"jwks-url"`
	IntrospectionURL string `setting:"introspection-url"`
	BaseURL          string `setting:"base-url"`
	// Call is the collection's own request that verify can make with the token; nil when no
	// request uses the auth.
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
	// applies the run's network.URLPolicy before sending anything.
	URL string
	// Problem, when set, says why no request can be called, and the other fields are empty.
	Problem string
}

// Load reads the OAuth 2.0 client credentials auth of a Postman collection wherever
// the app would apply it: on a request, a folder or the collection. It resolves {{variables}}
// from the environment's enabled values first, then the collection's variables; environment
// may be nil. With request empty it reads the auth of the first request that has OAuth 2.0
// auth, and warns about any other configuration; request names one, as "Request" or
// "Folder/Request". Bad files are reported as [*input.Error] for the field "collection" or
// "environment", a bad request name for the field "request".
func Load(collection, environment io.Reader, request string) (*Request, error) {
	col, err := postman.ReadCollection(collection)
	if err != nil {
		return nil, fileError("collection", err, environment != nil)
	}
	return FromCollection(col, environment, request)
}

// FromCollection is [Load] of a collection already read.
func FromCollection(col *postman.Collection, environment io.Reader, request string) (*Request, error) {
	vars, err := readVariableScopes(col, environment)
	if err != nil {
		return nil, err
	}
	cfg, err := chooseConfig(col, vars, request)
	if err != nil {
		return nil, err
	}
	tr := &Request{Name: col.Name(), Auth: cfg.settings.oauth2}
	tr.Warnings = cfg.settings.warnings
	if cfg.settings.storedToken {
		tr.Warnings = append(tr.Warnings, storedTokenWarning)
	}
	tr.Warnings = append(tr.Warnings, cfg.others...)
	tr.Call = cfg.call(vars)
	if err := tr.readVariables(vars, notSigning(col)); err != nil {
		return nil, err
	}
	if tr.BaseURL == "" {
		tr.BaseURL = tr.Call.origin()
	}
	return tr, nil
}

// readVariables reads the settings the collection's variables (and the environment's) carry
// besides the auth's own: each field of Request bound to a setting whose declaration names its
// variable (the issuer, key set, introspection endpoint, base URL, the client's key and its id).
// A collection whose client does not sign has no key id: a keyId variable there is the API's.
func (tr *Request) readVariables(vars *variables, notSigning bool) error {
	auth, fields := setting.Fields(&tr.Auth), setting.Fields(tr)
	for _, s := range setting.All() {
		field, bound := fields[s.Key]
		if _, inAuth := auth[s.Key]; inAuth || !bound || s.Variable == "" || field.Kind() != reflect.String {
			continue
		}
		if s.Key == setting.KeyID && notSigning {
			continue
		}
		value, ok := vars.get(s.Variable)
		if !ok || value == "" {
			continue
		}
		expanded, err := vars.expand(s.Variable, value)
		if err != nil {
			return err
		}
		field.SetString(expanded)
	}
	return nil
}
