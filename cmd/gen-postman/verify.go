package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/setting"
	"github.com/gen-postman/gen-postman/internal/tokenrequest"
	"github.com/gen-postman/gen-postman/verify"
)

// maxTimeout bounds --timeout, so a typo cannot keep a CI job waiting for hours.
const maxTimeout = 10 * time.Minute

func verifyCommand(client *http.Client) *cli.Command {
	return &cli.Command{
		Name:  "verify",
		Usage: "perform the token request and prove the token: signature, issuer, audience, lifetime, scopes",
		UsageText: "gen-postman verify --tenant ID --client-id ID   (secret in " + envClientSecret + ")\n" +
			"gen-postman verify --collection FILE [--environment FILE] [--request NAME] [--call [PATH|URL]]",
		Description: "Exit status: 0 every check passed (warnings allowed), 3 the token was obtained but a check\n" +
			"failed, 4 the token request failed, 2 usage or bad input, 1 anything else.",
		Flags:        flagsFor(setting.Verify),
		OnUsageError: onUsageError,
		Action:       func(c *cli.Context) error { return runVerify(c, client) },
	}
}

func runVerify(c *cli.Context, client *http.Client) error {
	if err := noArgs(c); err != nil {
		return err
	}
	stdout, stderr := c.App.Writer, c.App.ErrWriter
	timeout := c.Duration("timeout")
	if timeout <= 0 || timeout > maxTimeout {
		return usageError(fmt.Errorf("--timeout %s: want more than 0 and at most %s", timeout, maxTimeout))
	}
	if c.Duration("leeway") < 0 || c.Duration("max-lifetime") < 0 {
		return usageError(errors.New("--leeway and --max-lifetime cannot be negative"))
	}
	if err := checkJUnitPath(c.String("junit"), filesRead(c)); err != nil {
		return err
	}
	// The timeout covers the whole run, reading the files too.
	ctx, cancel := context.WithTimeout(c.Context, timeout)
	defer cancel()
	tracer := verboseTracer(c, c.Bool("show-token"))
	prof, err := verifyProfile(ctx, c, client, tracer, stderr)
	if err != nil {
		return err
	}
	if prof.ClientID == "" {
		// An error, which says more than the profile's warning that it is missing.
		return verifyError(c, verify.ErrNoClientID)
	}
	warn(stderr, prof.Warnings)

	report, err := verify.Run(ctx, verify.Options{
		Profile:     prof,
		Leeway:      c.Duration("leeway"),
		MaxLifetime: c.Duration("max-lifetime"),
		Call:        c.String("call"),
		ShowToken:   c.Bool("show-token"),
		Names:       namesFor(c),
		HTTPClient:  client,
		Tracer:      tracer,
		CacheDir:    cacheDir(c.Bool("no-cache"), stderr),
	})
	if report == nil {
		return verifyError(c, err)
	}
	write := report.WriteText
	if c.Bool("json") {
		write = report.WriteJSON
	}
	if werr := write(stdout); werr != nil {
		return fmt.Errorf("writing the report: %w", werr)
	}
	if werr := writeCIOutputs(report, c.String("junit"), filesRead(c), stderr); werr != nil {
		return werr
	}
	// The report has said what went wrong: the exit status is all that is left to give.
	switch {
	case errors.Is(err, verify.ErrTokenRequest):
		return &codedError{code: exitTokenRequest}
	case errors.Is(err, verify.ErrCheckFailed):
		return &codedError{code: exitCheckFailed}
	case err != nil:
		return err
	}
	return nil
}

// namesFor is how the hints name each setting: by its flag, as the settings declaration says,
// except where the mode refuses the flag: with --collection, the server's address is the
// collection's, not --tenant or --endpoint. It says which of them the user gave, so that no
// hint asks for one again.
func namesFor(c *cli.Context) verify.Names {
	names := verify.NamesBy(func(k setting.Key) string {
		if s, ok := setting.Lookup(k); ok && s.Takes(setting.Verify) {
			return setting.Flag(k)
		}
		return ""
	}, func(k setting.Key) bool {
		s, ok := setting.Lookup(k)
		return ok && given(c, s)
	})
	if c.IsSet(string(setting.Collection)) {
		names.Location = "the collection's URLs"
	}
	return names
}

