package update

import (
	"github.com/gen-postman/gen-postman/internal/baseline"
	"github.com/gen-postman/gen-postman/internal/postman"
)

// addNew adds the request of each operation new to the document to its tag's folder, made
// when the collection has none, among the other tag folders in the document's order. In the
// folder it goes after the request of the operation before it in the document, else before
// the one after it, else last.
func (m *merger) addNew() error {
	for i, f := range m.ops {
		if _, ok := m.placed[f.op.Key]; ok || m.base[f.op.Key] != nil {
			continue
		}
		h, at, err := m.placeFor(i)
		if err != nil {
			return err
		}
		if err := m.keepUsersVariables(f); err != nil {
			return err
		}
		h.InsertItem(at, f.node)
		m.changed = true
		m.ix.parents[f.node] = h
		m.placed[f.op.Key] = f.node
		m.report.Added = append(m.report.Added, m.ix.label(f.node))
	}
	return nil
}

// placeFor finds where the request of the i-th fresh operation goes: in its tag's folder.
func (m *merger) placeFor(i int) (holder, int, error) {
	f := m.ops[i]
	folder := m.tagFolder(f.folder.Name())
	if folder == nil {
		var err error
		if folder, err = m.newFolder(f.folder); err != nil {
			return nil, 0, err
		}
		return folder, 0, nil
	}
	for j := f.index - 1; j >= 0; j-- {
		if h, at := m.ix.position(m.nodeOf(i - (f.index - j))); at >= 0 && h == holder(folder) {
			return h, at + 1, nil
		}
	}
	for j := f.index + 1; j < len(f.folder.Items()); j++ {
		if h, at := m.ix.position(m.nodeOf(i + (j - f.index))); at >= 0 && h == holder(folder) {
			return h, at, nil
		}
	}
	return folder, len(folder.Items()), nil
}

// nodeOf is the collection's request of the i-th fresh operation; nil when it has none.
func (m *merger) nodeOf(i int) *postman.Node {
	if i < 0 || i >= len(m.ops) {
		return nil
	}
	return m.placed[m.ops[i].op.Key]
}

// newFolder makes the folder of a tag the collection has none for: after the last folder of a
// tag before it in the document, else before the first folder of a tag after it, else last.
func (m *merger) newFolder(fresh *postman.Node) (*postman.Node, error) {
	folder := postman.NewFolder(fresh.Name())
	if d, ok := fresh.Member("description"); ok {
		folder.SetMember("description", d)
	}
	tags := m.fresh.Items()
	at := len(m.cur.col.Items())
	for k, t := range tags {
		if t != fresh {
			continue
		}
		if h, i := m.before(tags[:k]); i >= 0 && h == holder(m.cur.col) {
			at = i + 1
		} else if i := m.after(tags[k+1:]); i >= 0 {
			at = i
		}
		break
	}
	m.cur.col.InsertItem(at, folder)
	m.ix.parents[folder] = m.cur.col
	m.report.FoldersAdded = append(m.report.FoldersAdded, folder.Name())
	return folder, nil
}

// before is the position of the last of tags that has a top-level folder.
func (m *merger) before(tags []*postman.Node) (holder, int) {
	for k := len(tags) - 1; k >= 0; k-- {
		if f := m.tagFolder(tags[k].Name()); f != nil {
			return m.ix.position(f)
		}
	}
	return nil, -1
}

// after is the position of the first of tags that has a top-level folder.
func (m *merger) after(tags []*postman.Node) int {
	for _, t := range tags {
		if f := m.tagFolder(t.Name()); f != nil {
			_, at := m.ix.position(f)
			return at
		}
	}
	return -1
}

// tagFolder is the top-level folder of the tag named name: the folder of that name, else the
// folder the user renamed it to, the top-level folder holding most of the requests the record
// says were generated in it; nil when there is none.
func (m *merger) tagFolder(name string) *postman.Node {
	if f := m.ix.topFolder(name); f != nil {
		return f
	}
	if m.base == nil {
		return nil
	}
	tag := baseline.Hash(name)
	count := map[*postman.Node]int{}
	var best *postman.Node
	for _, op := range m.baseOps {
		n, ok := m.placed[op.Key]
		if !ok || op.Folder != tag {
			continue
		}
		e := m.ix.byNode[n]
		if e == nil || e.folder == nil {
			continue
		}
		if _, top := m.ix.parents[e.folder].(*postman.Collection); !top {
			continue
		}
		if _, at := m.ix.position(n); at < 0 {
			continue // removed
		}
		if _, at := m.ix.position(e.folder); at < 0 {
			continue
		}
		count[e.folder]++
		if best == nil || count[e.folder] > count[best] {
			best = e.folder
		}
	}
	return best
}
