package templates

import (
	"strings"
	"testing"
)

func TestPreRequestScriptSettings(t *testing.T) {
	s := ScriptSettings{ClientAuth: "body", Params: []string{"audience"}}
	got, err := PreRequestScript(s)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, `const settings = {"clientAuth":"body","params":["audience"]};`) {
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
	if !strings.Contains(got, `const settings = {"clientAuth":"header","params":[]};`) {
		t.Error("an empty parameter list must render as [], not null")
	}
}
