package postman

import (
	"bytes"
)

// MarshalJSON writes the collection: every member it was read with, in order, with the
// changes made since.
func (c *Collection) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	writeObject(&buf, &c.obj, &c.itemList)
	return buf.Bytes(), nil
}

// MarshalJSON writes the item as [Collection.MarshalJSON] writes the collection.
func (n *Node) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	writeObject(&buf, &n.obj, &n.itemList)
	return buf.Bytes(), nil
}

// writeObject writes obj into buf, with its "item" member that has no text written from
// items. The items are written into the same buffer: however deep the folders, each byte is
// written once.
func writeObject(buf *bytes.Buffer, obj *Object, items *itemList) {
	buf.WriteByte('{')
	for i, m := range obj.members {
		if i > 0 {
			buf.WriteByte(',')
		}
		key, _ := Marshal(m.key) // a string always encodes
		buf.Write(key)
		buf.WriteByte(':')
		switch {
		case m.value != nil:
			buf.Write(m.value)
		case m.key == "item" && items.folder:
			writeItems(buf, items.items)
		default:
			buf.WriteString("null")
		}
	}
	buf.WriteByte('}')
}

func writeItems(buf *bytes.Buffer, items []*Node) {
	buf.WriteByte('[')
	for i, n := range items {
		if i > 0 {
			buf.WriteByte(',')
		}
		writeObject(buf, &n.obj, &n.itemList)
	}
	buf.WriteByte(']')
}

// Contains reports whether the collection's text, as [Collection.MarshalJSON] writes it, holds
// s within one key or one value: a {{variable}} a request or a script uses, say. It reads the
// text it keeps and writes nothing.
func (c *Collection) Contains(s []byte) bool {
	return objectContains(&c.obj, &c.itemList, s)
}

func objectContains(obj *Object, items *itemList, s []byte) bool {
	for _, m := range obj.members {
		if bytes.Contains([]byte(m.key), s) || bytes.Contains(m.value, s) {
			return true
		}
		if m.value == nil && m.key == "item" && items.folder {
			for _, n := range items.items {
				if objectContains(&n.obj, &n.itemList, s) {
					return true
				}
			}
		}
	}
	return false
}
