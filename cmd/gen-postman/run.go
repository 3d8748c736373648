package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/gen-postman/gen-postman/internal/setting"
)

// run is the whole program: it parses args, runs the command and turns its error into the exit
// status, printing the error on stderr. Nothing but a command's product goes to stdout.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runWith(ctx, args, stdout, stderr, nil)
}

// runWith is run with the HTTP client that sends every request; nil means network.NewClient's
// defaults.
func runWith(ctx context.Context, args []string, stdout, stderr io.Writer, client *http.Client) int {
	app := newApp(stdout, stderr, client)
	err := helpTopicError(app, args, app.RunContext(ctx, updateFlagsFirst(app.Command("update"), commandFlagsAfterName(app, expandBareCall(args)))))
	code := exitCodeOf(err)
	var coded *codedError
	if err != nil && !(errors.As(err, &coded) && coded.err == nil) {
		fmt.Fprintf(stderr, "gen-postman: %v\n", err)
		if code == exitUsage {
			fmt.Fprintf(stderr, "Run '%s' for usage.\n", helpCommandOf(err))
		}
	}
	return int(code)
}

func newApp(stdout, stderr io.Writer, client *http.Client) *cli.App {
	gen := generateCommand(client)
	genAction := gen.Action
	commands := []*cli.Command{gen, updateCommand(client), verifyCommand(client), providersCommand(), completionCommand()}
	for _, cmd := range commands {
		var words []string
		if cmd.Name == "completion" {
			words = shells
		}
		cmd.BashComplete = completeArgs(cmd, words)
		cmd.OnUsageError = onUsageError
		cmd.Before = cli.BeforeFunc(inCommand(cmd.Name, inheritAppFlags))
		cmd.Action = inCommand(cmd.Name, cmd.Action)
	}
	return &cli.App{
		Name:      "gen-postman",
		Usage:     "Postman collections preconfigured for OAuth 2.0 client credentials, and a check of their tokens",
		UsageText: "gen-postman [generate] --tenant ID [flags] > NAME.postman_collection.json\ngen-postman update --openapi SOURCE COLLECTION\ngen-postman verify [flags]\ngen-postman providers\ngen-postman help COMMAND",
		Description: "With no command, gen-postman generates: it writes a Postman v2.1.0 collection whose\n" +
			"requests get an OAuth 2.0 client credentials token by themselves, in the Postman app and in Newman.",
		Version:   buildVersion(),
		Writer:    stdout,
		ErrWriter: stderr,
		// The generate flags again, from the same declaration but as values of their own:
		// given before a command's name they apply to that command (inheritAppFlags).
		Flags:                flagsFor(setting.Generate),
		Action:               genAction,
		OnUsageError:         onUsageError,
		ExitErrHandler:       func(*cli.Context, error) {},
		EnableBashCompletion: true,
		// A repeated flag gives several values; a comma inside one, as in a URL, stays in it.
		DisableSliceFlagSeparator: true,
		Commands:                  commands,
	}
}

// helpTopicError turns urfave/cli's answer to "help NOSUCH" (exit status 3, no suggestion) into
// a usage error that suggests the command meant.
func helpTopicError(app *cli.App, args []string, err error) error {
	var exit cli.ExitCoder
	if !errors.As(err, &exit) || !strings.HasPrefix(exit.Error(), "No help topic for") {
		return err
	}
	topic := ""
	for i, a := range args {
		if a == "help" && i+1 < len(args) {
			topic = args[i+1]
		}
	}
	return unknownCommandError(app, topic, "no command", "the commands are "+commandNames(app))
}

// noArgs refuses positional arguments, which no command takes.
func noArgs(c *cli.Context) error {
	if c.Args().Present() {
		return unknownCommandError(c.App, c.Args().First(), "unexpected argument", "flags start with --")
	}
	return nil
}

// warn prints remarks on stderr.
func warn(stderr io.Writer, warnings []string) {
	for _, w := range warnings {
		fmt.Fprintf(stderr, "gen-postman: warning: %s\n", w)
	}
}
