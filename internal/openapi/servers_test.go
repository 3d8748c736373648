package openapi

import (
	"testing"

	"github.com/pb33f/libopenapi/orderedmap"

	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
)

func TestServerURL(t *testing.T) {
	vars := func(kv ...*v3.ServerVariable) *orderedmap.Map[string, *v3.ServerVariable] {
		m := orderedmap.New[string, *v3.ServerVariable]()
		for i, v := range kv {
			m.Set([]string{"subdomain", "region", "version"}[i], v)
		}
		return m
	}
	tests := []struct {
		name   string
		server *v3.Server
		tenant string
		want   string
	}{
		{"logto bracket, no tenant", &v3.Server{URL: "https://[tenant_id].logto.app/"}, "", ""},
		{"logto bracket, tenant", &v3.Server{URL: "https://[tenant_id].logto.app/"}, "abc", "https://abc.logto.app"},
		{"kinde default", &v3.Server{URL: "https://{subdomain}.kinde.com", Variables: vars(&v3.ServerVariable{Default: "your_kinde_subdomain"})}, "", "https://your_kinde_subdomain.kinde.com"},
		{"kinde tenant", &v3.Server{URL: "https://{subdomain}.kinde.com", Variables: vars(&v3.ServerVariable{Default: "x"})}, "acme", "https://acme.kinde.com"},
		{"tenant only in the first label", &v3.Server{URL: "https://{subdomain}.{region}.example.com/{version}/", Variables: vars(
			&v3.ServerVariable{}, &v3.ServerVariable{Default: "eu"}, &v3.ServerVariable{Enum: []string{"v2", "v1"}})}, "acme", "https://acme.eu.example.com/v2"},
		{"variable without a value", &v3.Server{URL: "https://{subdomain}.kinde.com", Variables: vars(&v3.ServerVariable{})}, "", ""},
		{"undeclared variable", &v3.Server{URL: "https://{subdomain}.kinde.com"}, "", ""},
		{"unclosed placeholder", &v3.Server{URL: "https://{subdomain.kinde.com"}, "acme", ""},
		{"relative server", &v3.Server{URL: "/api"}, "", ""},
		{"plain", &v3.Server{URL: " https://api.example.com/v1/ "}, "acme", "https://api.example.com/v1"},
		{"not http", &v3.Server{URL: "ftp://example.com"}, "", ""},
		{"default breaks the url", &v3.Server{URL: "https://{subdomain}.x.com", Variables: vars(&v3.ServerVariable{Default: "a b"})}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := serverURL([]*v3.Server{tt.server}, tt.tenant, ""); got != tt.want {
				t.Errorf("serverURL = %q, want %q", got, tt.want)
			}
		})
	}
	if got := serverURL(nil, "acme", ""); got != "" {
		t.Errorf("serverURL(nil) = %q", got)
	}
}

func TestResolve(t *testing.T) {
	tests := []struct{ raw, server, want string }{
		{"/oidc/token", "https://abc.logto.app", "https://abc.logto.app/oidc/token"},
		{"/oidc/token", "https://abc.logto.app/api/v1", "https://abc.logto.app/oidc/token"},
		{"oauth2/token", "https://s.kinde.com/x", "https://s.kinde.com/oauth2/token"},
		{"/oidc/token", "", ""},
		{"https://auth.example.com/token", "", "https://auth.example.com/token"},
		{"//evil.example/token", "https://abc.logto.app", ""},
		{"javascript:alert(1)", "https://abc.logto.app", ""},
	}
	for _, tt := range tests {
		if got := resolve(tt.raw, tt.server); got != tt.want {
			t.Errorf("resolve(%q, %q) = %q, want %q", tt.raw, tt.server, got, tt.want)
		}
	}
}

func TestValidHost(t *testing.T) {
	for s, want := range map[string]bool{
		"abc": true, "acme-eu": true, "auth.example.com": true, "": false, "a/b": false, "a b": false,
		"a..b": false, "{x}": false, "a@b": false,
	} {
		if got := validHost(s); got != want {
			t.Errorf("validHost(%q) = %v, want %v", s, got, want)
		}
	}
}

// A placeholder that is the whole host, as Okta's https://{yourOktaDomain}, is the token URL's
// host, or a tenant that is a domain name; a single label cannot stand for it.
func TestServerURLWholeHost(t *testing.T) {
	okta := &v3.Server{URL: "https://{yourOktaDomain}", Variables: orderedmap.New[string, *v3.ServerVariable]()}
	okta.Variables.Set("yourOktaDomain", &v3.ServerVariable{Default: "subdomain.okta.com"})
	withPort := &v3.Server{URL: "https://{domain}:8443/api", Variables: orderedmap.New[string, *v3.ServerVariable]()}
	withPort.Variables.Set("domain", &v3.ServerVariable{Default: "example.com"})
	tests := []struct {
		server       *v3.Server
		tenant, host string
		want         string
	}{
		{okta, "", "", "https://subdomain.okta.com"},
		{okta, "", "acme.okta.com", "https://acme.okta.com"},
		{okta, "acme.oktapreview.com", "", "https://acme.oktapreview.com"},
		{okta, "acme.oktapreview.com", "acme.okta.com", "https://acme.okta.com"},
		{okta, "acme", "", "https://subdomain.okta.com"},
		{withPort, "", "id.example.org", "https://id.example.org:8443/api"},
	}
	for _, tt := range tests {
		if got := serverURL([]*v3.Server{tt.server}, tt.tenant, tt.host); got != tt.want {
			t.Errorf("serverURL(%s, tenant %q, host %q) = %q, want %q", tt.server.URL, tt.tenant, tt.host, got, tt.want)
		}
	}
}

func TestServerPath(t *testing.T) {
	for url, want := range map[string]string{
		"/api/v1/":                "/api/v1",
		"/api":                    "/api",
		"/":                       "",
		"//cdn.example.com/api":   "",
		"https://api.example.com": "",
		"api/v1":                  "",
		"/a b":                    "",
		"/api?x=1":                "",
	} {
		if got := serverPath([]*v3.Server{{URL: url}}, "", ""); got != want {
			t.Errorf("serverPath(%q) = %q, want %q", url, got, want)
		}
	}
	for doc, want := range map[string]string{
		"openapi: 3.0.3\ninfo: {title: T, version: \"1\"}\nservers: [{url: /api/v1}]\npaths: {/x: {get: {responses: {\"200\": {description: ok}}}}}\n":                   "/api/v1",
		`{"swagger":"2.0","info":{"title":"T","version":"1"},"basePath":"/api/v2","paths":{"/x":{"get":{"responses":{"200":{"description":"ok"}}}}}}`:                    "/api/v2",
		`{"swagger":"2.0","info":{"title":"T","version":"1"},"host":"h.example.com","basePath":"/v2","paths":{"/x":{"get":{"responses":{"200":{"description":"ok"}}}}}}`: "",
	} {
		d, err := Parse([]byte(doc), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if d.ServerPath != want || want != "" && d.ServerURL != "" {
			t.Errorf("ServerURL %q, ServerPath %q; want path %q\n%s", d.ServerURL, d.ServerPath, want, doc)
		}
	}
}
