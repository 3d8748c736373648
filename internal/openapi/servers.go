package openapi

import (
	"net/url"
	"strings"

	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
)

// serverURL fills the first server's placeholders. One that is the whole host
// (Okta's https://{yourOktaDomain}) takes host, the token URL's, else the
// tenant when it is a domain name, else its default; those of the first host
// label take the
// tenant when one is given; the rest, and those when none is, take their
// variable's default or first enum value. It returns "" when a placeholder
// stays unfilled or the result is not an absolute http(s) URL.
func serverURL(servers []*v3.Server, tenant, host string) string {
	out := filledServer(servers, tenant, host)
	if !absoluteHTTP(out) {
		return ""
	}
	return out
}

// serverPath returns the first server's URL, filled as serverURL fills it, when it is a path
// alone ("/api/v1", or Swagger 2.0's basePath without a host): relative to where the document
// is served. It returns "" for any other URL, and for the root path.
func serverPath(servers []*v3.Server, tenant, host string) string {
	out := filledServer(servers, tenant, host)
	if !strings.HasPrefix(out, "/") || strings.HasPrefix(out, "//") || strings.ContainsAny(out, unsafeURLChars+"?#") {
		return ""
	}
	return out
}

// filledServer returns the first server's URL with its placeholders filled and no trailing
// slash, or "" when one stays unfilled.
func filledServer(servers []*v3.Server, tenant, host string) string {
	if len(servers) == 0 || servers[0] == nil {
		return ""
	}
	s := servers[0]
	tmpl := strings.TrimSpace(s.URL)
	labelStart, labelEnd := firstLabel(tmpl)
	var sb strings.Builder
	for i := 0; i < len(tmpl); {
		c := tmpl[i]
		if c != '{' && c != '[' {
			sb.WriteByte(c)
			i++
			continue
		}
		closer := byte('}')
		if c == '[' {
			closer = ']'
		}
		j := strings.IndexByte(tmpl[i:], closer)
		if j < 0 {
			return ""
		}
		name := tmpl[i+1 : i+j]
		v, ok := "", false
		wholeHost := i == labelStart && labelEnd == i+j+1 && (labelEnd == len(tmpl) || tmpl[labelEnd] != '.')
		switch {
		case wholeHost && host != "":
			v, ok = host, true
		case wholeHost && strings.Contains(tenant, "."):
			v, ok = tenant, true
		case tenant != "" && i >= labelStart && i < labelEnd && !wholeHost:
			v, ok = tenant, true
		case c == '{':
			v, ok = variable(s, name)
		}
		if !ok {
			return ""
		}
		sb.WriteString(v)
		i += j + 1
	}
	return strings.TrimRight(sb.String(), "/")
}

// firstLabel returns where the first label of a URL template's host starts
// and ends.
func firstLabel(u string) (start, end int) {
	i := strings.Index(u, "://")
	if i < 0 {
		return 0, 0
	}
	start = i + 3
	end = len(u)
	if k := strings.IndexAny(u[start:], ".:/?#"); k >= 0 {
		end = start + k
	}
	return start, end
}

// variable returns a server variable's default, or its first enum value.
func variable(s *v3.Server, name string) (string, bool) {
	if s.Variables == nil {
		return "", false
	}
	v, ok := s.Variables.Get(name)
	if !ok || v == nil {
		return "", false
	}
	if v.Default != "" {
		return v.Default, true
	}
	if len(v.Enum) > 0 && v.Enum[0] != "" {
		return v.Enum[0], true
	}
	return "", false
}

// unsafeURLChars are what a server URL written into a collection may not hold as it is.
const unsafeURLChars = " \t\r\n\"'<>\\{}[]`"

// absoluteHTTP reports whether s is an absolute http or https URL with a
// host and nothing that would need escaping.
func absoluteHTTP(s string) bool {
	if strings.ContainsAny(s, unsafeURLChars) {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// tokenURL returns the first OAuth 2.0 client credentials token URL and its
// scopes. A relative URL is resolved against the server's origin, and is
// dropped when there is no server.
func tokenURL(m *v3.Document, server string) (string, []string) {
	if m.Components == nil || m.Components.SecuritySchemes == nil {
		return "", nil
	}
	for _, ss := range m.Components.SecuritySchemes.FromOldest() {
		if ss == nil || !strings.EqualFold(ss.Type, "oauth2") || ss.Flows == nil || ss.Flows.ClientCredentials == nil {
			continue
		}
		flow := ss.Flows.ClientCredentials
		raw := strings.TrimSpace(flow.TokenUrl)
		if raw == "" {
			continue
		}
		var scopes []string
		if flow.Scopes != nil {
			for k := range flow.Scopes.KeysFromOldest() {
				scopes = append(scopes, k)
			}
		}
		return resolve(raw, server), scopes
	}
	return "", nil
}

// resolve makes a token URL absolute against the origin of server.
func resolve(raw, server string) string {
	if absoluteHTTP(raw) {
		return raw
	}
	if server == "" {
		return ""
	}
	ref, err := url.Parse(raw)
	if err != nil || ref.Scheme != "" || ref.Host != "" {
		return ""
	}
	base, err := url.Parse(server)
	if err != nil {
		return ""
	}
	origin := &url.URL{Scheme: base.Scheme, Host: base.Host, Path: "/"}
	out := origin.ResolveReference(ref).String()
	if !absoluteHTTP(out) {
		return ""
	}
	return out
}

// validHost reports whether s is a host name: dot-separated labels of
// letters, digits and hyphens.
func validHost(s string) bool {
	if len(s) > 253 {
		return false
	}
	for _, label := range strings.Split(s, ".") {
		if label == "" || len(label) > 63 {
			return false
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
				return false
			}
		}
	}
	return true
}
