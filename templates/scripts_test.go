package templates

import (
	"strings"
	"testing"
)

func TestPreRequestScriptSettings(t *testing.T) {
	s := ScriptSettings{ClientAuth: "body", Credential: "clientSecret", Params: []string{"audience"}}
	got, err := PreRequestScript(s)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, `const settings = {"clientAuth":"body","credential":"clientSecret","params":["audience"],"dpop":false};`) {
		t.Errorf("script settings not rendered:\n%s", got[:400])
	}
	escaped, err := PreRequestScript(ScriptSettings{ClientAuth: "body", Params: []string{"x</script>"}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(escaped, "x</script>") || !strings.Contains(escaped, `x\u003c/script\u003e`) {
		t.Error("the settings are not escaped for a script")
	}
	if strings.Contains(got, settingsMarker) {
		t.Error("the settings marker is still in the script")
	}
}

func TestPreRequestScriptWithoutParams(t *testing.T) {
	got, err := PreRequestScript(ScriptSettings{ClientAuth: "header"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, `const settings = {"clientAuth":"header","credential":"","params":[],"dpop":false};`) {
		t.Error("an empty parameter list must render as [], not null")
	}
}

// TestPreRequestScriptSigning checks that the signer comes only with private_key_jwt, and the
// DPoP code only with DPoP.
func TestPreRequestScriptSigning(t *testing.T) {
	plain, err := PreRequestScript(ScriptSettings{ClientAuth: "header"})
	if err != nil {
		t.Fatal(err)
	}
	signed, err := PreRequestScript(ScriptSettings{ClientAuth: ClientAuthPrivateKeyJWT, Credential: "privateKey"})
	if err != nil {
		t.Fatal(err)
	}
	withDPoP, err := PreRequestScript(ScriptSettings{ClientAuth: ClientAuthPrivateKeyJWT, Credential: "privateKey", DPoP: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, script    string
		signer, hasDPoP bool
	}{{"header", plain, false, false}, {"private_key_jwt", signed, true, false}, {"DPoP", withDPoP, true, true}} {
		if got := strings.Contains(c.script, "const jws = "); got != c.signer {
			t.Errorf("%s: signer present %v, want %v", c.name, got, c.signer)
		}
		if got := strings.Contains(c.script, "const dpop = "); got != c.hasDPoP {
			t.Errorf("%s: DPoP present %v, want %v", c.name, got, c.hasDPoP)
		}
		if strings.Contains(c.script, signingMarker) {
			t.Errorf("%s: the signing marker is left in the script", c.name)
		}
	}
	if _, err := PreRequestScript(ScriptSettings{ClientAuth: "body", DPoP: true}); err == nil {
		t.Error("DPoP without private_key_jwt rendered")
	}
}
