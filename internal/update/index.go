package update

import (
	"encoding/json"
	"slices"

	"github.com/gen-postman/gen-postman/internal/baseline"
	"github.com/gen-postman/gen-postman/internal/postman"
)

// holder is what holds items: the collection or a folder.
type holder interface {
	Items() []*postman.Node
	InsertItem(at int, item *postman.Node)
	RemoveItem(at int)
}

// entry is one request of the collection being updated.
type entry struct {
	node   *postman.Node
	parent holder
	folder *postman.Node // the folder holding it; nil at the top level
	// parts and view are the request's parts and the request they were read from (nil when
	// it has none), read once, when first asked for: see read.
	parts   map[baseline.PartID]baseline.Part
	view    *baseline.RequestView
	isRead  bool
	id      string
	claimed bool
}

// collectionIndex finds the collection's requests by id and by method and path.
type collectionIndex struct {
	root    *postman.Collection
	entries []*entry
	byNode  map[*postman.Node]*entry
	parents map[*postman.Node]holder
	byID    map[string][]*entry
	byPath  map[string][]*entry
}

func newIndex(c *postman.Collection) *collectionIndex {
	ix := &collectionIndex{root: c, byNode: map[*postman.Node]*entry{}, parents: map[*postman.Node]holder{},
		byID: map[string][]*entry{}}
	ix.walk(c, nil)
	return ix
}

func (ix *collectionIndex) walk(h holder, folder *postman.Node) {
	for _, n := range h.Items() {
		ix.parents[n] = h
		if n.IsFolder() {
			ix.walk(n, n)
			continue
		}
		ix.add(&entry{node: n, parent: h, folder: folder, id: stringMember(n, "id")})
	}
}

// add indexes a request.
func (ix *collectionIndex) add(e *entry) {
	ix.entries = append(ix.entries, e)
	ix.byNode[e.node] = e
	ix.parents[e.node] = e.parent
	if e.id != "" {
		ix.byID[e.id] = append(ix.byID[e.id], e)
	}
	if ix.byPath != nil {
		ix.addPath(e)
	}
}

// read reads the request's parts, once: a request found by its id whose operation the document
// left as it was is never read.
func (e *entry) read() {
	if !e.isRead {
		e.parts, e.view = baseline.ReadParts(e.node)
		e.isRead = true
	}
}

// paths indexes the requests by the method and path they have, the first time it is asked for:
// only a request whose id was replaced is looked for so.
func (ix *collectionIndex) paths() map[string][]*entry {
	if ix.byPath == nil {
		ix.byPath = map[string][]*entry{}
		for _, e := range ix.entries {
			ix.addPath(e)
		}
	}
	return ix.byPath
}

func (ix *collectionIndex) addPath(e *entry) {
	e.read()
	if p, ok := e.parts[partRequest]; ok {
		h := baseline.Hash(p.Canon)
		ix.byPath[h] = append(ix.byPath[h], e)
	}
}

// claim takes the first request not yet claimed among candidates.
func claim(candidates []*entry) *entry {
	for _, e := range candidates {
		if !e.claimed {
			e.claimed = true
			return e
		}
	}
	return nil
}

// position is where a node is: its holder and its index there; -1 when it is not found.
func (ix *collectionIndex) position(n *postman.Node) (holder, int) {
	h, ok := ix.parents[n]
	if !ok {
		return nil, -1
	}
	return h, slices.Index(h.Items(), n)
}

// topFolder is the top-level folder named name, nil when there is none.
func (ix *collectionIndex) topFolder(name string) *postman.Node {
	for _, n := range ix.root.Items() {
		if n.IsFolder() && n.Name() == name {
			return n
		}
	}
	return nil
}

// label names a request for the report: Folder/Request, through every folder it is in.
func (ix *collectionIndex) label(n *postman.Node) string {
	name := n.Name()
	for h := ix.parents[n]; h != nil; {
		f, ok := h.(*postman.Node)
		if !ok {
			break
		}
		name = f.Name() + "/" + name
		h = ix.parents[f]
	}
	return name
}

// stringMember is a member's value when it is a string.
func stringMember(n *postman.Node, key string) string {
	raw, _ := n.Member(key)
	var s string
	_ = json.Unmarshal(raw, &s) // anything but a string reads as ""
	return s
}

// partRequest is a request's method and path: what finds a request whose id was replaced.
var partRequest = baseline.PartID{Kind: baseline.PartRequest}
