package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/setting"
	"github.com/gen-postman/gen-postman/templates"
)

// providerOpenAPIFlag asks for the OpenAPI document the provider's preset names. It is a flag of
// its own, not a value of --openapi, so that no file or URL can be mistaken for it.
const providerOpenAPIFlag = "provider-openapi"

// openapiSource is the OpenAPI document generate reads, and the flag that named it: --openapi's
// file, URL or -, or with --provider-openapi the URL the provider's preset names, filled in for
// the tenant or endpoint and said on stderr. An empty source means no document: the preset's
// ready requests.
func openapiSource(c *cli.Context, opts profile.Options, stderr io.Writer) (field, source string, err error) {
	switch {
	case c.IsSet("openapi") && c.Bool(providerOpenAPIFlag):
		return "", "", usageError(fmt.Errorf("--openapi names a document and --%s takes the provider's: give one of them", providerOpenAPIFlag))
	case c.IsSet("openapi"):
		return "openapi", c.String("openapi"), nil
	case !c.Bool(providerOpenAPIFlag):
		return "", "", nil
	}
	name := opts.Provider
	if name == "" {
		name = profile.DefaultProvider
	}
	preset, err := templates.LoadPreset(name)
	switch {
	case errors.Is(err, templates.ErrUnknownPreset):
		// Resolve says which providers there are.
		_, err = profile.Resolve(opts)
		return "", "", err
	case err != nil:
		return "", "", err
	case preset.OpenAPI == "":
		return "", "", &input.Error{Field: providerOpenAPIFlag,
			Reason: fmt.Sprintf("the %s provider names no OpenAPI document: give %s FILE or URL", name, input.Flag(setting.OpenAPI))}
	}
	prof, err := profile.Resolve(opts)
	if err != nil {
		return "", "", err
	}
	fmt.Fprintf(stderr, "gen-postman: reading %s's OpenAPI document %s\n", preset.Title, prof.OpenAPIURL)
	return providerOpenAPIFlag, prof.OpenAPIURL, nil
}
