package templates

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
)

var (
	//go:embed scripts/prerequest.js
	preRequestScript string
	//go:embed scripts/test.js
	testScript string
)

const settingsMarker = "/* settings */ {}"

// ScriptSettings are what the pre-request script needs besides variables.
type ScriptSettings struct {
	// ClientAuth is "header" (HTTP Basic) or "body" (form fields).
	ClientAuth string `json:"clientAuth"`
	// Params names the variables sent as token request parameters (resource, audience).
	Params []string `json:"params"`
}

// PreRequestScript returns the collection-level pre-request script that fetches and caches the
// token. The script reads every value from variables; only the settings are written into it, as
// JSON.
func PreRequestScript(s ScriptSettings) (string, error) {
	if s.Params == nil {
		s.Params = []string{}
	}
	data, err := json.Marshal(s) // escapes <, > and & too, so nothing can end the script early
	if err != nil {
		return "", fmt.Errorf("encoding script settings: %w", err)
	}
	if strings.Count(preRequestScript, settingsMarker) != 1 {
		return "", fmt.Errorf("pre-request script: want one %q", settingsMarker)
	}
	return strings.Replace(preRequestScript, settingsMarker, string(data), 1), nil
}

// TestScript returns the collection-level test script, which fails a request the API refuses.
func TestScript() string { return testScript }
