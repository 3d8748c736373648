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

// scriptSettings are the parts of a Profile the pre-request script needs besides variables.
type scriptSettings struct {
	ClientAuth ClientAuth `json:"clientAuth"`
	Params     []string   `json:"params"`
}

// PreRequestScript returns the collection-level pre-request script that fetches and caches the
// token for p. The script reads every value from variables; only the client authentication and
// the names of the API parameters are written into it, as JSON.
func PreRequestScript(p *Profile) (string, error) {
	s := scriptSettings{ClientAuth: p.ClientAuth, Params: []string{}}
	for _, param := range p.Params {
		s.Params = append(s.Params, param.Name)
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
