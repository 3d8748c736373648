package generate

import (
	"fmt"

	postman "github.com/rbretecher/go-postman-collection"

	"github.com/gen-postman/gen-postman/templates"
)

// SchemaURL is the canonical info.schema of a Postman v2.1.0 collection.
const SchemaURL = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

// Collection is a Postman v2.1.0 collection: go-postman-collection's, plus the collection-level
// auth, scripts and variables that its v0.1.0 does not model. It is for writing only: decoding
// JSON into it would drop those fields.
type Collection struct {
	postman.Collection
	Auth     *postman.Auth `json:"auth,omitempty"`
	Event    []Event       `json:"event,omitempty"`
	Variable []Variable    `json:"variable,omitempty"`
}

// Event is a script run before ("prerequest") or after ("test") each request.
type Event struct {
	Listen string `json:"listen"`
	Script Script `json:"script"`
}

// Script is JavaScript run in Postman's sandbox, one line per element of Exec.
type Script struct {
	Type string   `json:"type"`
	Exec []string `json:"exec"`
}

// NewCollection builds the collection for p.
func NewCollection(p *templates.Profile) (*Collection, error) {
	c := &Collection{Collection: *postman.CreateCollection(p.Name, collectionDescription(p))}
	c.Info.Schema = SchemaURL
	c.Auth = oauth2Auth(p)
	c.Variable = collectionVariables(p)

	preRequest, err := templates.PreRequestScript(p)
	if err != nil {
		return nil, fmt.Errorf("rendering the pre-request script: %w", err)
	}
	c.Event = []Event{
		{Listen: "prerequest", Script: newScript(preRequest)},
		{Listen: "test", Script: newScript(templates.TestScript())},
	}
	if err := addFolders(&c.Collection, p.Folders); err != nil {
		return nil, err
	}
	return c, nil
}
