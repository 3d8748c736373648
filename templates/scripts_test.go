package templates

import (
	"strings"
	"testing"
)

func TestPreRequestScriptSettings(t *testing.T) {
	p := &Profile{ClientAuth: ClientAuthBody, Params: []Param{{ParamAudience, "https://x</script>"}}}
	got, err := PreRequestScript(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, `const settings = {"clientAuth":"body","params":["audience"]};`) {
		t.Errorf("script settings not rendered:\n%s", got[:400])
	}
	if strings.Contains(got, "https://x") {
		t.Error("the script carries a parameter's value; values must come from variables")
	}
	if strings.Contains(got, settingsMarker) {
		t.Error("the settings marker is still in the script")
	}
}

func TestPreRequestScriptWithoutParams(t *testing.T) {
	got, err := PreRequestScript(&Profile{ClientAuth: ClientAuthHeader})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, `const settings = {"clientAuth":"header","params":[]};`) {
		t.Error("an empty parameter list must render as [], not null")
	}
}
