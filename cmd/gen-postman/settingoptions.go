package main

import (
	"fmt"
	"io"
	"reflect"

	"github.com/urfave/cli/v2"

	"github.com/gen-postman/gen-postman/internal/clientkey"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/setting"
)

// settingOptions moves the settings cmd takes into profile.Options, each into the field its
// declaration binds, from its flag or environment variable. The behaviour of a few is its own:
// --client-secret-file and --private-key name files to read, and a secret given on the
// command line works but draws a warning on stderr.
func settingOptions(c *cli.Context, cmd setting.Command, stderr io.Writer) (profile.Options, error) {
	var opts profile.Options
	fields := setting.Fields(&opts)
	for _, s := range setting.For(cmd) {
		field, bound := fields[s.Key]
		if !bound {
			continue
		}
		switch field.Interface().(type) {
		case string:
			field.SetString(textValue(c, s))
		case *string:
			if given(c, s) {
				v := textValue(c, s)
				field.Set(reflect.ValueOf(&v))
			}
		case bool:
			field.SetBool(c.Bool(string(s.Key)))
		}
	}
	// A URL the user typed, not one a collection carries: verify may send the credentials
	// there on any host.
	opts.IntrospectionNamed = opts.IntrospectionURL != ""
	opts.URLPolicy = urlPolicy(c)
	if err := clientSecret(c, cmd, &opts, stderr); err != nil {
		return opts, err
	}
	if path := c.String(string(setting.PrivateKey)); path != "" {
		key, err := clientkey.Load(path, func(msg string) { fmt.Fprintf(stderr, "gen-postman: warning: %s\n", msg) })
		if err != nil {
			return opts, err
		}
		opts.ClientKey = key
	}
	return opts, nil
}

// clientSecret reads the secret from --client-secret-file, else --client-secret with a
// warning, else the environment variable.
func clientSecret(c *cli.Context, cmd setting.Command, opts *profile.Options, stderr io.Writer) error {
	secret, _ := setting.Lookup(setting.ClientSecret)
	if !secret.Takes(cmd) {
		return nil
	}
	flag, file := string(setting.ClientSecret), string(setting.ClientSecretFile)
	if c.IsSet(flag) && c.IsSet(file) {
		return usageError(fmt.Errorf("give %s or %s, not both", setting.Flag(setting.ClientSecret), setting.Flag(setting.ClientSecretFile)))
	}
	switch {
	case c.IsSet(file):
		value, err := readSecretFile(c.String(file), stderr)
		if err != nil {
			return err
		}
		opts.ClientSecret = value
	case c.IsSet(flag):
		fmt.Fprintf(stderr, "gen-postman: warning: %s shows the secret in the process list and shell history; set %s instead\n", setting.Flag(setting.ClientSecret), secret.Env)
	}
	return nil
}
