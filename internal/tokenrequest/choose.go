package tokenrequest

import (
	"errors"
	"fmt"
	"strings"

	"github.com/gen-postman/gen-postman/internal/input"
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
		if res.err == nil && sameSettings(res.settings.oauth2, chosen.settings.oauth2) {
			cfg.requests = append(cfg.requests, r)
			continue
		}
		others = addOther(others, r, res)
	}
	if len(others) > 0 {
		cfg.others = []string{othersWarning(*by, chosen.settings.oauth2, others, name != "")}
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
