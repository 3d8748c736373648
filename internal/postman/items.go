package postman

// itemList is the items of a collection or a folder. Its place among the members of the
// object that holds it is an "item" member without text, written from the list.
type itemList struct {
	items []*Node
	// folder is set when the object has a list of items, maybe empty.
	folder bool
}

// Items are the folders and requests the collection or folder holds, in order.
func (l *itemList) Items() []*Node { return l.items }

// add appends n, making obj a holder of items if it was not.
func (l *itemList) add(obj *Object, order []string, n *Node) {
	if !l.folder {
		obj.SetRaw("item", nil, order)
		l.folder = true
	}
	l.items = append(l.items, n)
}

// AddFolder appends an empty folder and returns it. Added to a request, it makes the request a
// folder.
func (n *Node) AddFolder(name string) *Node {
	f := newFolder(name)
	n.add(&n.obj, itemOrder, f)
	return f
}

// AddItem appends a request built with go-postman-collection's types and returns it.
func (n *Node) AddItem(item *Item) (*Node, error) {
	r, err := newNode(item)
	if err != nil {
		return nil, err
	}
	n.add(&n.obj, itemOrder, r)
	return r, nil
}

// AddFolder appends an empty folder and returns it.
func (c *Collection) AddFolder(name string) *Node {
	f := newFolder(name)
	c.add(&c.obj, collectionOrder, f)
	return f
}

// AddItem appends a request built with go-postman-collection's types and returns it.
func (c *Collection) AddItem(item *Item) (*Node, error) {
	r, err := newNode(item)
	if err != nil {
		return nil, err
	}
	c.add(&c.obj, collectionOrder, r)
	return r, nil
}
