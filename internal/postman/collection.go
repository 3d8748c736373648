package postman

import (
	postman "github.com/rbretecher/go-postman-collection"
)

// SchemaURL is the canonical info.schema of a Postman v2.1.0 collection.
const SchemaURL = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

// Collection is a Postman v2.1.0 collection: go-postman-collection's, plus the collection-level
// auth, scripts and variables that its v0.1.0 does not model. Read one with [ReadCollection],
// which also accepts what the Postman app and older exports write.
type Collection struct {
	postman.Collection
	Auth     *Auth      `json:"auth,omitempty"`
	Event    []Event    `json:"event,omitempty"`
	Variable []Variable `json:"variable,omitempty"`
}

// The parts of go-postman-collection's model that gen-postman uses by name.
type (
	// Auth is an auth block: its type and that type's parameters.
	Auth = postman.Auth
	// AuthParam is one parameter of an auth block.
	AuthParam = postman.AuthParam
	// Items is a request or a folder.
	Items = postman.Items
	// Item is a request.
	Item = postman.Item
	// ItemGroup is a folder.
	ItemGroup = postman.ItemGroup
	// Request is an HTTP request of an item.
	Request = postman.Request
	// URL is a request's URL in Postman's structured form.
	URL = postman.URL
)

// Auth types gen-postman writes or reads.
const (
	AuthTypeOAuth2 = string(postman.Oauth2)
	AuthTypeNoAuth = string(postman.NoAuth)
	// AuthTypeInherit is the app's explicit "inherit auth from parent".
	AuthTypeInherit = "inherit"
)

// NewCollection returns an empty collection with the canonical v2.1.0 schema URL.
func NewCollection(name, description string) *Collection {
	c := &Collection{Collection: *postman.CreateCollection(name, description)}
	c.Info.Schema = SchemaURL
	return c
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

// Variable is a collection variable. Key is empty in files that name variables by id; Value
// holds non-string JSON values as their JSON text, as Postman shows them.
type Variable struct {
	Key         string `json:"key"`
	Value       string `json:"value"`
	Type        string `json:"type"`
	Description string `json:"description,omitempty"`
	ID          string `json:"id,omitempty"`
	Disabled    bool   `json:"disabled,omitempty"`
}

// Name is the variable's key, or its id in files that have no key.
func (v Variable) Name() string {
	if v.Key == "" {
		return v.ID
	}
	return v.Key
}
