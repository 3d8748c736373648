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
	//go:embed scripts/contract.js
	contractScript string
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

// Where the test script takes the fills of the requests' answers, and its contract tests' tables.
const (
	answersMarker   = "/* answers */ {}"
	contractsMarker = "/* contracts */ {}"
	schemasMarker   = "/* schemas */ {}"
)

// Fill says where a request's JSON answer holds the value of a variable, as the test script
// reads it.
type Fill struct {
	Variable string   `json:"variable"`
	Fields   []string `json:"fields"`
	Created  bool     `json:"created,omitempty"`
}

// ListedResponse is one answer the document lists for a request, as the test script's contract
// tests read it.
type ListedResponse struct {
	// Status is "200", "2XX" or "default".
	Status string
	// ContentTypes are the media types its body may have; none when it has no body.
	ContentTypes []string
	// Schema names the entry of Contracts.Schemas a JSON body must match; empty for none.
	Schema string
}

// MarshalJSON writes the response as the script reads it, short, since a document lists a few
// for each of its operations: [status, schema, content types...], or [status] alone when it
// has neither schema nor content types.
func (r ListedResponse) MarshalJSON() ([]byte, error) {
	tuple := []string{r.Status}
	if r.Schema != "" || len(r.ContentTypes) > 0 {
		tuple = append(append(tuple, r.Schema), r.ContentTypes...)
	}
	return json.Marshal(tuple)
}

// Contracts are what the test script checks answers against: the responses the document
// lists, by item id, and the schemas they name, written once for the whole collection.
type Contracts struct {
	// Checked writes the contract tests' code even when no request lists responses (a
	// collection of a preset's requests, or of a document that lists none), so that update
	// brings in the responses of the requests it adds, as generate would have written them.
	Checked   bool
	Responses map[string][]ListedResponse
	// Schemas are JSON Schema draft-07 with OpenAPI's nullable, each $ref written
	// "#/definitions/NAME".
	Schemas map[string]json.RawMessage
}

// TestScript returns the collection-level test script, which fails a request the API refuses
// and fills variables from answers: answers maps a request's item id to what its answer fills.
// With contracts checked or listed, it also checks each answer against the responses the
// document lists for its request; the code that does, and the schemas, are written only then.
func TestScript(answers map[string][]Fill, contracts Contracts) (string, error) {
	return renderTestScript(
		table{answersMarker, "the answers' fills", answers, len(answers) == 0},
		contracts.Checked || len(contracts.Responses) > 0,
		table{contractsMarker, "the listed responses", contracts.Responses, len(contracts.Responses) == 0},
		table{schemasMarker, "the response schemas", contracts.Schemas, len(contracts.Schemas) == 0},
	)
}

// renderTestScript writes the test script with its answers table and, when checks, the
// contract tests' code with its tables.
func renderTestScript(answers table, checks bool, responses, schemas table) (string, error) {
	script, err := fillTables(testScript, []table{answers})
	if err != nil || !checks {
		return script, err
	}
	contract, err := fillTables(contractScript, []table{responses, schemas})
	if err != nil {
		return "", err
	}
	return script + "\n" + contract, nil
}

// table is data a script takes as JSON in place of its marker.
type table struct {
	marker, what string
	value        any
	empty        bool
}

// fillTables writes each table into script in place of its marker, {} for an empty one, in
// one pass: a table's text is never read for the next one's marker.
func fillTables(script string, tables []table) (string, error) {
	var replace []string
	for _, t := range tables {
		if strings.Count(script, t.marker) != 1 {
			return "", fmt.Errorf("script: want one %q", t.marker)
		}
		data := []byte("{}")
		if !t.empty {
			var err error
			data, err = json.Marshal(t.value) // sorted keys, compact, and <, > and & escaped
			if err != nil {
				return "", fmt.Errorf("encoding %s: %w", t.what, err)
			}
		}
		replace = append(replace, t.marker, string(data))
	}
	return strings.NewReplacer(replace...).Replace(script), nil
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
