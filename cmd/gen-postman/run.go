package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

// version is set at build time with -ldflags "-X main.version=…"; otherwise it comes from the
// module's build information.
var version = ""

// run is the whole program: it parses args, runs the command and turns its error into the exit
// status, printing the error on stderr. Nothing but a command's product goes to stdout.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	err := app.RunContext(ctx, expandBareCall(args))
	code := exitCodeOf(err)
	var coded *codedError
	if err != nil && !(errors.As(err, &coded) && coded.err == nil) {
		fmt.Fprintf(stderr, "gen-postman: %v\n", err)
		if code == exitUsage {
			fmt.Fprintln(stderr, "Run 'gen-postman --help' for usage.")
		}
	}
	return int(code)
}

func newApp(stdout, stderr io.Writer) *cli.App {
	gen := generateCommand()
	return &cli.App{
		Name:      "gen-postman",
		Usage:     "Postman collections preconfigured for OAuth 2.0 client credentials, and a check of their tokens",
		UsageText: "gen-postman [generate] --tenant ID [flags] > NAME.postman_collection.json\ngen-postman verify [flags]\ngen-postman providers",
		Description: "With no command, gen-postman generates: it writes a Postman v2.1.0 collection whose\n" +
			"requests get an OAuth 2.0 client credentials token by themselves, in the Postman app and in Newman.",
		Version:         buildVersion(),
		Writer:          stdout,
		ErrWriter:       stderr,
		Flags:           gen.Flags,
		Action:          gen.Action,
		OnUsageError:    onUsageError,
		ExitErrHandler:  func(*cli.Context, error) {},
		HideHelpCommand: true,
		// A repeated flag gives several values; a comma inside one, as in a URL, stays in it.
		DisableSliceFlagSeparator: true,
		Commands:                  []*cli.Command{gen, verifyCommand(), providersCommand()},
	}
}

// onUsageError keeps urfave/cli from printing help on stdout for a bad flag: the error goes
// to stderr through run, with exit status 2.
func onUsageError(_ *cli.Context, err error, _ bool) error {
	return usageError(err)
}

// noArgs refuses positional arguments, which no command takes.
func noArgs(c *cli.Context) error {
	if c.Args().Present() {
		return usageError(fmt.Errorf("unexpected argument %q (flags start with --)", c.Args().First()))
	}
	return nil
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "devel"
}
