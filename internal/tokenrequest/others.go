package tokenrequest

import (
	"fmt"
	"strings"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/text"
)

// sameSettings reports whether two auth blocks make the same token request.
func sameSettings(a, b Auth) bool {
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
			(o.err == nil && res.err == nil && sameSettings(o.settings.oauth2, res.settings.oauth2)) {
			o.count++
			return others
		}
	}
	return append(others, otherConfig{first: r.Name(), count: 1, settings: res.settings, err: res.err})
}

// othersWarning lists the configurations that are not checked, and how to check one: with
// --request NAME, or, when requested says --request already chose, with another NAME.
func othersWarning(by postman.AppliedRequest, chosen Auth, others []otherConfig, requested bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "the collection has %d different OAuth 2.0 configurations; verify checks the one of request %q (%s); not checked: ",
		len(others)+1, text.OneLine(by.Name(), 80), describeSettings(chosen))
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
			b.WriteString(" (" + describeSettings(o.settings.oauth2) + ")")
		}
	}
	if requested {
		b.WriteString("; " + input.Flag("request") + " chose the one checked, another NAME checks another")
	} else {
		b.WriteString("; choose one with " + input.Flag("request") + " NAME")
	}
	return b.String()
}

// describeSettings names a configuration for a message, without its secret.
func describeSettings(o Auth) string {
	parts := []string{"token URL " + text.OneLine(network.RedactURL(o.TokenURL), 120)}
	for _, f := range []struct{ name, value string }{
		{"client id", o.ClientID}, {postman.ParamResource, o.Resource}, {postman.ParamAudience, o.Audience},
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
