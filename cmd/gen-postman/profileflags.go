package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/gen-postman/gen-postman/internal/clientkey"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/templates"
)

// Environment variables that carry the client credentials, so the secret stays out of the
// process list and the shell history.
const (
	envClientID     = "GEN_POSTMAN_CLIENT_ID"
	envClientSecret = "GEN_POSTMAN_CLIENT_SECRET"
)

// profileFlags are the flags that describe the token request, shared by generate and verify.
func profileFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "provider", Value: profile.DefaultProvider, Usage: "`NAME` of the provider preset: " + presetList() + " (see 'gen-postman providers')"},
		&cli.StringFlag{Name: "tenant", Usage: "Logto Cloud tenant `ID`, Kinde subdomain, Auth0 tenant (acme for acme.auth0.com), Zitadel Cloud instance, Okta domain, or Entra ID tenant"},
		&cli.StringFlag{Name: "endpoint", Usage: "base `URL` of a self-hosted server (Logto, Keycloak, Zitadel), a custom domain, or a regional Auth0 domain"},
		&cli.StringFlag{Name: "realm", Usage: "Keycloak realm `NAME`, as in BASE/realms/NAME"},
		&cli.StringFlag{Name: "base-url", Usage: "base `URL` of the API the requests call (the baseUrl variable; default: the preset's, the OpenAPI document's server, or a guess from the API identifier or the token URL)"},
		&cli.StringFlag{Name: "token-url", Usage: "token endpoint `URL` (generic needs it, or --issuer to discover it)"},
		&cli.StringFlag{Name: "resource", Usage: "resource indicator `URI` of the API (RFC 8707; Logto)"},
		&cli.StringSliceFlag{Name: "audience", Usage: "audience `ID` of the API (Kinde, Auth0); several, repeated or space-separated, are sent as one space-separated value"},
		&cli.StringFlag{Name: "scope", Usage: "space-separated `SCOPES` to request (Logto's Management API: all)"},
		&cli.StringFlag{Name: "client-auth", Usage: "`METHOD` by which the client authenticates: header (HTTP Basic), body (form fields) or private_key_jwt (a signed assertion); default: private_key_jwt with --private-key, else " + clientAuthDefaults()},
		&cli.StringFlag{Name: "client-id", Usage: "the M2M app's client `ID` [$" + envClientID + "]"},
		&cli.StringFlag{Name: "client-secret", Usage: "the app's `SECRET`; prefer the environment variable, which the process list does not show [$" + envClientSecret + "]"},
		&cli.StringFlag{Name: "private-key", Usage: "PEM `FILE` of the app's private key, for private_key_jwt: RSA 2048-8192 bits or EC P-256/P-384 (PKCS#8, PKCS#1 or SEC 1)"},
		&cli.StringFlag{Name: "key-id", Usage: "the key's `ID` as the server knows it, sent as the assertion's kid (default: its RFC 7638 thumbprint)"},
		&cli.BoolFlag{Name: "dpop", Usage: "bind tokens to a proof key with DPoP (RFC 9449): a proof with every token and API request; needs --private-key"},
		&cli.StringFlag{Name: "client-secret-file", Usage: "read the app's secret from `FILE` (one line; a trailing newline is dropped)"},
		allowHTTPBoolFlag(),
	}
}

// presetList names the presets, as "auth0, entra, ... or zitadel".
func presetList() string {
	names := templates.PresetNames()
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// clientAuthDefaults says which presets use which client authentication, as
// "header for generic and logto, body for auth0 and kinde".
func clientAuthDefaults() string {
	presets, err := templates.Presets()
	if err != nil {
		return "the provider's"
	}
	byMethod := map[string][]string{}
	var methods []string
	for _, p := range presets {
		if byMethod[p.ClientAuth] == nil {
			methods = append(methods, p.ClientAuth)
		}
		byMethod[p.ClientAuth] = append(byMethod[p.ClientAuth], p.Name)
	}
	slices.Sort(methods)
	slices.Reverse(methods) // header, the OAuth default, first
	parts := make([]string, 0, len(methods))
	for _, m := range methods {
		names := byMethod[m]
		list := strings.Join(names[:len(names)-1], ", ")
		if list != "" {
			list += " and "
		}
		parts = append(parts, m+" for "+list+names[len(names)-1])
	}
	return strings.Join(parts, ", ")
}

// profileOptions moves the profile flags into profile.Options, and reads the --private-key and
// --client-secret-file files. A secret given on the command line works but draws a warning on
// stderr.
func profileOptions(c *cli.Context, stderr io.Writer) (profile.Options, error) {
	opts := profile.Options{
		Provider:   c.String("provider"),
		Tenant:     c.String("tenant"),
		Endpoint:   c.String("endpoint"),
		Realm:      c.String("realm"),
		TokenURL:   c.String("token-url"),
		Resource:   c.String("resource"),
		Audience:   strings.Join(c.StringSlice("audience"), " "),
		ClientAuth: c.String("client-auth"),
		ClientID:   c.String("client-id"),
		BaseURL:    c.String("base-url"),
		URLPolicy:  urlPolicy(c),
	}
	// The environment variables are read here rather than by the flags, so that a flag counts
	// as given only when it is on the command line (see inheritAppFlags).
	if !c.IsSet("client-id") {
		opts.ClientID = os.Getenv(envClientID)
	}
	if c.IsSet("scope") {
		scope := c.String("scope")
		opts.Scope = &scope
	}
	if c.IsSet("client-secret") && c.IsSet("client-secret-file") {
		return opts, usageError(errors.New("give --client-secret or --client-secret-file, not both"))
	}
	switch {
	case c.IsSet("client-secret-file"):
		secret, err := readSecretFile(c.String("client-secret-file"))
		if err != nil {
			return opts, err
		}
		opts.ClientSecret = secret
	case c.IsSet("client-secret"):
		fmt.Fprintf(stderr, "gen-postman: warning: --client-secret shows the secret in the process list and shell history; set %s instead\n", envClientSecret)
		opts.ClientSecret = c.String("client-secret")
	default:
		opts.ClientSecret = os.Getenv(envClientSecret)
	}
	opts.KeyID, opts.DPoP = c.String("key-id"), c.Bool("dpop")
	if path := c.String("private-key"); path != "" {
		key, err := clientkey.Load(path)
		if err != nil {
			return opts, err
		}
		opts.ClientKey = key
	}
	return opts, nil
}
