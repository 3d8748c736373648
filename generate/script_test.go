package generate

import (
	"regexp"
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
		p, err := profile.Resolve(opts)
		if err != nil {
			t.Fatal(err)
		}
		c, err := NewCollection(p)
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
		script += templates.TestScript()
		used := scriptVariable.FindAllStringSubmatch(script, -1)
		if len(used) < 8 {
			t.Fatalf("%s: found %d variable uses in the script, want the token request's and the cache's", name, len(used))
		}
		for _, m := range used {
			if !defined[m[1]] {
				t.Errorf("%s: the script uses %q, which the collection does not define", name, m[1])
			}
		}
		for _, v := range []string{postman.VarTokenURL, postman.VarClientID, postman.VarClientSecret, postman.VarScope,
			postman.VarAccessToken, postman.VarRenewAt, postman.VarAccessTokenFor, postman.VarTokenError, postman.VarPathError} {
			if !regexp.MustCompile(`'` + v + `'`).MatchString(script) {
				t.Errorf("%s: the script never names %q", name, v)
			}
		}
	}
}