// cacheDir is where verify keeps discovery documents and key sets across runs: gen-postman
// in the user's cache directory, or none with --no-cache or when the system names none. A
// folder that someone else could write is not used, and the user is told why.
func cacheDir(noCache bool, stderr io.Writer) string {
	if noCache {
		return ""
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	dir = filepath.Join(dir, "gen-postman")
	if err := network.CheckCacheDir(dir); err != nil {
		warn(stderr, []string{err.Error() + "; running without the cache"})
		return ""
	}
	return dir
}

// verifyError says how to give what verify found missing, or that the value given is empty.
func verifyError(c *cli.Context, err error) error {
	switch {
	case errors.Is(err, verify.ErrNoClientID) && c.IsSet("client-id"):
		return &input.Error{Field: setting.ClientID, Reason: "empty: the client id given is empty, and the token request needs it"}
	case errors.Is(err, verify.ErrNoClientID):
		return &input.Error{Field: setting.ClientID, Reason: "missing: the token request needs the app's client id; give --client-id or set " + envClientID}
	case errors.Is(err, verify.ErrNoClientKey):
		return &input.Error{Field: setting.PrivateKey, Reason: "missing: private_key_jwt and DPoP sign with the app's private key; give --private-key FILE"}
	case errors.Is(err, verify.ErrNoClientSecret) && (c.IsSet("client-secret") || c.IsSet("client-secret-file")):
		return &input.Error{Field: setting.ClientSecret, Secret: true, Reason: "empty: the secret given is empty, and the token request needs the app's secret"}
	case errors.Is(err, verify.ErrNoClientSecret):
		return &input.Error{Field: setting.ClientSecret, Secret: true, Reason: "missing: set " + envClientSecret + " (or give --client-secret)"}
	}
	return err
}

// verifyProfile builds the token request from the provider flags or, with --collection, from
// the collection's auth, where flags and environment variables override the files.
func verifyProfile(ctx context.Context, c *cli.Context, client *http.Client, tracer *network.Tracer, stderr io.Writer) (*profile.Profile, error) {
	opts, err := settingOptions(c, setting.Verify, stderr)
	if err != nil {
		return nil, err
	}
	if !c.IsSet("collection") {
		warnAllowHTTP(c, opts.URLPolicy, stderr)
		for _, s := range setting.For(setting.Verify) {
			if s.With != "" && c.IsSet(string(s.Key)) && !c.IsSet(string(s.With)) {
				return nil, usageError(fmt.Errorf("%s goes with %s", setting.Flag(s.Key), setting.Flag(s.With)))
			}
		}
		if err := discoverEndpoints(ctx, tracedClient(tracer, client, opts), &opts, stderr); err != nil {
			return nil, err
		}
		return profile.Resolve(opts)
	}
	for _, s := range setting.For(setting.Verify) {
		if s.Override == setting.FromCollection && c.IsSet(string(s.Key)) {
			return nil, usageError(fmt.Errorf("%s does not go with --collection, which describes the token request itself", setting.Flag(s.Key)))
		}
	}
	opts.Provider = ""
	tr, err := loadCollection(ctx, c.String("collection"), c.String("environment"), c.String("request"))
	if err != nil {
		return nil, err
	}
	warn(stderr, tr.Warnings)
	// The collection's URLs do not widen where plain http may go: verify sends the secret and
	// the token there, and a file may not choose that.
	warnAllowHTTP(c, opts.URLPolicy, stderr)
	return collectionProfile(tr, opts)
}

// loadCollection opens and reads the collection and the optional environment file, within
// ctx: what cannot be read in time is bad input.
func loadCollection(ctx context.Context, collectionPath, environmentPath, request string) (*tokenrequest.Request, error) {
	type result struct {
		col *tokenrequest.Request
		err error
	}
	done := make(chan result, 1)
	go func() {
		col, err := readCollection(collectionPath, environmentPath, request)
		done <- result{col, err}
	}()
	select {
	case r := <-done:
		return r.col, r.err
	case <-ctx.Done():
		// The file may be fine: the time ran out, which is no fault of the input.
		return nil, fmt.Errorf("reading --collection %q: not done within --timeout; allow more time", collectionPath)
	}
}

func readCollection(collectionPath, environmentPath, request string) (*tokenrequest.Request, error) {
	col, err := input.Open(setting.Collection, collectionPath)
	if err != nil {
		return nil, err
	}
	defer col.Close()
	var env io.Reader
	if environmentPath != "" {
		f, err := input.Open(setting.Environment, environmentPath)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		env = f
	}
	tr, err := tokenrequest.Load(col, env, request)
	// Name the file a reason is about, as every other file's error does.
	var bad *input.Error
	if errors.As(err, &bad) && bad.Value == "" && !bad.Secret {
		switch bad.Field {
		case setting.Collection:
			bad.Value = collectionPath
		case setting.Environment:
			bad.Value = environmentPath
		}
	}
	return tr, err
}

// expandBareCall lets a flag whose declaration gives it a value Alone stand alone (--call):
// followed by nothing or by another flag it means that value. urfave/cli has no flags with
// optional values.
func expandBareCall(args []string) []string {
	alone := map[string]string{}
	for _, s := range setting.All() {
		if s.Alone != "" {
			alone["--"+string(s.Key)], alone["-"+string(s.Key)] = s.Alone, s.Alone
		}
	}
	out := make([]string, 0, len(args))
	for i, a := range args {
		if a == "--" {
			return append(out, args[i:]...)
		}
		if value, ok := alone[a]; ok && (i+1 == len(args) || strings.HasPrefix(args[i+1], "-")) {
			a = a + "=" + value
		}
		out = append(out, a)
	}
	return out
}
