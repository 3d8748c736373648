package postman

import (
	"encoding/json"
	"fmt"
)

// itemOrder is where new members go in an item: the order go-postman-collection writes them,
// which is also the app's.
var itemOrder = []string{"id", "name", "description", "variable", "item", "event", "auth", "request", "response", "protocolProfileBehavior"}

// Node is an item of a collection, kept whole: a folder, which holds items, or a request with
// its scripts, saved responses and everything else the file gives it. Typed views decode its
// members on demand; setters change one member and leave the others as they were.
type Node struct {
	obj Object
	itemList
}

// IsFolder reports whether the item is a folder: it has a list of items, maybe empty.
func (n *Node) IsFolder() bool { return n.folder }

// Name is the item's name; empty when it has none, or one that is not a string.
func (n *Node) Name() string {
	var name string
	_ = n.obj.Decode("name", &name) // checked when the file is read
	return name
}

// Description is the item's description, in the string or the object form.
func (n *Node) Description() string {
	raw, _ := n.obj.Get("description")
	return descriptionText(raw)
}

// SetDescription sets the item's description as a string; an empty one removes it.
func (n *Node) SetDescription(description string) error {
	if description == "" {
		n.obj.Delete("description")
		return nil
	}
	return n.set("description", description)
}

// Auth is a folder's own auth; nil when it has none. A request's auth is its request's.
func (n *Node) Auth() (*Auth, error) {
	raw, _ := n.obj.Get("auth")
	return readAuth(raw)
}

// SetAuth sets a folder's own auth; nil removes it, so that the folder inherits its parent's.
func (n *Node) SetAuth(a *Auth) error {
	if a == nil {
		n.obj.Delete("auth")
		return nil
	}
	return n.set("auth", a)
}

// Request is the item's request as the app reads it: method, URL, auth and description. Nil
// for a folder or an item without a request.
func (n *Node) Request() (*Request, error) {
	raw, _ := n.obj.Get("request")
	return readRequest(raw)
}

// SetRequest replaces the item's request; its other members, such as scripts and saved
// responses, stay.
func (n *Node) SetRequest(req *Request) error {
	return n.set("request", req)
}

// set encodes v as the item's member key. Items are encoded as go-postman-collection encodes
// its folders, with < > and & escaped as \u003c \u003e \u0026, so that the collections
// gen-postman writes stay the same byte for byte.
func (n *Node) set(key string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("%s: %w", key, err)
	}
	n.obj.SetRaw(key, data, itemOrder)
	return nil
}

// newNode wraps an item that go-postman-collection models, encoded as [Node.set] encodes.
func newNode(item *Item) (*Node, error) {
	data, err := json.Marshal(item)
	if err != nil {
		return nil, fmt.Errorf("item %q: %w", item.Name, err)
	}
	n := &Node{}
	if err := json.Unmarshal(data, &n.obj); err != nil {
		return nil, fmt.Errorf("item %q: %w", item.Name, err)
	}
	return n, nil
}

// newFolder is an empty folder.
func newFolder(name string) *Node {
	n := &Node{itemList: itemList{folder: true}}
	if err := n.set("name", name); err != nil {
		panic(err) // a string always encodes
	}
	n.obj.SetRaw("item", nil, itemOrder)
	return n
}
