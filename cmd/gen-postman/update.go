package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/gen-postman/gen-postman/generate"
	"github.com/gen-postman/gen-postman/internal/baseline"
	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/openapi"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/tokenrequest"
	"github.com/gen-postman/gen-postman/internal/update"
)

// updateSettings are the flags update takes that override a setting of the collection, and
// the collection variable each one sets.
var updateSettings = []struct{ flag, variable string }{
	{"token-url", postman.VarTokenURL},
	{"resource", postman.ParamResource},
	{"audience", postman.ParamAudience},
	{"scope", postman.VarScope},
	{"client-id", postman.VarClientID},
	{"issuer", postman.VarIssuer},
	{"jwks-url", postman.VarJWKSURL},
}

func updateCommand(client *http.Client) *cli.Command {
	var flags []cli.Flag
	for _, f := range profileFlags() {
		for _, s := range updateSettings {
			if f.Names()[0] == s.flag {
				flags = append(flags, f)
			}
		}
	}
	flags = append(flags,
		&cli.StringFlag{Name: "issuer", Usage: "the token `ISSUER`, written into the issuer variable"},
		&cli.StringFlag{Name: "jwks-url", Usage: "`URL` of the issuer's signing keys, written into the jwksUrl variable"},
		&cli.StringFlag{Name: "openapi", Usage: "the newer OpenAPI document: a `FILE`, an https URL, or - for stdin"},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the updated collection to `FILE` instead of replacing the one read"},
		&cli.BoolFlag{Name: "dry-run", Usage: "report what would change, and write nothing"},
		&cli.BoolFlag{Name: "prune", Usage: "remove the requests of operations gone from the document even when you edited them"},
		&cli.BoolFlag{Name: "json", Usage: "print the report on stdout as one JSON object"},
		allowHTTPBoolFlag(),
		verboseFlag(),
	)
	return &cli.Command{
		Name:      "update",
		Usage:     "bring a newer OpenAPI document into a collection gen-postman generated, keeping every edit",
		UsageText: "gen-postman update --openapi FILE|URL [-o OUT] [--dry-run] [--prune] [--json] COLLECTION",
		Description: "The collection's own auth, scripts and variables stand; a flag such as --scope sets its variable.\n" +
			"Exit status: 0 updated (or nothing to change), 2 usage or bad input (the file is left as it was), 1 anything else.",
		Flags:        flags,
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
	warnAllowHTTP(c, stderr)
	path := c.Args().First()
	data, err := readCollectionFile(path)
	if err != nil {
		return err
	}
	cur, err := postman.ReadCollection(bytes.NewReader(data))
	if err != nil {
		return collectionFileError(path, err)
	}
	if err := checkMadeByGenPostman(cur, path); err != nil {
		return err
	}
	prof, err := updateProfile(c, client, data, path)
	if err != nil {
		return err
	}
	fresh, warnings, err := generate.Build(prof)
	if err != nil {
		return err
	}
	warn(stderr, warnings)
	report, err := update.Merge(cur, fresh, update.Options{Prune: c.Bool("prune"), Settings: givenSettings(c)})
	if err != nil {
		return fmt.Errorf("updating %q: %w", path, err)
	}
	out := path
	if c.IsSet("output") {
		out = clean(c.String("output"))
	}
	if !c.Bool("dry-run") && (report.Changed || out != path) {
		encoded, err := postman.Encode(cur)
		if err != nil {
			return err
		}
		if err := writeFiles([]outputFile{{flag: "output", path: out, data: encoded, mode: generate.CollectionMode}}); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "gen-postman: wrote %s\n", out)
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
	f, err := openInput("collection", path)
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

// checkMadeByGenPostman refuses a collection gen-postman did not write: one with neither the
// record of a generation nor the variables gen-postman's scripts keep the token in.
func checkMadeByGenPostman(c *postman.Collection, path string) error {
	raw, _ := c.Member("variable")
	var vars []struct {
		Key string `json:"key"`
	}
	_ = json.Unmarshal(raw, &vars) // variables that are not a list name none
	for _, v := range vars {
		if v.Key == baseline.VarName || v.Key == postman.VarRenewAt {
			return nil
		}
	}
	return usageError(fmt.Errorf("collection %q was not made by gen-postman (it has no %s variable): update brings a document into a collection gen-postman generated; make one with gen-postman --openapi",
		path, baseline.VarName))
}

// updateProfile is the profile the fresh collection is generated with: the collection's own
// settings, the flags given over them, and the newer document's requests.
func updateProfile(c *cli.Context, client *http.Client, data []byte, path string) (*profile.Profile, error) {
	tr, err := tokenrequest.Load(bytes.NewReader(data), nil, "")
	if err != nil {
		return nil, collectionFileError(path, err)
	}
	over := profile.Options{
		TokenURL: c.String("token-url"), Resource: c.String("resource"), ClientID: updateClientID(c),
		Issuer: c.String("issuer"), JWKSURL: c.String("jwks-url"), URLPolicy: urlPolicy(c),
	}
	for _, a := range c.StringSlice("audience") {
		over.Audience = joinSpace(over.Audience, a)
	}
	if c.IsSet("scope") {
		scope := c.String("scope")
		over.Scope = &scope
	}
	opts := profile.Merge(collectionOptions(tr), over)
	opts.ClientSecret = "" // never read for an update: nothing it writes may hold it
	client = tracedClient(verboseTracer(c, false), client, opts)
	api, err := loadAPI(c.Context, client, opts.URLPolicy, "openapi", c.String("openapi"), c.App.Reader, c.App.ErrWriter,
		openapi.Options{Host: urlHost(opts.URLPolicy, opts.TokenURL)})
	if err != nil {
		return nil, err
	}
	opts.API = api
	p, err := profile.Resolve(opts)
	return p, collectionValueError(err, over)
}

// givenSettings are the collection variables the flags given set.
func givenSettings(c *cli.Context) []string {
	var out []string
	for _, s := range updateSettings {
		if c.IsSet(s.flag) || s.flag == "client-id" && updateClientID(c) != "" {
			out = append(out, s.variable)
		}
	}
	return out
}

// updateClientID is --client-id, else GEN_POSTMAN_CLIENT_ID, as verify reads them over a
// collection's.
func updateClientID(c *cli.Context) string {
	if c.IsSet("client-id") {
		return c.String("client-id")
	}
	return os.Getenv(envClientID)
}

func joinSpace(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}
