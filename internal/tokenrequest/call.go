package tokenrequest

import (
	"errors"
	"fmt"
	"strings"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/text"
)

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
