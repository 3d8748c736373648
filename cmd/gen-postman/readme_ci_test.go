package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"

	"github.com/gen-postman/gen-postman/verify/verifytest"
)

var yamlBlock = regexp.MustCompile("(?ms)^```yaml\n(.*?)^```")

// releaseArchive is the name of a release archive, as .goreleaser.yaml names them.
var releaseArchive = regexp.MustCompile(`/releases/latest/download/gen-postman_(linux|darwin|windows)_(amd64|arm64)\.(tar\.gz|zip)$`)

// TestREADMECISteps runs the commands of the README's CI steps (its yaml blocks): each
// gen-postman command with its flags, against the fake identity provider with the README's
// credentials, must succeed and write the JUnit file it names; go install must name this
// module's command; a download must name an archive the release builds.
func TestREADMECISteps(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := yamlBlock.FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 2 {
		t.Fatalf("found %d yaml blocks in README.md, want the GitHub Actions and GitLab CI steps", len(blocks))
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	client := anyHostClient(t, verifytest.Options{ClientID: readmeClientID, ClientSecret: readmeClientSecret})
	t.Chdir(t.TempDir())
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv(envClientID, readmeClientID)
	t.Setenv(envClientSecret, readmeClientSecret)
	t.Setenv(envStepSummary, "")
	shell := &expand.Config{Env: expand.FuncEnviron(os.Getenv)}
	verified := 0
	for _, block := range blocks {
		for _, line := range strings.Split(block[1], "\n") {
			line = strings.TrimPrefix(strings.TrimSpace(line), "- ")
			if !strings.HasPrefix(line, "gen-postman ") && !strings.HasPrefix(line, "./gen-postman ") &&
				!strings.HasPrefix(line, "go install ") && !strings.HasPrefix(line, "curl ") {
				continue
			}
			file, err := syntax.NewParser().Parse(strings.NewReader(line), "README.md")
			if err != nil {
				t.Fatalf("README CI step does not parse as sh: %v\n%s", err, line)
			}
			for _, stmt := range file.Stmts {
				if pipe, ok := stmt.Cmd.(*syntax.BinaryCmd); ok {
					checkDownload(t, shell, pipe)
					continue
				}
				call, ok := stmt.Cmd.(*syntax.CallExpr)
				if !ok {
					t.Errorf("README CI step: a statement this test cannot check: %s", line)
					continue
				}
				args, err := expand.Fields(shell, call.Args...)
				if err != nil {
					t.Fatal(err)
				}
				switch {
				case args[0] == "go":
					checkGoInstall(t, root, args)
				default:
					args[0] = "gen-postman"
					runREADMECommand(t, client, root, "", args, "")
					if junit := flagValue(args, "--junit"); junit != "" {
						if _, err := os.Stat(junit); err != nil {
							t.Errorf("README CI step %q wrote no JUnit file: %v", line, err)
						}
					}
					verified++
				}
			}
		}
	}
	if verified < 2 {
		t.Errorf("ran %d gen-postman commands of the CI steps, want one per CI system", verified)
	}
}

// checkGoInstall checks that go install names this module's command at @latest.
func checkGoInstall(t *testing.T, root string, args []string) {
	t.Helper()
	const module = "github.com/gen-postman/gen-postman/"
	if len(args) != 3 || args[1] != "install" || !strings.HasPrefix(args[2], module) || !strings.HasSuffix(args[2], "@latest") {
		t.Errorf("README: %q is not go install %sPATH@latest", strings.Join(args, " "), module)
		return
	}
	dir := strings.TrimSuffix(strings.TrimPrefix(args[2], module), "@latest")
	if _, err := os.Stat(filepath.Join(root, dir, "main.go")); err != nil {
		t.Errorf("README: go install %s: no command there: %v", args[2], err)
	}
}

// checkDownload checks that a curl | tar step downloads an archive the release builds.
func checkDownload(t *testing.T, shell *expand.Config, pipe *syntax.BinaryCmd) {
	t.Helper()
	call, ok := pipe.X.Cmd.(*syntax.CallExpr)
	if !ok {
		t.Errorf("README: a pipeline this test cannot check")
		return
	}
	args, err := expand.Fields(shell, call.Args...)
	if err != nil {
		t.Fatal(err)
	}
	url := args[len(args)-1]
	if args[0] != "curl" || !releaseArchive.MatchString(url) {
		t.Errorf("README: %q does not download a release archive", strings.Join(args, " "))
	}
}

// flagValue is the value given to flag in args, or "".
func flagValue(args []string, flag string) string {
	for i, a := range args {
		if a == flag && i+1 < len(args) {
			return args[i+1]
		}
		if v, ok := strings.CutPrefix(a, flag+"="); ok {
			return v
		}
	}
	return ""
}
