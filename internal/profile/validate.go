package profile

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/setting"
	"github.com/gen-postman/gen-postman/templates"
)

// Size limits on user input, generous for any real value.
const (
	maxURLLength   = 2048
	maxValueLength = 1024
	maxScopeLength = 4096
	maxNameLength  = 128
)

var dnsLabel = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

// validTenant checks a tenant id as the preset's kind says, one DNS label or a domain name, and
// returns it in lower case. endpointGiven says --endpoint is given too, so that a hint does not
// suggest it.
func validTenant(tenant, kind, help string, endpointGiven bool) (string, error) {
	t := strings.ToLower(tenant)
	labels := strings.Split(t, ".")
	ok := len(t) <= 253
	for _, l := range labels {
		ok = ok && dnsLabel.MatchString(l)
	}
	switch kind {
	case templates.TenantLabel:
		if !dnsLabel.MatchString(t) {
			return "", &input.Error{Field: setting.Tenant, Value: tenant,
				Reason: "not a DNS label (1 to 63 letters, digits or inner hyphens); expected " + help + pastedURLHint(tenant, kind, endpointGiven)}
		}
	case templates.TenantDomain:
		if !ok || len(labels) < 2 {
			return "", &input.Error{Field: setting.Tenant, Value: tenant, Reason: "not a domain name; expected " + help + pastedURLHint(tenant, kind, endpointGiven)}
		}
	default:
		if !ok {
			return "", &input.Error{Field: setting.Tenant, Value: tenant, Reason: "not an ID or a domain name; expected " + help + pastedURLHint(tenant, kind, endpointGiven)}
		}
	}
	return t, nil
}

// pastedURLHint is what to give instead of a URL pasted as --tenant: the tenant it names, or
// --endpoint for a self-hosted server or a custom domain, unless --endpoint is given already.
// Empty when tenant is not a URL.
func pastedURLHint(tenant, kind string, endpointGiven bool) string {
	u, err := url.Parse(tenant)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Hostname() == "" {
		return ""
	}
	name := u.Hostname()
	if kind != templates.TenantDomain {
		name, _, _ = strings.Cut(name, ".")
	}
	if endpointGiven {
		return fmt.Sprintf("; the tenant in that URL is %s", name)
	}
	return fmt.Sprintf("; the tenant in that URL is %s, or for a self-hosted server or a custom domain give %s %s instead of %s",
		name, input.Flag(setting.Endpoint), u.Scheme+"://"+u.Host, input.Flag(setting.Tenant))
}

var realmName = regexp.MustCompile(`^[A-Za-z0-9._-]{1,255}$`)

// validRealm checks a Keycloak realm name, which is one segment of its URLs.
func validRealm(realm string) (string, error) {
	if !realmName.MatchString(realm) || realm == "." || realm == ".." {
		return "", &input.Error{Field: setting.Realm, Value: realm,
			Reason: "not a realm name (letters, digits, dots, hyphens and underscores, as in the realm's URLs)"}
	}
	return realm, nil
}

// validHTTPURL checks a URL against the run's URL policy and a length limit.
func (r *resolver) validHTTPURL(field setting.Key, raw string) (*url.URL, error) {
	if len(raw) > maxURLLength {
		return nil, &input.Error{Field: field, Reason: "longer than 2048 bytes"}
	}
	u, err := r.opts.URLPolicy.Parse(raw)
	if err != nil {
		reason := err.Error()
		switch {
		case errors.Is(err, network.ErrURLCredentials) && r.opts.ClientID != "":
			reason += "; the client id and the secret are sent apart from the URL"
		case errors.Is(err, network.ErrURLCredentials):
			reason += "; pass " + input.Flag(setting.ClientID) + " and the secret separately"
		}
		return nil, &input.Error{Field: field, Value: network.RedactURL(raw), Reason: reason}
	}
	return u, nil
}

// validBaseURL is validHTTPURL for a base URL: no query, no trailing slash in the result.
func (r *resolver) validBaseURL(field setting.Key, raw string) (string, error) {
	u, err := r.validHTTPURL(field, raw)
	if err != nil {
		return "", err
	}
	if u.RawQuery != "" || u.ForceQuery {
		return "", &input.Error{Field: field, Value: raw, Reason: "must not have a ?query"}
	}
	return strings.TrimRight(raw, "/"), nil
}

// validResource checks an RFC 8707 resource indicator: an absolute URI without a fragment.
func validResource(raw string) error {
	bad := func(reason string) error { return &input.Error{Field: setting.Resource, Value: raw, Reason: reason} }
	if len(raw) > maxURLLength {
		return &input.Error{Field: setting.Resource, Reason: "longer than 2048 bytes"}
	}
	if hasControl(raw) || strings.ContainsAny(raw, " \"\\<>{}|^`") {
		return bad("contains spaces, quotes or control characters")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || (u.Opaque == "" && u.Host == "" && u.Path == "") {
		return bad("not an absolute URI (RFC 8707), such as https://api.example.com")
	}
	if u.Fragment != "" || strings.Contains(raw, "#") {
		return bad("must not have a #fragment (RFC 8707)")
	}
	return nil
}

// validText checks a free-form value: printable, no control characters, bounded.
func validText(field setting.Key, value string, limit int, secret bool) error {
	bad := func(reason string) error {
		e := &input.Error{Field: field, Value: value, Reason: reason, Secret: secret}
		if len(value) > limit {
			e.Value = ""
		}
		return e
	}
	switch {
	case !utf8.ValidString(value):
		return bad("not valid UTF-8")
	case len(value) > limit:
		return bad("too long")
	case hasControl(value):
		return bad("contains control characters")
	case strings.TrimSpace(value) != value:
		return bad("has leading or trailing spaces")
	}
	return nil
}

// normalizeScope checks RFC 6749 §3.3 scope tokens and joins them with single spaces.
func normalizeScope(scope string) (string, error) {
	if len(scope) > maxScopeLength {
		return "", &input.Error{Field: setting.Scope, Reason: "longer than 4096 bytes"}
	}
	tokens := strings.Fields(scope)
	for _, tok := range tokens {
		for _, r := range tok {
			if r < 0x21 || r > 0x7e || r == '"' || r == '\\' {
				return "", &input.Error{Field: setting.Scope, Value: scope,
					Reason: "scope tokens are printable ASCII without quotes or backslashes (RFC 6749 §3.3)"}
			}
		}
	}
	return strings.Join(tokens, " "), nil
}

// validClientID checks an RFC 6749 client id: printable ASCII (VSCHAR) when set.
func validClientID(field setting.Key, id string, secret bool) error {
	if len(id) > maxValueLength {
		return &input.Error{Field: field, Reason: "longer than 1024 bytes", Secret: secret}
	}
	for _, r := range id {
		if r < 0x20 || r > 0x7e {
			return &input.Error{Field: field, Value: id, Secret: secret,
				Reason: "must be printable ASCII (RFC 6749 Appendix A)"}
		}
	}
	return nil
}

// validName checks a collection name, which also names files in --out-dir.
func validName(name string) error {
	if err := validText(setting.Name, name, maxNameLength, false); err != nil {
		return err
	}
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\:*?"<>|`) {
		return &input.Error{Field: setting.Name, Value: name, Reason: `must be a file name: not empty, no / \ : * ? " < > |`}
	}
	return nil
}

func hasControl(s string) bool {
	return strings.IndexFunc(s, unicode.IsControl) >= 0
}
