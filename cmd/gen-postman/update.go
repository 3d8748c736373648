package main

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/gen-postman/gen-postman/generate"
	"github.com/gen-postman/gen-postman/internal/baseline"
	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/openapi"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/setting"
	"github.com/gen-postman/gen-postman/internal/tokenrequest"
	"github.com/gen-postman/gen-postman/internal/update"
)

func updateCommand(client *http.Client) *cli.Command {
	return &cli.Command{
		Name:      "update",
		Usage:     "bring a newer OpenAPI document into a collection gen-postman generated, keeping every edit",
		UsageText: "gen-postman update --openapi FILE|URL [-o OUT] [--dry-run] [--prune] [--json] COLLECTION",
		Description: "The collection's own auth, scripts and variables stand; a flag such as --scope sets its variable.\n" +
			"The tables of gen-postman's test script (ids from answers, contract tests) become the document's, unless you edited the script.\n" +
			"Exit status: 0 updated (or nothing to change), 2 usage or bad input (the file is left as it was), 1 anything else.",
		Flags:        flagsFor(setting.Update),
		OnUsageError: onUsageError,
		Action:       func(c *cli.Context) error { return runUpdate(c, client) },
	}
}

func runUpdate(c *cli.Context, client *http.Client) error {
	stdout, stderr := c.App.Writer, c.App.ErrWriter
	if c.NArg() != 1 {
		return usageError(errors.New("give the collection to update, one file: gen-postman update --openapi SOURCE COLLECTION"))
	}
	if !c.IsSet("openapi") {
		return usageError(errors.New("--openapi is required: the newer document to bring into the collection"))
	}
	if c.IsSet("output") && c.Bool("dry-run") {
		return usageError(errors.New("--dry-run writes nothing: give it without -o"))
	}
	toStdout := c.String("output") == "-"
	if toStdout && c.Bool("json") {
		return usageError(errors.New("-o - and --json both write to stdout: write the collection to a file, or the report as text"))
	}
	path := c.Args().First()
	data, err := readCollectionFile(path)
	if err != nil {
		return err
	}
	cur, err := postman.ReadCollection(bytes.NewReader(data))
	if err != nil {
		return collectionFileError(path, err)
	}
	target, err := update.Open(cur)
	if errors.Is(err, update.ErrNotGenerated) {
		return usageError(fmt.Errorf("collection %q was not made by gen-postman (it has no %s variable): update brings a document into a collection gen-postman generated; make one with gen-postman --openapi",
			path, baseline.VarName))
	}
	if err != nil {
		return collectionFileError(path, err)
	}
	prof, err := updateProfile(c, client, cur, path, target.ChecksContracts())
	if err != nil {
		return err
	}
	fresh, warnings, err := generate.Build(prof)
	if err != nil {
		return err
	}
	warn(stderr, warnings)
	report, err := target.Merge(fresh, update.Options{Prune: c.Bool("prune"), Settings: givenSettings(c), OtherAPI: c.Bool("other-api")})
	if errors.Is(err, update.ErrOtherAPI) {
		return usageError(fmt.Errorf("collection %q: %w; the file is left as it was (--other-api updates it all the same)", path, err))
	}
	if err != nil {
		return fmt.Errorf("updating %q: %w", path, err)
	}
	out := path
	if c.IsSet("output") && !toStdout {
		out = clean(c.String("output"))
	}
	// An interrupt (SIGINT, SIGTERM) that came while the document was read or the collection
	// merged stops the run here, before anything is written: the file is left as it was.
	if err := c.Context.Err(); err != nil {
		return fmt.Errorf("interrupted before writing %q, which is left as it was: %w", out, err)
	}
	if toStdout || !c.Bool("dry-run") && (report.Changed || out != path) {
		encoded, err := postman.Encode(cur)
		if err != nil {
			return err
		}
		if toStdout {
			if _, err := stdout.Write(encoded); err != nil {
				return fmt.Errorf("writing the collection to stdout: %w", err)
			}
		} else {
			if err := writeFiles([]outputFile{{flag: "output", path: out, data: encoded, mode: generate.CollectionMode}}, filesRead(c)); err != nil {
				return err
			}
			fmt.Fprintf(stderr, "gen-postman: wrote %s\n", out)
		}
	}
	if c.Bool("json") {
		err = report.WriteJSON(stdout)
	} else {
		err = report.WriteText(stderr)
	}
	if err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	return nil
}

