package generate

import (
	"fmt"

	"github.com/gen-postman/gen-postman/internal/baseline"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/templates"
)

// Build builds the collection for p: collection-level OAuth 2.0 auth, the scripts that get the
// token and check the answers, the variables, and p's ready requests. It says what of p's API
// it wrote otherwise than it was given: renamed variables, examples left out.
func Build(p *profile.Profile) (*postman.Collection, []string, error) {
	rename, warnings := variableNames(p)
	w := &requestWriter{rename: rename, warnings: warnings, contractTests: !p.NoContractTests}
	c, err := w.collection(p)
	return c, w.warnings, err
}

func (w *requestWriter) collection(p *profile.Profile) (*postman.Collection, error) {
	c := postman.NewCollection(p.Name, collectionDescription(p))
	if err := c.SetAuth(oauth2Auth(p)); err != nil {
		return nil, fmt.Errorf("collection auth: %w", err)
	}
	record, err := w.addFolders(c, p.Folders)
	if err != nil {
		return nil, err
	}
	record.API = baseline.API{Title: p.APITitle, Host: p.APIHost}
	preRequest, err := templates.PreRequestScript(scriptSettings(p))
	if err != nil {
		return nil, fmt.Errorf("rendering the pre-request script: %w", err)
	}
	contracts := templates.Contracts{Checked: w.contractTests, Responses: w.contracts}
	if len(w.contracts) > 0 {
		contracts.Schemas = p.Schemas
	}
	test, err := templates.TestScript(w.answers, contracts)
	if err != nil {
		return nil, fmt.Errorf("rendering the test script: %w", err)
	}
	code, err := templates.TestScriptCode(test)
	if err != nil {
		return nil, fmt.Errorf("reading the test script back: %w", err)
	}
	record.TestScript = baseline.Hash(code)
	if err := c.SetEvents([]postman.Event{
		{Listen: postman.ListenPreRequest, Script: postman.NewScript(preRequest)},
		{Listen: postman.ListenTest, Script: postman.NewScript(test)},
	}); err != nil {
		return nil, fmt.Errorf("collection scripts: %w", err)
	}
	vars := collectionVariables(p, w.rename)
	if len(record.Ops) > 0 {
		vars = append(vars, record.Variable())
	}
	if err := c.SetVariables(vars); err != nil {
		return nil, fmt.Errorf("collection variables: %w", err)
	}
	return c, nil
}

// scriptSettings are the parts of p the pre-request script needs besides variables. The client
// authentication written here is the same value the auth's client_authentication carries, but
// for private_key_jwt, which Postman's auth does not know.
func scriptSettings(p *profile.Profile) templates.ScriptSettings {
	s := templates.ScriptSettings{ClientAuth: string(p.ClientAuth), Credential: credentialVariable(p), DPoP: p.DPoP}
	for _, param := range p.Params {
		s.Params = append(s.Params, param.Name)
	}
	return s
}
