package main

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
	"github.com/xrash/smetrics"
)

// commandError remembers which command an error came from, so that run can point to that
// command's help.
type commandError struct {
	command string
	err     error
}

func (e *commandError) Error() string { return e.err.Error() }
func (e *commandError) Unwrap() error { return e.err }

// inCommand wraps the errors of a command's action with the command's name.
func inCommand(name string, action cli.ActionFunc) cli.ActionFunc {
	return func(c *cli.Context) error {
		if err := action(c); err != nil {
			return &commandError{command: name, err: err}
		}
		return nil
	}
}

// helpCommandOf is the help to read after err: "gen-postman verify --help" for verify's.
func helpCommandOf(err error) string {
	var ce *commandError
	if errors.As(err, &ce) {
		return "gen-postman " + ce.command + " --help"
	}
	return "gen-postman --help"
}

// The messages of Go's flag package, which urfave/cli passes on.
var (
	undefinedFlag = regexp.MustCompile(`^flag provided but not defined: -+(.+)$`)
	invalidValue  = regexp.MustCompile(`^invalid value "(.*)" for flag -+([^:]+): `)
	missingValue  = regexp.MustCompile(`^flag needs an argument: -+(.+)$`)
)

// minSimilarity is how close (Jaro-Winkler, 0 to 1) an unknown flag must be to a known one for
// it to be suggested.
const minSimilarity = 0.8

// onUsageError rewrites a flag parsing error in the user's terms, with the flag written as they
// would type it, and marks it as a usage error for the command. urfave/cli would otherwise print
// its help on stdout.
func onUsageError(c *cli.Context, err error, isSubcommand bool) error {
	flags := c.App.Flags
	if isSubcommand && c.Command != nil {
		flags = c.Command.Flags
	}
	msg := err.Error()
	switch {
	case undefinedFlag.MatchString(msg):
		name := undefinedFlag.FindStringSubmatch(msg)[1]
		err = fmt.Errorf("unknown flag %s", dashed(name))
		current := "generate" // with no command, gen-postman generates
		if isSubcommand && c.Command != nil {
			current = c.Command.Name
		}
		if s := closestFlag(flags, name); s != "" {
			err = fmt.Errorf("unknown flag %s; did you mean %s?", dashed(name), dashed(s))
		} else if others := commandsTaking(c.App, name, current); len(others) > 0 {
			verb := "does"
			if len(others) > 1 {
				verb = "do"
			}
			err = fmt.Errorf("unknown flag %s: %s does not take it; %s %s", dashed(name), current, strings.Join(others, " and "), verb)
		}
	case invalidValue.MatchString(msg):
		m := invalidValue.FindStringSubmatch(msg)
		value, name := m[1], m[2]
		reason := strings.TrimPrefix(msg, m[0])
		if isDurationFlag(flags, name) {
			reason = "not a duration; give one such as 30s, 30m or 1h30m"
		}
		err = fmt.Errorf("invalid %s %q: %s", dashed(name), value, reason)
	case missingValue.MatchString(msg):
		err = fmt.Errorf("%s needs a value", dashed(missingValue.FindStringSubmatch(msg)[1]))
	}
	err = usageError(err)
	if isSubcommand && c.Command != nil {
		return &commandError{command: c.Command.Name, err: err}
	}
	return err
}

// commandsTaking lists the commands of app other than current that have a flag called name.
func commandsTaking(app *cli.App, name, current string) []string {
	var names []string
	for _, cmd := range app.Commands {
		if cmd.Name == current {
			continue
		}
		for _, f := range cmd.Flags {
			if slices.Contains(f.Names(), name) {
				names = append(names, cmd.Name)
				break
			}
		}
	}
	return names
}

// closestFlag returns the name of the flag most like name, or "" when none is close.
func closestFlag(flags []cli.Flag, name string) string {
	best, bestScore := "", minSimilarity
	for _, f := range flags {
		for _, n := range f.Names() {
			if len(n) == 1 {
				continue
			}
			if score := smetrics.JaroWinkler(n, name, 0.7, 4); score >= bestScore {
				best, bestScore = n, score
			}
		}
	}
	return best
}

func isDurationFlag(flags []cli.Flag, name string) bool {
	return slices.ContainsFunc(flags, func(f cli.Flag) bool {
		_, ok := f.(*cli.DurationFlag)
		return ok && slices.Contains(f.Names(), name)
	})
}
