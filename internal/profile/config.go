package profile

import (
	"errors"
	"fmt"
	"strings"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/text"
)

// chosenConfig is the OAuth 2.0 configuration verify checks, out of those a collection holds.
type chosenConfig struct {
	settings authSettings
	// by is the request the configuration was chosen by; nil when only the collection's own
	// auth has OAuth 2.0 and no request uses it.
	by *postman.AppliedRequest
	// requests are the requests the configuration governs, in run order.
	requests []postman.AppliedRequest
	// others are warnings about the configurations that are not checked.
	others []string
}

// readResult is one auth block read, or why it cannot be.
type readResult struct {
	settings authSettings
	err      error
}

// chooseConfig finds the OAuth 2.0 configuration that governs the named request or, with name
// empty, the first request that has one.
func chooseConfig(col *postman.Collection, vars *variables, name string) (*chosenConfig, error) {
	all := col.AppliedRequests()
	colAuth, _ := col.Auth() // checked when the file is read
	var oauth []postman.AppliedRequest
	for _, r := range all {
		if isOAuth2(r.Auth) {
			oauth = append(oauth, r)
		}
	}
	var by *postman.AppliedRequest
	switch {
	case name != "":
		r, err := findRequest(all, name)
		if err != nil {
			return nil, err
		}
		if !isOAuth2(r.Auth) {
			return nil, &input.Error{Field: "request", Value: name, Reason: notOAuth2Reason(r)}
		}
		by = r
	case len(oauth) > 0:
		by = &oauth[0]
	case isOAuth2(colAuth):
		cfg := &chosenConfig{}
		if err := cfg.settings.readAuth(colAuth, vars); err != nil {
			return nil, err
		}
		return cfg, nil
	case colAuth != nil && colAuth.Type != "" && string(colAuth.Type) != postman.AuthTypeNoAuth &&
		string(colAuth.Type) != postman.AuthTypeInherit:
		return nil, collectionError(fmt.Sprintf("its auth is %q, not oauth2, and no folder or request sets OAuth 2.0",
			text.OneLine(string(colAuth.Type), 40)))
	default:
		return nil, collectionError("it has no OAuth 2.0 auth: neither the collection nor a folder or request sets one")
	}

	read := map[*postman.Auth]*readResult{}
	readOnce := func(r postman.AppliedRequest) *readResult {
		if res, ok := read[r.Auth]; ok {
			return res
		}
		res := &readResult{}
		if err := res.settings.readAuth(r.Auth, vars); err != nil {
			res.err = locate(err, r)
		}
		read[r.Auth] = res
		return res
	}
	chosen := readOnce(*by)
	if chosen.err != nil {
		return nil, chosen.err
	}
	cfg := &chosenConfig{settings: chosen.settings, by: by}
	var others []otherConfig
	for _, r := range oauth {
		res := readOnce(r)
		if res.err == nil && sameOptions(res.settings.Options, chosen.settings.Options) {
			cfg.requests = append(cfg.requests, r)
			continue
		}
		others = addOther(others, r, res)
	}
	if len(others) > 0 {
		cfg.others = []string{othersWarning(*by, chosen.settings.Options, others)}
	}
	return cfg, nil
}

func isOAuth2(a *postman.Auth) bool { return a != nil && string(a.Type) == postman.AuthTypeOAuth2 }

// notOAuth2Reason says why a named request has no OAuth 2.0 auth to check.
func notOAuth2Reason(r *postman.AppliedRequest) string {
	if r.Auth == nil {
		return "this request is sent without auth (noauth, or no auth on it, its folders or the collection)"
	}
	return fmt.Sprintf("this request is sent with %q auth, not oauth2", text.OneLine(string(r.Auth.Type), 40))
}

// locate says where in the collection an auth block that cannot be read was set.
func locate(err error, r postman.AppliedRequest) error {
	var ie *input.Error
	if r.AuthFrom == nil || !errors.As(err, &ie) {
		return err
	}
	where := fmt.Sprintf("the auth of folder %q", text.OneLine(strings.Join(r.AuthFrom, "/"), 120))
	if len(r.AuthFrom) == len(r.Path) {
		where = fmt.Sprintf("the auth of request %q", text.OneLine(r.Name(), 120))
	}
	located := *ie
	located.Reason = where + ": " + ie.Reason
	return &located
}

// findRequest finds a request by its path, "Folder/Request", or by its name alone.
func findRequest(all []postman.AppliedRequest, name string) (*postman.AppliedRequest, error) {
	var byPath, byName []int
	for i, r := range all {
		if r.Name() == name {
			byPath = append(byPath, i)
		}
		if len(r.Path) > 0 && r.Path[len(r.Path)-1] == name {
			byName = append(byName, i)
		}
	}
	matches := byPath
	if len(matches) == 0 {
		matches = byName
	}
	switch len(matches) {
	case 1:
		return &all[matches[0]], nil
	case 0:
		names := make([]string, 0, len(all))
		for _, r := range all {
			names = append(names, r.Name())
		}
		return nil, &input.Error{Field: "request", Value: name, Reason: "the collection has no such request; it has " + quoteNames(names)}
	}
	names := make([]string, 0, len(matches))
	for _, i := range matches {
		names = append(names, all[i].Name())
	}
	return nil, &input.Error{Field: "request", Value: name,
		Reason: "more than one request has this name: " + quoteNames(names) + "; give it as Folder/Request"}
}