// readCollectionFile reads the collection update is given, at most postman.MaxFileSize bytes.
func readCollectionFile(path string) ([]byte, error) {
	f, err := input.Open(setting.Collection, path)
	if err != nil {
		var in *input.Error
		if errors.As(err, &in) {
			return nil, usageError(fmt.Errorf("collection %q: %s", path, in.Reason))
		}
		return nil, err
	}
	defer f.Close()
	data, err := readUpTo(f, -1, postman.MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("reading %q: %w", path, err)
	}
	if len(data) > postman.MaxFileSize {
		return nil, collectionFileError(path, postman.ErrTooLarge)
	}
	return data, nil
}

// collectionFileError is bad input about the collection file.
func collectionFileError(path string, err error) error {
	var in *input.Error
	if errors.As(err, &in) {
		return usageError(fmt.Errorf("collection %q: %s", path, in.Reason))
	}
	return usageError(fmt.Errorf("collection %q: %w", path, err))
}

// updateProfile is the profile the fresh collection is generated with: the collection's own
// settings, the flags given over them, and the newer document's requests, with the answers its
// operations list when contracts says the collection checks them.
func updateProfile(c *cli.Context, client *http.Client, cur *postman.Collection, path string, contracts bool) (*profile.Profile, error) {
	tr, err := tokenrequest.FromCollection(cur, nil, "")
	if err != nil {
		return nil, collectionFileError(path, err)
	}
	over, err := settingOptions(c, setting.Update, c.App.ErrWriter)
	if err != nil {
		return nil, err
	}
	// update sends nothing to the collection's URLs, neither a secret nor a token: it writes
	// them back. With --allow-http their plain http hosts stand without being named again.
	over.URLPolicy = urlPolicy(c, collectionURLs(tr)...)
	warnAllowHTTP(c, over.URLPolicy, c.App.ErrWriter)
	base, err := collectionOptions(tr)
	if err != nil {
		return nil, err
	}
	opts := profile.Merge(base, over)
	if over.ClientKey != nil && over.KeyID == "" {
		opts.KeyID = "" // a new key is named by its thumbprint, as generate names it
	}
	// Nothing update writes may hold a secret or a key: the client's key stays in the
	// environment file that holds it, and the secret is never read.
	opts.ClientSecret, opts.CollectionOnly = "", true
	client = tracedClient(verboseTracer(c, false), client, opts)
	// A collection without contract tests (generated with --no-contract-tests, or its test
	// script edited) gets none: the document's answers are not read.
	api, err := loadAPI(c.Context, client, opts.URLPolicy, "openapi", c.String("openapi"), c.App.Reader, c.App.ErrWriter,
		openapi.Options{Host: urlHost(opts.URLPolicy, opts.TokenURL), NoContracts: !contracts})
	if err != nil {
		return nil, err
	}
	opts.NoContractTests = !contracts
	opts.API = api
	p, err := profile.Resolve(opts)
	return p, collectionValueError(err, over)
}

// givenSettings are the collection variables that the settings the user gave set, as the
// settings declaration names them.
func givenSettings(c *cli.Context) []string {
	var out []string
	for _, s := range setting.For(setting.Update) {
		if s.Variable != "" && given(c, s) {
			out = append(out, s.Variable)
		}
	}
	if key, _ := setting.Lookup(setting.PrivateKey); given(c, key) {
		id, _ := setting.Lookup(setting.KeyID)
		out = append(out, id.Variable) // a new key names its id
	}
	return out
}

// updateFlagsFirst moves the flags given after update's COLLECTION before it: urfave/cli reads
// flags up to the first argument only, so that "update c.json --openapi v2.yaml" reads as
// "update --openapi v2.yaml c.json". After "--" every word is an argument.
func updateFlagsFirst(cmd *cli.Command, args []string) []string {
	if cmd == nil {
		return args
	}
	at := slices.Index(args, cmd.Name)
	if at < 1 {
		return args
	}
	valueless := map[string]bool{}
	for _, f := range cmd.Flags {
		if _, ok := f.(*cli.BoolFlag); ok {
			for _, name := range f.Names() {
				valueless[name] = true
			}
		}
	}
	var flags, words, afterDashes []string
	rest := args[at+1:]
	for i := 0; i < len(rest); i++ {
		word := rest[i]
		switch {
		case word == "--":
			afterDashes = append([]string{"--"}, rest[i+1:]...)
			i = len(rest)
		case len(word) > 1 && word[0] == '-':
			flags = append(flags, word)
			name := strings.TrimLeft(word, "-")
			if !strings.Contains(name, "=") && !valueless[name] && i+1 < len(rest) {
				i++
				flags = append(flags, rest[i])
			}
		default:
			words = append(words, word)
		}
	}
	if len(afterDashes) > 0 {
		words = append(afterDashes[:1:1], append(words, afterDashes[1:]...)...)
	}
	return slices.Concat(args[:at+1], flags, words)
}
