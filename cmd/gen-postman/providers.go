package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/gen-postman/gen-postman/templates"
)

func providersCommand() *cli.Command {
	return &cli.Command{
		Name:         "providers",
		Usage:        "list the provider presets and what each fills in",
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if err := noArgs(c); err != nil {
				return err
			}
			presets, err := templates.Presets()
			if err != nil {
				return err
			}
			return writeProviders(c.App.Writer, presets)
		},
	}
}

// writeProviders prints one block per preset: what it is and the values it fills in.
func writeProviders(w io.Writer, presets []templates.Preset) error {
	var b strings.Builder
	for i, p := range presets {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s: %s\n", p.Name, p.Title)
		fmt.Fprintf(&b, "  %s\n", p.Summary)
		row := func(label, value string) {
			if value != "" {
				fmt.Fprintf(&b, "  %-12s %s\n", label, value)
			}
		}
		if p.TenantBase != "" {
			row("--tenant", p.TenantHelp)
			row("base URL", p.TenantBase+", or --endpoint")
		} else if strings.Contains(p.TokenURL, "{base}") {
			row("base URL", "--endpoint (required)")
		}
		row("--realm", p.RealmHelp)
		row("API base", p.APIBase)
		row("token URL", orFlag(p.TokenURL, "--token-url (required)"))
		switch {
		case p.Param != "":
			row(p.Param, fmt.Sprintf("%s (with --endpoint alone: %s)", p.APIIdentifier.Tenant, p.APIIdentifier.Endpoint))
		case p.ScopeNamesAPI != "":
			row("API", "named in the scope, as API"+p.ScopeNamesAPI+"; the token's aud is API")
		case p.Hints.APIIdentifier != "":
			row("API", p.Hints.APIIdentifier)
		default:
			row("API", "--resource URI or --audience ID")
		}
		row("scope", orFlag(p.Scope, "--scope (none by default)"))
		row("client auth", string(p.ClientAuth))
		row("issuer", strings.Join(append([]string{p.Issuer}, p.IssuerAliases...), " or "))
		row("keys", p.JWKSURL)
		row("introspect", p.IntrospectionURL)
		var requests []string
		for _, f := range p.Folders {
			for _, r := range f.Requests {
				requests = append(requests, r.Method+" "+r.Path)
			}
		}
		row("requests", strings.Join(requests, ", "))
		if p.OpenAPI != "" {
			row("OpenAPI", p.OpenAPI+" (--"+providerOpenAPIFlag+")")
		} else {
			row("OpenAPI", "none: --openapi FILE or URL")
		}
		row("docs", p.Docs)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func orFlag(value, flag string) string {
	if value == "" {
		return flag
	}
	return value
}
