package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"slices"
	"strings"
	"text/template"

	"github.com/urfave/cli/v2"

	"github.com/gen-postman/gen-postman/internal/setting"
	"github.com/gen-postman/gen-postman/templates"
)

// The bash and zsh scripts ask gen-postman itself for the commands and flags that fit, with
// urfave/cli's --generate-bash-completion; a flag's value is completed as a file name.
var (
	//go:embed completion/gen-postman.bash
	bashCompletion string
	//go:embed completion/gen-postman.zsh
	zshCompletion string
)

// shells are the shells completion writes a script for.
var shells = []string{"bash", "zsh", "fish"}

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script for " + strings.Join(shells, ", ") + "",
		UsageText: "source <(gen-postman completion bash)   # in ~/.bashrc, or zsh after compinit\ngen-postman completion fish | source   # in ~/.config/fish/config.fish",
		ArgsUsage: "SHELL",
		Action:    runCompletion,
	}
}

// completeArgs is what the shell completes after a command's name: its flags after a dash,
// else the words it takes (completion's shells), never the help command urfave/cli adds. With
// nothing to offer the shell falls back to file names, as update's collection wants.
func completeArgs(cmd *cli.Command, words []string) cli.BashCompleteFunc {
	flags := cli.DefaultCompleteWithFlags(cmd)
	return func(c *cli.Context) {
		// urfave/cli gives the word being completed only in os.Args, before its own flag.
		if len(os.Args) > 2 && strings.HasPrefix(os.Args[len(os.Args)-2], "-") {
			flags(c)
			return
		}
		if c.NArg() == 0 {
			for _, w := range words {
				fmt.Fprintln(c.App.Writer, w)
			}
		}
	}
}

func runCompletion(c *cli.Context) error {
	if c.NArg() != 1 || !slices.Contains(shells, c.Args().First()) {
		return usageError(fmt.Errorf("completion takes one shell: %s", strings.Join(shells, ", ")))
	}
	var script string
	switch shell := c.Args().First(); shell {
	case "fish":
		s, err := c.App.ToFishCompletion()
		if err != nil {
			return fmt.Errorf("writing the fish completion: %w", err)
		}
		script = s
	default:
		text := bashCompletion
		if shell == "zsh" {
			text = zshCompletion
		}
		s, err := completionScript(text, c.App)
		if err != nil {
			return fmt.Errorf("writing the %s completion: %w", shell, err)
		}
		script = s
	}
	_, err := fmt.Fprint(c.App.Writer, script)
	return err
}

// completionScript fills in a script the flags, of any command, that take a value.
func completionScript(text string, app *cli.App) (string, error) {
	t, err := template.New("completion").Parse(text)
	if err != nil {
		return "", err
	}
	var names []string
	add := func(flags []cli.Flag) {
		for _, f := range flags {
			if v, ok := f.(cli.DocGenerationFlag); ok && v.TakesValue() {
				for _, n := range f.Names() {
					if d := dashed(n); !slices.Contains(names, d) {
						names = append(names, d)
					}
				}
			}
		}
	}
	add(app.Flags)
	for _, cmd := range app.Commands {
		add(cmd.Flags)
	}
	slices.Sort(names)
	providers, err := providerNames()
	if err != nil {
		return "", err
	}
	// The settings that take only some values complete to them, as their declarations say.
	type choice struct{ Flag, Words string }
	var choices []choice
	for _, s := range setting.All() {
		if len(s.Values) > 0 {
			choices = append(choices, choice{setting.Flag(s.Key), strings.Join(s.Values, " ")})
		}
	}
	var b bytes.Buffer
	err = t.Execute(&b, struct {
		ValueFlags string
		Providers  string
		Choices    []choice
	}{strings.Join(names, "|"), strings.Join(providers, " "), choices})
	return b.String(), err
}

// providerNames are the presets' names, which --provider completes to.
func providerNames() ([]string, error) {
	presets, err := templates.Presets()
	if err != nil {
		return nil, fmt.Errorf("reading the presets: %w", err)
	}
	var names []string
	for _, p := range presets {
		names = append(names, p.Name)
	}
	slices.Sort(names)
	return names, nil
}
