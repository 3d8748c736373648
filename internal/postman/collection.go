package postman

import (
	postman "github.com/rbretecher/go-postman-collection"
)

// SchemaURL is the canonical info.schema of a Postman v2.1.0 collection.
const SchemaURL = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

// collectionOrder is where new members go in a collection: the order the Postman app writes.
var collectionOrder = []string{"info", "item", "auth", "event", "variable", "protocolProfileBehavior"}

// Collection is a Postman collection, kept whole: every member of the file, in its order and
// with its text, so that what is read is written back with nothing lost. Typed views decode
// members on demand; setters change one member. Read one with [ReadCollection], which accepts
// what the Postman app, Newman and Postman's SDK write, v2.1.0 and v2.0.0; write one with
// [Encode].
type Collection struct {
	obj Object
	itemList
}

// The parts of go-postman-collection's model that gen-postman uses by name: the values it
// builds and the typed views of what it reads.
type (
	// Auth is an auth block: its type and that type's parameters.
	Auth = postman.Auth
	// AuthParam is one parameter of an auth block.
	AuthParam = postman.AuthParam
	// Item is a request item as gen-postman builds one; see [Collection.AddItem].
	Item = postman.Item
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
	info := postman.CreateCollection(name, description).Info
	info.Schema = SchemaURL
	c := &Collection{}
	if err := c.obj.Set("info", info, collectionOrder); err != nil {
		panic(err) // four strings always encode
	}
	c.obj.SetRaw("item", nil, collectionOrder)
	c.folder = true
	return c
}

// Name is the collection's info.name.
func (c *Collection) Name() string {
	var info struct {
		Name string `json:"name"`
	}
	_ = c.obj.Decode("info", &info) // checked when the file is read
	return info.Name
}

// Auth is the collection's auth; nil when it has none.
func (c *Collection) Auth() (*Auth, error) {
	raw, _ := c.obj.Get("auth")
	return readAuth(raw)
}

// SetAuth sets the collection's auth; nil removes it.
func (c *Collection) SetAuth(a *Auth) error {
	if a == nil {
		c.obj.Delete("auth")
		return nil
	}
	return c.obj.Set("auth", a, collectionOrder)
}

// Events are the collection's scripts.
func (c *Collection) Events() ([]Event, error) {
	var events []Event
	if err := c.obj.Decode("event", &events); err != nil {
		return nil, err
	}
	return events, nil
}

// SetEvents replaces the collection's scripts.
func (c *Collection) SetEvents(events []Event) error {
	return c.obj.Set("event", events, collectionOrder)
}

// Variables are the collection's variables.
func (c *Collection) Variables() ([]Variable, error) {
	var vars []Variable
	if err := c.obj.Decode("variable", &vars); err != nil {
		return nil, err
	}
	return vars, nil
}

// SetVariables replaces the collection's variables.
func (c *Collection) SetVariables(vars []Variable) error {
	return c.obj.Set("variable", vars, collectionOrder)
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
