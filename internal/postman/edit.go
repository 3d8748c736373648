package postman

import (
	"encoding/json"
	"slices"
)

// Member is the text of the item's member key, as the file holds it; false when it has none.
func (n *Node) Member(key string) (json.RawMessage, bool) { return n.obj.Get(key) }

// SetMember sets the item's member key to value, a JSON text kept as it is, in place of the
// member it replaces or where the app puts a new one.
func (n *Node) SetMember(key string, value json.RawMessage) { n.obj.SetRaw(key, value, itemOrder) }

// DeleteMember removes the item's member key.
func (n *Node) DeleteMember(key string) { n.obj.Delete(key) }

// HasMember reports whether the item has a member key whose value is not null.
func (n *Node) HasMember(key string) bool { return n.obj.Has(key) }

// Member is the text of the collection's member key; false when it has none.
func (c *Collection) Member(key string) (json.RawMessage, bool) { return c.obj.Get(key) }

// SetMember sets the collection's member key to value, a JSON text kept as it is.
func (c *Collection) SetMember(key string, value json.RawMessage) {
	c.obj.SetRaw(key, value, collectionOrder)
}

// InsertItem puts item at position at among the folder's items; at is clamped to the list.
// Added to a request, it makes the request a folder.
func (n *Node) InsertItem(at int, item *Node) { n.insert(&n.obj, itemOrder, at, item) }

// RemoveItem takes the item at position at out of the folder's items.
func (n *Node) RemoveItem(at int) { n.remove(at) }

// InsertItem puts item at position at among the collection's top-level items; at is clamped.
func (c *Collection) InsertItem(at int, item *Node) { c.insert(&c.obj, collectionOrder, at, item) }

// RemoveItem takes the top-level item at position at out of the collection.
func (c *Collection) RemoveItem(at int) { c.remove(at) }

// NewFolder is an empty folder, not yet in a collection.
func NewFolder(name string) *Node { return newFolder(name) }

// insert puts n at position at, making obj a holder of items if it was not.
func (l *itemList) insert(obj *Object, order []string, at int, n *Node) {
	if !l.folder {
		obj.SetRaw("item", nil, order)
		l.folder = true
	}
	at = min(max(at, 0), len(l.items))
	l.items = slices.Insert(l.items, at, n)
}

// remove takes out the item at position at, when there is one.
func (l *itemList) remove(at int) {
	if at >= 0 && at < len(l.items) {
		l.items = slices.Delete(l.items, at, at+1)
	}
}

// Keys lists the item's member keys in file order.
func (n *Node) Keys() []string { return n.obj.Keys() }
