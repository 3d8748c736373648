package main

import (
	"fmt"
	"slices"

	"github.com/urfave/cli/v2"
)

// inheritAppFlags applies the flags given before the command's name to the command, so that
// "gen-postman --provider kinde generate" means "gen-postman generate --provider kinde". A flag
// the command does not take, or one given before and after the name with different values, is
// a usage error: no flag is ever dropped.
func inheritAppFlags(c *cli.Context) error {
	lineage := c.Lineage()
	if len(lineage) < 2 {
		return nil
	}
	parent := lineage[1]
	local := c.LocalFlagNames()
	for _, f := range c.App.Flags {
		names := f.Names()
		name := names[0]
		given := ""
		for _, n := range parent.LocalFlagNames() {
			if slices.Contains(names, n) {
				given = n
				break
			}
		}
		if given == "" {
			continue
		}
		if !commandHasFlag(c.Command, name) {
			return usageError(fmt.Errorf("%s given before %q, which does not take it (see 'gen-postman %s --help')",
				dashed(given), c.Command.Name, c.Command.Name))
		}
		values := flagValues(parent, f)
		if slices.ContainsFunc(names, func(n string) bool { return slices.Contains(local, n) }) {
			if !slices.Equal(flagValues(c, f), values) {
				return usageError(fmt.Errorf("%s given both before and after %q with different values; give it once",
					dashed(given), c.Command.Name))
			}
			continue
		}
		for _, v := range values {
			if err := c.Set(name, v); err != nil {
				return fmt.Errorf("applying %s to %q: %w", dashed(given), c.Command.Name, err)
			}
		}
	}
	return nil
}

// flagValues are the values a flag was given in c: each of a repeated flag's, or the one.
func flagValues(c *cli.Context, f cli.Flag) []string {
	name := f.Names()[0]
	if _, repeated := f.(*cli.StringSliceFlag); repeated {
		return c.StringSlice(name)
	}
	return []string{fmt.Sprint(c.Value(name))}
}

func commandHasFlag(cmd *cli.Command, name string) bool {
	return flagNamed(cmd.Flags, name) != nil
}

// dashed writes a flag name as the user types it: -o, --tenant.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}