// quoteNames lists request names for a message, the first ten of them.
func quoteNames(names []string) string {
	if len(names) == 0 {
		return "no requests"
	}
	const shown = 10
	q := make([]string, 0, min(len(names), shown))
	for i, n := range names {
		if i == shown {
			break
		}
		q = append(q, fmt.Sprintf("%q", text.OneLine(n, 80)))
	}
	out := strings.Join(q, ", ")
	if len(names) > shown {
		out += fmt.Sprintf(" and %d more", len(names)-shown)
	}
	return out
}

// sameOptions reports whether two auth blocks make the same token request.
func sameOptions(a, b Options) bool {
	if (a.Scope == nil) != (b.Scope == nil) || (a.Scope != nil && *a.Scope != *b.Scope) {
		return false
	}
	a.Scope, b.Scope = nil, nil
	return a == b
}

// otherConfig is a configuration that is not checked: the requests it governs, and what it is.
type otherConfig struct {
	first    string
	count    int
	settings authSettings
	err      error
}

func addOther(others []otherConfig, r postman.AppliedRequest, res *readResult) []otherConfig {
	for i := range others {
		o := &others[i]
		if (o.err != nil && res.err != nil && o.err.Error() == res.err.Error()) ||
			(o.err == nil && res.err == nil && sameOptions(o.settings.Options, res.settings.Options)) {
			o.count++
			return others
		}
	}
	return append(others, otherConfig{first: r.Name(), count: 1, settings: res.settings, err: res.err})
}

// othersWarning lists the configurations that are not checked, and how to check one.
func othersWarning(by postman.AppliedRequest, chosen Options, others []otherConfig) string {
	var b strings.Builder
	fmt.Fprintf(&b, "the collection has %d different OAuth 2.0 configurations; verify checks the one of request %q (%s); not checked: ",
		len(others)+1, text.OneLine(by.Name(), 80), describeOptions(chosen))
	for i, o := range others {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "request %q", text.OneLine(o.first, 80))
		if o.count > 1 {
			fmt.Fprintf(&b, " and %d more", o.count-1)
		}
		if o.err != nil {
			b.WriteString(" (unreadable: " + text.OneLine(o.err.Error(), 200) + ")")
		} else {
			b.WriteString(" (" + describeOptions(o.settings.Options) + ")")
		}
	}
	b.WriteString("; choose one with --request NAME")
	return b.String()
}

// describeOptions names a configuration for a message, without its secret.
func describeOptions(o Options) string {
	parts := []string{"token URL " + text.OneLine(network.RedactURL(o.TokenURL), 120)}
	for _, f := range []struct{ name, value string }{
		{"client id", o.ClientID}, {ParamResource, o.Resource}, {ParamAudience, o.Audience},
	} {
		if f.value != "" {
			parts = append(parts, f.name+" "+text.OneLine(f.value, 120))
		}
	}
	if o.Scope != nil && *o.Scope != "" {
		parts = append(parts, "scope "+text.OneLine(*o.Scope, 120))
	}
	return strings.Join(parts, ", ")
}

// call is the request a bare --call makes: the one the configuration was chosen by when it is
// a GET or HEAD, else the first GET request under the same configuration.
func (cfg *chosenConfig) call(vars *variables) *Call {
	if cfg.by == nil {
		return nil
	}
	target := cfg.by
	method := methodOf(target.Request)
	if method != "GET" && method != "HEAD" {
		target = nil
		for i := range cfg.requests {
			if methodOf(cfg.requests[i].Request) == "GET" {
				target = &cfg.requests[i]
				break
			}
		}
		if target == nil {
			return &Call{Problem: fmt.Sprintf("request %q is a %s, and no GET request uses the same OAuth 2.0 auth",
				text.OneLine(cfg.by.Name(), 80), text.OneLine(method, 20))}
		}
		method = "GET"
	}
	name := target.Name()
	raw := ""
	if target.Request.URL != nil {
		raw = target.Request.URL.Raw
	}
	if raw == "" {
		return &Call{Problem: fmt.Sprintf("request %q has no URL", text.OneLine(name, 80))}
	}
	u, err := vars.expand(fmt.Sprintf("the URL of request %q", text.OneLine(name, 80)), raw)
	if err != nil {
		var ie *input.Error
		if errors.As(err, &ie) {
			return &Call{Problem: ie.Reason}
		}
		return &Call{Problem: err.Error()}
	}
	return &Call{Name: name, Method: method, URL: u}
}

func methodOf(r *postman.Request) string {
	if m := strings.ToUpper(string(r.Method)); m != "" {
		return m
	}
	return "GET"
}

// origin is the scheme and host of the call's URL, when it is one verify may call.
func (c *Call) origin() string {
	if c == nil || c.URL == "" {
		return ""
	}
	u, err := network.ParseHTTPURL(c.URL)
	if err != nil {
		return ""
	}
	return u.Scheme + "://" + u.Host
}
