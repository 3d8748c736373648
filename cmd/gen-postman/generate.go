package main

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/gen-postman/gen-postman/generate"
	"github.com/gen-postman/gen-postman/internal/atomicfile"
	"github.com/gen-postman/gen-postman/internal/openapi"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/setting"
)

func generateCommand(client *http.Client) *cli.Command {
	return &cli.Command{
		Name:         "generate",
		Usage:        "write a Postman collection (and environment) preconfigured for OAuth 2.0 client credentials",
		UsageText:    "gen-postman generate --tenant ID [flags] > NAME.postman_collection.json",
		Flags:        flagsFor(setting.Generate),
		OnUsageError: onUsageError,
		Action:       func(c *cli.Context) error { return runGenerate(c, client) },
	}
}

func runGenerate(c *cli.Context, client *http.Client) error {
	if err := noArgs(c); err != nil {
		return err
	}
	stderr := c.App.ErrWriter
	if c.IsSet("out-dir") && (c.IsSet("output") || c.IsSet("env-output")) {
		return usageError(errors.New("--out-dir names both files: give it alone, or -o and --env-output"))
	}
	opts, err := settingOptions(c, setting.Generate, stderr)
	if err != nil {
		return err
	}
	warnAllowHTTP(c, opts.URLPolicy, stderr)
	client = tracedClient(verboseTracer(c, false), client, opts)
	if err := discoverEndpoints(c.Context, client, &opts, stderr); err != nil {
		return err
	}
	field, source, err := openapiSource(c, opts, stderr)
	if err != nil {
		return err
	}
	if source != "" {
		api, err := loadAPI(c.Context, client, opts.URLPolicy, field, source, c.App.Reader, stderr,
			openapi.Options{Tenant: opts.Tenant, Host: urlHost(opts.URLPolicy, opts.TokenURL), NoContracts: opts.NoContractTests})
		if err != nil {
			return err
		}
		opts.API = api
	}
	prof, err := profile.Resolve(opts)
	if err != nil {
		return err
	}
	warn(stderr, prof.Warnings)
	out := outputPaths(c, prof.Name)
	var envOpts *generate.EnvironmentOptions
	if out.environment != "" {
		now, err := exportTime()
		if err != nil {
			return err
		}
		envOpts = &generate.EnvironmentOptions{Now: now, ExportedUsing: "gen-postman/" + buildVersion()}
	}
	files, err := generate.Render(prof, envOpts)
	if err != nil {
		return err
	}
	warn(stderr, files.Warnings)
	if files.SecretDropped {
		verb := "is"
		if len(files.Secrets) > 1 {
			verb = "are"
		}
		fmt.Fprintf(stderr, "gen-postman: note: %s %s written only to an environment file; add --env-output FILE or --out-dir DIR to keep it\n",
			joinWords(files.Secrets), verb)
	}
	return writeOutputs(c.App.Writer, stderr, out, files, filesRead(c))
}

// outputs are where generate writes: an empty collection path means stdout, an empty
// environment path means no environment.
type outputs struct {
	collection, environment, dir string
}

// outputPaths reads -o, --env-output and --out-dir.
func outputPaths(c *cli.Context, name string) outputs {
	dir := c.String("out-dir")
	if dir == "" {
		collection := c.String("output")
		if collection == "-" {
			collection = "" // stdout
		}
		return outputs{collection: clean(collection), environment: clean(c.String("env-output"))}
	}
	collection, environment := generate.FileNames(name)
	return outputs{collection: filepath.Join(dir, collection), environment: filepath.Join(dir, environment), dir: dir}
}

// flag is the flag that named a file: name itself, or out-dir when --out-dir named both.
func (o outputs) flag(name string) string {
	if o.dir != "" {
		return "out-dir"
	}
	return name
}

func clean(path string) string {
	if path == "" {
		return ""
	}
	return filepath.Clean(path)
}

// writeOutputs writes the files whole or not at all, none of them one of reads, then the
// collection to stdout when no file takes it.
func writeOutputs(stdout, stderr io.Writer, out outputs, files *generate.Files, reads []readFile) error {
	var list []outputFile
	if out.collection != "" {
		list = append(list, outputFile{flag: out.flag("output"), path: out.collection, data: files.Collection, mode: generate.CollectionMode})
	}
	if out.environment != "" {
		list = append(list, outputFile{flag: out.flag("env-output"), path: out.environment, data: files.Environment, mode: files.EnvironmentMode})
	}
	// -o, --env-output and --out-dir alike create the folders they name.
	for _, f := range list {
		dir := filepath.Dir(f.path)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("writing %q: creating folder %q: %w", f.path, dir, atomicfile.Reason(err))
		}
	}
	if err := writeFiles(list, reads); err != nil {
		return err
	}
	if out.collection == "" {
		if _, err := stdout.Write(files.Collection); err != nil {
			return fmt.Errorf("writing the collection to stdout: %w", err)
		}
	}
	for _, f := range list {
		if f.path == out.environment && files.EnvironmentMode == generate.SecretEnvironmentMode {
			fmt.Fprintf(stderr, "gen-postman: wrote %s, which holds %s (mode 0600: keep it out of version control)\n", f.path, joinWords(files.Secrets))
			continue
		}
		fmt.Fprintf(stderr, "gen-postman: wrote %s\n", f.path)
	}
	return nil
}

// exportTime is the clock that stamps environment files: SOURCE_DATE_EPOCH when set, for
// reproducible builds, else the current time.
func exportTime() (func() time.Time, error) {
	epoch := os.Getenv("SOURCE_DATE_EPOCH")
	if epoch == "" {
		return time.Now, nil
	}
	sec, err := strconv.ParseInt(epoch, 10, 64)
	if err != nil || sec < 0 {
		return nil, usageError(fmt.Errorf("SOURCE_DATE_EPOCH %q is not a count of seconds", epoch))
	}
	return func() time.Time { return time.Unix(sec, 0) }, nil
}

// joinWords joins "a", "b" and "c" as "a, b and c".
func joinWords(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
