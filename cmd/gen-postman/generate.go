package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/gen-postman/gen-postman/generate"
	"github.com/gen-postman/gen-postman/internal/profile"
)

func generateCommand() *cli.Command {
	flags := append(profileFlags(),
		&cli.StringFlag{Name: "name", Usage: "collection `NAME`, also the file name in --out-dir (default: PROVIDER-TENANT)"},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the collection to `FILE` instead of stdout"},
		&cli.StringFlag{Name: "env-output", Usage: "write a Postman environment to `FILE` (mode 0600 when it holds the secret)"},
		&cli.StringFlag{Name: "out-dir", Usage: "write NAME.postman_collection.json and NAME.postman_environment.json into `DIR`"},
	)
	return &cli.Command{
		Name:         "generate",
		Usage:        "write a Postman collection (and environment) preconfigured for OAuth 2.0 client credentials",
		UsageText:    "gen-postman generate --tenant ID [flags] > NAME.postman_collection.json",
		Flags:        flags,
		OnUsageError: onUsageError,
		Action:       runGenerate,
	}
}

func runGenerate(c *cli.Context) error {
	if err := noArgs(c); err != nil {
		return err
	}
	stdout, stderr := c.App.Writer, c.App.ErrWriter
	outDir := c.String("out-dir")
	if outDir != "" && (c.IsSet("output") || c.IsSet("env-output")) {
		return usageError(errors.New("--out-dir names both files: give it alone, or -o and --env-output"))
	}
	opts := profileOptions(c, stderr)
	opts.Name = c.String("name")
	prof, err := profile.Resolve(opts)
	if err != nil {
		return err
	}
	warn(stderr, prof)

	collectionPath, envPath := c.String("output"), c.String("env-output")
	if outDir != "" {
		collectionPath = filepath.Join(outDir, prof.Name+".postman_collection.json")
		envPath = filepath.Join(outDir, prof.Name+".postman_environment.json")
	}
	if collectionPath != "" && envPath != "" && filepath.Clean(collectionPath) == filepath.Clean(envPath) {
		return usageError(fmt.Errorf("-o and --env-output both name %q", collectionPath))
	}

	collection, err := generate.NewCollection(prof)
	if err != nil {
		return err
	}
	collectionJSON, err := generate.Encode(collection)
	if err != nil {
		return err
	}
	var files []outputFile
	if collectionPath != "" {
		files = append(files, outputFile{path: collectionPath, data: collectionJSON, mode: 0o644})
	}
	if envPath != "" {
		now, err := exportTime()
		if err != nil {
			return err
		}
		env := generate.NewEnvironment(prof, generate.EnvironmentOptions{Now: now, ExportedUsing: "gen-postman/" + buildVersion()})
		envJSON, err := generate.Encode(env)
		if err != nil {
			return err
		}
		mode := os.FileMode(0o644)
		if env.HasSecret() {
			mode = 0o600
		}
		files = append(files, outputFile{path: envPath, data: envJSON, mode: mode})
	} else if prof.ClientSecret != "" {
		fmt.Fprintln(stderr, "gen-postman: note: the client secret is written only to an environment file; add --env-output FILE or --out-dir DIR to keep it")
	}

	if outDir != "" {
		if err := os.MkdirAll(outDir, 0o755); err != nil {
			return fmt.Errorf("creating --out-dir %q: %w", outDir, err)
		}
	}
	if err := writeFiles(files); err != nil {
		return err
	}
	if collectionPath == "" {
		if _, err := stdout.Write(collectionJSON); err != nil {
			return fmt.Errorf("writing the collection to stdout: %w", err)
		}
	}
	for _, f := range files {
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
