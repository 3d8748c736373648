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

// writeProviders prints one block per preset: its title, its summary, and the values it fills
// in (providerRows).
func writeProviders(w io.Writer, presets []templates.Preset) error {
	var b strings.Builder
	for i, p := range presets {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s: %s\n", p.Name, p.Title)
		fmt.Fprintf(&b, "  %s\n", p.Summary)
		for _, r := range providerRows(p) {
			fmt.Fprintf(&b, "  %-12s %s\n", r.label, r.value)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// providerRow is one line of a preset's block in providers: a label and what the preset gives.
type providerRow struct{ label, value string }

// providerRows are the values p fills in, read from the preset itself, each with the flag that
// gives it where the preset gives none; a value the preset leaves empty and no flag gives is
// left out.
func providerRows(p templates.Preset) []providerRow {
	var rows []providerRow
	row := func(label, value string) {
		if value != "" {
			rows = append(rows, providerRow{label, value})
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
	if p.Param != "" {
		row(p.Param, fmt.Sprintf("%s (with --endpoint alone: %s)", p.APIIdentifier.Tenant, p.APIIdentifier.Endpoint))
	} else {
		row("API", apiNaming(p))
	}
	row("scope", orFlag(p.Scope, "--scope (none by default)"))
	row("client auth", p.ClientAuth)
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
	return rows
}

// apiNaming says how the token request of a preset without a parameter of its own names the
// API: in the preset's scope, by the provider's own means (its hint), or by --resource or
// --audience, and, where the preset reads a scope as naming an API, in the scope too.
func apiNaming(p templates.Preset) string {
	inScope := "API" + p.ScopeNamesAPI
	switch {
	case p.ScopeNamesAPI != "" && p.Scope != "":
		return "named in the scope, as " + inScope + "; the token's aud is API"
	case p.Hints.APIIdentifier != "":
		return p.Hints.APIIdentifier
	case p.ScopeNamesAPI != "":
		return "--resource URI or --audience ID, or in the scope as " + inScope + " (the token's aud is then API)"
	}
	return "--resource URI or --audience ID"
}

func orFlag(value, flag string) string {
	if value == "" {
		return flag
	}
	return value
}
