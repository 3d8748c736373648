package generate

import (
	"regexp"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/templates"
)

// scriptVariable matches each variable the pre-request script reads or sets by name.
var scriptVariable = regexp.MustCompile(`pm\.(?:variables|collectionVariables)\.(?:get|set)\('([^']+)'`)

// TestScriptUsesTheCollectionsVariables holds the scripts' variable names and the model's
// constants together: every name the script uses is a variable the collection defines.
func TestScriptUsesTheCollectionsVariables(t *testing.T) {
	cases := map[string]profile.Options{}
	for _, name := range templates.PresetNames() {
		opts := profile.Options{Provider: name, Tenant: "acme"}
		switch name {
		case "generic":
			opts = profile.Options{Provider: name, TokenURL: "https://id.example.com/token", Audience: "https://api.example.com"}
		case "keycloak":
			opts = profile.Options{Provider: name, Endpoint: "https://sso.example.com", Realm: "demo"}
		case "okta":
			opts.Tenant = "acme.okta.com"
		}
		cases[name] = opts
	}
	key := testClientKey(t)
	cases["private_key_jwt"] = profile.Options{Provider: "generic", TokenURL: "https://id.example.com/token", ClientKey: key}
	cases["private_key_jwt with DPoP"] = profile.Options{Provider: "generic", TokenURL: "https://id.example.com/token", ClientKey: key, DPoP: true}
	for name, opts := range cases {
		p, err := profile.Resolve(opts)
		if err != nil {
			t.Fatal(err)
		}
		c, err := newCollection(p)
		if err != nil {
			t.Fatal(err)
		}
		vars, err := c.Variables()
		if err != nil {
			t.Fatal(err)
		}
		defined := map[string]bool{}
		for _, v := range vars {
			defined[v.Key] = true
		}
		script, err := templates.PreRequestScript(scriptSettings(p))
		if err != nil {
			t.Fatal(err)
		}
		test, err := templates.TestScript(nil, templates.Contracts{})
		if err != nil {
			t.Fatal(err)
		}
		script += test
		used := scriptVariable.FindAllStringSubmatch(script, -1)
		if len(used) < 8 {
			t.Fatalf("%s: found %d variable uses in the script, want the token request's and the cache's", name, len(used))
		}
		for _, m := range used {
			if !defined[m[1]] {
				t.Errorf("%s: the script uses %q, which the collection does not define", name, m[1])
			}
		}
		want := []string{postman.VarTokenURL, postman.VarClientID, postman.VarScope,
			postman.VarAccessToken, postman.VarRenewAt, postman.VarAccessTokenFor, postman.VarTokenError, postman.VarPathError, postman.VarTokenRefused, postman.VarDPoPIgnored}
		if p.ClientAuth.Signed() {
			want = append(want, postman.VarPrivateKey, postman.VarKeyID)
		}
		if p.DPoP {
			want = append(want, postman.VarDPoPKey, postman.VarDPoPNonce)
		}
		// The credential's variable is named in the settings.
		if !strings.Contains(script, `"credential":"`+credentialVariable(p)+`"`) || !defined[credentialVariable(p)] {
			t.Errorf("%s: the settings do not name the credential's variable %q, or the collection lacks it", name, credentialVariable(p))
		}
		for _, v := range want {
			if !regexp.MustCompile(`'` + v + `'`).MatchString(script) {
				t.Errorf("%s: the script never names %q", name, v)
			}
		}
	}
}
