package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"
	"github.com/xrash/smetrics"
)

// commandSuggestion is what the user most likely meant by arg, a word where a command or a flag
// was expected: a command of app's, written a little differently ("verfiy", "provider"), or a
// flag taken for a command ("version"). It is "" when nothing is close.
func commandSuggestion(app *cli.App, arg string) string {
	switch strings.ToLower(arg) {
	case "version", "-version":
		return "--version"
	}
	best, bestScore := "", minSimilarity
	for _, cmd := range app.Commands {
		for _, name := range cmd.Names() {
			if score := smetrics.JaroWinkler(strings.ToLower(arg), name, 0.7, 4); score >= bestScore {
				best, bestScore = name, score
			}
		}
	}
	return best
}

// unknownCommandError reports arg, given where a command or a flag was expected (what says
// which: "unexpected argument"), with the command or flag it most likely stands for, or else
// with otherwise.
func unknownCommandError(app *cli.App, arg, what, otherwise string) error {
	if s := commandSuggestion(app, arg); s != "" {
		return usageError(fmt.Errorf("%s %q; did you mean %s?", what, arg, s))
	}
	return usageError(fmt.Errorf("%s %q (%s)", what, arg, otherwise))
}

// commandNames lists app's commands, for a message.
func commandNames(app *cli.App) string {
	var names []string
	for _, cmd := range app.Commands {
		names = append(names, cmd.Name)
	}
	return strings.Join(names, ", ")
}
