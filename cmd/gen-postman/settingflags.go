package main

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/gen-postman/gen-postman/internal/setting"
	"github.com/gen-postman/gen-postman/templates"
)

// The environment variables of the client credentials, as the settings declaration names them.
const (
	envClientID     = setting.EnvClientID
	envClientSecret = setting.EnvClientSecret
)

// flagsFor are the flags of cmd, one for each setting the declaration says it takes.
func flagsFor(cmd setting.Command) []cli.Flag {
	fill := strings.NewReplacer(setting.PresetsPlaceholder, presetList(), setting.ClientAuthDefaultPlaceholder, clientAuthDefaults())
	var flags []cli.Flag
	for _, s := range setting.For(cmd) {
		flags = append(flags, cliFlag(s, fill.Replace(s.UsageFor(cmd))))
	}
	return flags
}

// cliFlag is the urfave/cli flag of s. The environment variable is named in the usage but
// read by settingOptions, so that a flag counts as given only when it is on the command line
// (see inheritAppFlags).
func cliFlag(s setting.Setting, usage string) cli.Flag {
	name := string(s.Key)
	if s.Env != "" {
		usage += " [$" + s.Env + "]"
	}
	switch s.Kind {
	case setting.Switch:
		return &cli.BoolFlag{Name: name, Aliases: s.Aliases, Usage: usage}
	case setting.List:
		return &cli.StringSliceFlag{Name: name, Aliases: s.Aliases, Usage: usage}
	case setting.Duration:
		var d time.Duration
		if s.Default != "" {
			var err error
			if d, err = time.ParseDuration(s.Default); err != nil {
				panic(fmt.Sprintf("setting %s: default %q: %v", s.Key, s.Default, err))
			}
		}
		return &cli.DurationFlag{Name: name, Aliases: s.Aliases, Usage: usage, Value: d, DefaultText: s.DefaultText}
	}
	return &cli.StringFlag{Name: name, Aliases: s.Aliases, Usage: usage, Value: s.Default, DefaultText: s.DefaultText}
}

// given reports whether the user gave setting s: its flag on the command line, or its
// environment variable set to something.
func given(c *cli.Context, s setting.Setting) bool {
	return c.IsSet(string(s.Key)) || s.Env != "" && os.Getenv(s.Env) != ""
}

// textValue is the value of a text or list setting: its flag, else its environment variable,
// else its default. The values of a list are joined with spaces.
func textValue(c *cli.Context, s setting.Setting) string {
	name := string(s.Key)
	switch {
	case s.Kind == setting.List:
		return strings.Join(c.StringSlice(name), " ")
	case !c.IsSet(name) && s.Env != "":
		return os.Getenv(s.Env)
	}
	return c.String(name)
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
