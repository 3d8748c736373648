package main

import (
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
)

// commandFlagsAfterName moves the flags given before a command's name that only the command
// takes (gen-postman --json verify ...) to just after the name, where urfave/cli reads them:
// flags may stand before or after the command's name. One that another command takes is moved
// too, so that the command refuses it in its own terms; one no command takes stays where it is,
// and is refused there; a flag of generate's, which the app reads itself, stays too, and is
// handed on by inheritAppFlags.
func commandFlagsAfterName(app *cli.App, args []string) []string {
	var movedAt []int // the indexes in args of the words to move: flags and their values
	at := -1
	for i := 1; i < len(args); i++ {
		word := args[i]
		if word == "--" {
			return args
		}
		if len(word) < 2 || word[0] != '-' {
			if app.Command(word) != nil {
				at = i
			}
			break
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(word, "-"), "=")
		f := flagNamed(app.Flags, name)
		own := f != nil
		if !own {
			if f = anyCommandFlag(app, name); f == nil {
				return args // unknown everywhere: refused as it stands
			}
			movedAt = append(movedAt, i)
		}
		if _, isBool := f.(*cli.BoolFlag); !isBool && !hasValue && i+1 < len(args) {
			i++ // its value
			if !own {
				movedAt = append(movedAt, i)
			}
		}
	}
	if at < 0 || len(movedAt) == 0 {
		return args
	}
	out := make([]string, 0, len(args))
	for i := 0; i < at; i++ {
		if !slices.Contains(movedAt, i) {
			out = append(out, args[i])
		}
	}
	out = append(out, args[at])
	for _, i := range movedAt {
		out = append(out, args[i])
	}
	return append(out, args[at+1:]...)
}

// flagNamed is the flag among flags one of whose names is name, or nil.
func flagNamed(flags []cli.Flag, name string) cli.Flag {
	for _, f := range flags {
		if slices.Contains(f.Names(), name) {
			return f
		}
	}
	return nil
}

// anyCommandFlag is a flag called name of one of app's commands, or nil.
func anyCommandFlag(app *cli.App, name string) cli.Flag {
	for _, cmd := range app.Commands {
		if f := flagNamed(cmd.Flags, name); f != nil {
			return f
		}
	}
	return nil
}
