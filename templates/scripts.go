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
	//go:embed scripts/signer.js
	signerScript string
	//go:embed scripts/dpop.js
	dpopScript string
)

// Where the pre-request script takes its settings, and the signing code when it signs.
const (
	settingsMarker = "/* settings */ {}"
	signingMarker  = "/* signing */\n"
)

// ClientAuthPrivateKeyJWT is the ScriptSettings.ClientAuth of a client that signs assertions.
const ClientAuthPrivateKeyJWT = "private_key_jwt"

// ScriptSettings are what the pre-request script needs besides variables.
type ScriptSettings struct {
	// ClientAuth is "header" (HTTP Basic), "body" (form fields) or "private_key_jwt" (a signed
	// assertion; the script then carries a signer).
	ClientAuth string `json:"clientAuth"`
	// Credential names the variable of the client's credential: the client secret, or the
	// private key (a JWK) of private_key_jwt.
	Credential string `json:"credential"`
	// Params names the variables sent as token request parameters (resource, audience).
	Params []string `json:"params"`
	// DPoP makes the script send DPoP proofs (RFC 9449); it needs private_key_jwt's signer.
	DPoP bool `json:"dpop"`
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
	for _, marker := range []string{settingsMarker, signingMarker} {
		if strings.Count(preRequestScript, marker) != 1 {
			return "", fmt.Errorf("pre-request script: want one %q", marker)
		}
	}
	if s.DPoP && s.ClientAuth != ClientAuthPrivateKeyJWT {
		return "", fmt.Errorf("pre-request script: DPoP needs %s", ClientAuthPrivateKeyJWT)
	}
	signing := ""
	if s.ClientAuth == ClientAuthPrivateKeyJWT {
		signing = signerScript
		if s.DPoP {
			signing += dpopScript
		}
	}
	script := strings.Replace(preRequestScript, settingsMarker, string(data), 1)
	return strings.Replace(script, signingMarker, signing, 1), nil
}

// answersMarker is where the test script takes the fills of the requests' answers.
const answersMarker = "/* answers */ {}"

// Fill says where a request's JSON answer holds the value of a variable, as the test script
// reads it.
type Fill struct {
	Variable string   `json:"variable"`
	Fields   []string `json:"fields"`
	Created  bool     `json:"created,omitempty"`
}

// TestScript returns the collection-level test script, which fails a request the API refuses
// and fills variables from answers: answers maps a request's item id to what its answer fills.
func TestScript(answers map[string][]Fill) (string, error) {
	if answers == nil {
		answers = map[string][]Fill{}
	}
	data, err := json.Marshal(answers) // sorted keys, and <, > and & escaped
	if err != nil {
		return "", fmt.Errorf("encoding the answers' fills: %w", err)
	}
	if strings.Count(testScript, answersMarker) != 1 {
		return "", fmt.Errorf("test script: want one %q", answersMarker)
	}
	return strings.Replace(testScript, answersMarker, string(data), 1), nil
}

// SignerScript is the signing code the pre-request script carries with private_key_jwt: the
// jws object (sign, algorithm, publicJWK, sha256), for tests that run it in the sandbox alone.
func SignerScript() string { return signerScript }

// SkipScript returns a request's own pre-request script that keeps a run from sending it, and
// names it with why on the console: a request the document allows no value of.
func SkipScript(why string) (string, error) {
	data, err := json.Marshal(why) // a string literal, with <, > and & escaped
	if err != nil {
		return "", fmt.Errorf("encoding why a request is skipped: %w", err)
	}
	return "// gen-postman: a run does not send this request: the document allows none as it could be written.\n" +
		"console.warn('gen-postman: skipped \"' + pm.info.requestName + '\": ' + " + string(data) + ");\n" +
		"pm.execution.skipRequest();\n", nil
}
