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
	field := fmt.Sprintf("the URL of request %q", text.OneLine(name, 80))
	u, err := vars.expand(field, raw)
	if err != nil {
		var ie *input.Error
		if errors.As(err, &ie) {
			return &Call{Problem: ie.Reason}
		}
		return &Call{Problem: err.Error()}
	}
	if problem := emptyPathVariable(target.Request.URL, raw, u); problem != "" {
		return &Call{Problem: problem}
	}
	return &Call{Name: name, Method: method, URL: u}
}

// emptyPathVariable says which :name segment of a URL's path is empty once its variables are
// expanded: raw is the URL as read (each :name segment already holding its path variable's
// value, such as {{applicationId}}) and expanded the same with its variables expanded. Sent so,
// the request would go to another route (GET /api/applications/ lists what
// /api/applications/:id reads), which the collection's own script refuses to send. The
// segments are matched from the end, since the host ({{baseUrl}}) may hold a path of its own.
func emptyPathVariable(u *postman.URL, raw, expanded string) string {
	if u == nil || len(u.Path) == 0 {
		return ""
	}
	segments := func(s string) []string {
		s, _, _ = strings.Cut(s, "#")
		s, _, _ = strings.Cut(s, "?")
		return strings.Split(s, "/")
	}
	given, sent := segments(raw), segments(expanded)
	n := len(u.Path)
	if len(given) < n || len(sent) < n {
		return ""
	}
	given, sent = given[len(given)-n:], sent[len(sent)-n:]
	for i, seg := range u.Path {
		name, ok := strings.CutPrefix(seg, ":")
		if !ok || name == "" || sent[i] != "" {
			continue
		}
		if v := given[i]; strings.HasPrefix(v, "{{") && strings.HasSuffix(v, "}}") && len(v) > 4 {
			return fmt.Sprintf("its path variable :%s is empty: set %s (sent so, the request would go to another route)",
				text.OneLine(name, 40), text.OneLine(v[2:len(v)-2], 60))
		}
		return fmt.Sprintf("its path variable :%s is empty (sent so, the request would go to another route)", text.OneLine(name, 40))
	}
	return ""
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
