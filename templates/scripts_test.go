package templates

import (
	"encoding/json"
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

// TestTestScriptContracts checks that the contract tests and their tables are written only with
// contracts, once each, as JSON a script cannot be ended by, and that a table's text is never
// read as another's marker.
func TestTestScriptContracts(t *testing.T) {
	without, err := TestScript(map[string][]Fill{"item-1": {{Variable: "appId", Fields: []string{"id"}}}}, Contracts{Schemas: map[string]json.RawMessage{"A": json.RawMessage(`{}`)}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(without, "checkContract") || strings.Contains(without, "const schemas") {
		t.Error("a script without contracts carries the contract tests")
	}
	if !strings.Contains(without, `const answers = {"item-1":[{"variable":"appId","fields":["id"]}]};`) {
		t.Error("the answers' fills are not written")
	}

	contracts := Contracts{
		Responses: map[string][]ListedResponse{
			"item-2": {{Status: "200", ContentTypes: []string{"application/json"}, Schema: "App</script>"}, {Status: "204"}},
			"item-1": {{Status: "default", ContentTypes: []string{"*/*"}}},
		},
		Schemas: map[string]json.RawMessage{
			"App</script>": json.RawMessage("{\n  \"type\": \"object\",\n  \"description\": \"a & b /* schemas */ {}\"\n}"),
		},
	}
	with, err := TestScript(nil, contracts)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`const answers = {};`,
		`const contracts = {"item-1":[["default","","*/*"]],"item-2":[["200","App\u003c/script\u003e","application/json"],["204"]]};`,
		`const schemas = {"App\u003c/script\u003e":{"type":"object","description":"a \u0026 b /* schemas */ {}"}};`,
	} {
		if !strings.Contains(with, want) {
			t.Errorf("the script lacks %s", want)
		}
	}
	if strings.Contains(with, "</script>") {
		t.Error("a table is not escaped for a script")
	}
	for _, marker := range []string{answersMarker, contractsMarker} {
		if strings.Contains(with, marker) {
			t.Errorf("the marker %q is left in the script", marker)
		}
	}
	if strings.Count(with, "function checkContract(") != 1 || strings.Count(with, "const schemas = ") != 1 {
		t.Error("the contract tests are not written once")
	}

	noSchemas, err := TestScript(nil, Contracts{Responses: map[string][]ListedResponse{"item-1": {{Status: "204"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(noSchemas, "const schemas = {};") {
		t.Error("no schemas must render as {}")
	}
	if _, err := TestScript(nil, Contracts{Responses: contracts.Responses, Schemas: map[string]json.RawMessage{"bad": json.RawMessage(`{`)}}); err == nil {
		t.Error("a schema that is not JSON was written")
	}
}
