package main

import (
	"io"
	"slices"
	"strings"
	"testing"
)

func TestCommandFlagsAfterName(t *testing.T) {
	app := newApp(io.Discard, io.Discard, nil)
	for in, want := range map[string]string{
		"--json verify --tenant acme":                      "verify --json --tenant acme",
		"--provider logto --junit out.xml verify":          "--provider logto verify --junit out.xml",
		"--junit=x.xml --show-token verify --tenant a":     "verify --junit=x.xml --show-token --tenant a",
		"--dry-run update --openapi d.yaml c.json":         "update --dry-run --openapi d.yaml c.json",
		"--dry-run verify":                                 "verify --dry-run", // verify refuses it, in its terms
		"--bogus verify":                                   "--bogus verify",   // no command takes it
		"--json":                                           "--json",
		"--name verify --json":                             "--name verify --json", // verify is --name's value
		"--tenant acme verify":                             "--tenant acme verify",
		"-- --json verify":                                 "-- --json verify",
		"verify --json":                                    "verify --json",
		"--json --client-id x verify --environment e.json": "--client-id x verify --json --environment e.json",
	} {
		args := append([]string{"gen-postman"}, strings.Fields(in)...)
		got := strings.Join(commandFlagsAfterName(app, args)[1:], " ")
		if got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
		if !slices.Equal(args[1:], strings.Fields(in)) {
			t.Errorf("%q: the arguments given were changed", in)
		}
	}
}

// TestCommandFlagsBeforeTheName: a flag only the command takes works before its name, as
// docs/flags.md says; one it does not take is refused naming the command.
func TestCommandFlagsBeforeTheName(t *testing.T) {
	_, stderr, code := runCLI(t, "--json", "verify", "--provider", "generic", "--token-url", "https://id.example.com/token")
	if code != int(exitUsage) || !strings.Contains(stderr, "client id") || strings.Contains(stderr, "unknown flag") {
		t.Errorf("--json verify: exit %d\n%s", code, stderr)
	}
	_, stderr, code = runCLI(t, "--dry-run", "verify", "--provider", "generic", "--token-url", "https://id.example.com/token")
	if code != int(exitUsage) || !strings.Contains(stderr, "unknown flag --dry-run: verify does not take it; update does") {
		t.Errorf("--dry-run verify: exit %d\n%s", code, stderr)
	}
}
