package main

import (
	"fmt"
	"io"
	"net/url"
	"reflect"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/setting"
	"github.com/gen-postman/gen-postman/internal/tokenrequest"
)

// allowHTTPFlag lets plain http reach a host on the network that the user names in a URL flag.
const allowHTTPFlag = string(setting.AllowHTTP)

// urlFlags are the flags whose value is a URL gen-postman may send a request to, as the
// settings declaration marks them: with --allow-http, the plain http hosts among them are the
// only ones plain http may reach beyond loopback. --resource and --audience name an API, never
// a place to send anything, and are not among them.
func urlFlags() []string {
	var out []string
	for _, s := range setting.All() {
		if s.URL {
			out = append(out, string(s.Key))
		}
	}
	return out
}

// urlPolicy is the run's URL rule: plain http to loopback alone, or with --allow-http also to
// the host and port of each http URL the command line gives and, for update, which sends
// nothing to them, of each URL setting of the collection it rewrites (collection). Nothing a
// document or a server says widens it, nor a collection that verify sends a secret for.
func urlPolicy(c *cli.Context, collection ...string) network.URLPolicy {
	if !c.Bool(allowHTTPFlag) {
		return network.URLPolicy{}
	}
	var given []string
	for _, name := range urlFlags() {
		given = append(given, c.String(name))
	}
	return network.AllowPlainHTTP(append(given, collection...)...)
}

// collectionURLs are the values of the URL settings a collection carries, as the settings
// declaration marks them.
func collectionURLs(tr *tokenrequest.Request) []string {
	var out []string
	fields := setting.Fields(tr)
	for _, s := range setting.All() {
		if f, ok := fields[s.Key]; ok && s.URL && f.Kind() == reflect.String {
			out = append(out, f.String())
		}
	}
	return out
}

// warnAllowHTTP says, on every run with --allow-http, where plain http may go under policy and
// what travels there unencrypted, or that the flag allows nothing.
func warnAllowHTTP(c *cli.Context, policy network.URLPolicy, stderr io.Writer) {
	if !c.Bool(allowHTTPFlag) {
		return
	}
	hosts := policy.PlainHTTPHosts()
	if len(hosts) == 0 {
		if local := loopbackHTTPHosts(c); len(local) > 0 {
			fmt.Fprintf(stderr, "gen-postman: warning: --%s allows nothing here: plain http to loopback (%s) needs no flag, "+
				"and no URL flag names another plain http host\n", allowHTTPFlag, strings.Join(local, ", "))
			return
		}
		fmt.Fprintf(stderr, "gen-postman: warning: --%s allows nothing here: no URL flag (%s) names a plain http host\n",
			allowHTTPFlag, "--"+strings.Join(presentFlags(c), ", --"))
		return
	}
	fmt.Fprintf(stderr, "gen-postman: warning: --%s: plain http to %s: the client secret and the access token travel "+
		"unencrypted there, readable by anyone on the network between\n", allowHTTPFlag, strings.Join(hosts, ", "))
}

// loopbackHTTPHosts are the loopback hosts (with their ports) of the plain http URLs given in
// URL flags, in the order given: plain http reaches them without --allow-http.
func loopbackHTTPHosts(c *cli.Context) []string {
	var hosts []string
	for _, name := range urlFlags() {
		u, err := url.Parse(c.String(name))
		if err != nil || u.Scheme != "http" || u.Hostname() == "" || !network.IsLoopback(u.Hostname()) {
			continue
		}
		if !slices.Contains(hosts, u.Host) {
			hosts = append(hosts, u.Host)
		}
	}
	return hosts
}

// presentFlags are the URL flags the command has.
func presentFlags(c *cli.Context) []string {
	var out []string
	for _, name := range urlFlags() {
		for _, f := range c.Command.Flags {
			if f.Names()[0] == name {
				out = append(out, name)
			}
		}
	}
	return out
}
