package update

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"

	"github.com/gen-postman/gen-postman/internal/baseline"
	"github.com/gen-postman/gen-postman/internal/postman"
)

// Options tune Merge.
type Options struct {
	// Prune removes the requests of operations gone from the document even when the user
	// edited them.
	Prune bool
	// Settings name the collection variables whose values the user's flags gave: the fresh
	// collection's values replace the collection's.
	Settings []string
	// OtherAPI merges a document that names another API than the one the collection was
	// generated from, which Merge otherwise refuses with an [*OtherAPIError].
	OtherAPI bool
}

// ErrNoRecordInFresh reports a fresh collection that generate did not write.
var ErrNoRecordInFresh = errors.New("the generated collection has no record of its requests")

// freshOp is one operation of the fresh collection: its record and its request.
type freshOp struct {
	op     baseline.Op
	node   *postman.Node
	folder *postman.Node
	index  int // its place in its folder
}

// merger holds one update's state.
type merger struct {
	cur     *Collection
	fresh   *postman.Collection
	opts    Options
	ix      *collectionIndex
	base    map[string]*baseline.Op // by key hash; nil without a record
	baseOps []baseline.Op
	ops     []freshOp
	inFresh map[string]bool // the key hashes of the fresh operations
	// renamedFrom holds the key hashes of the operations gone from the document under a new
	// operationId.
	renamedFrom map[string]bool
	// kept are the operations gone from the document whose requests are kept: the new record
	// keeps them, so that they are listed again, and pruned with Options.Prune, next time.
	kept   []baseline.Op
	placed map[string]*postman.Node // by key hash: where each fresh operation is in cur
	// freshAPI names the API the new record names: the fresh collection's, with the host
	// recorded at generation where the document is of the same API (sameAPI). docAPI is the
	// fresh collection's as the document names it.
	freshAPI, docAPI baseline.API
	// freshScript is the hash of the fresh collection's test script's code, which the new
	// record keeps.
	freshScript string
	// freshVars are the fresh collection's variables as the file writes each.
	freshVars []json.RawMessage
	// ownVars maps each variable of the user's that a new request would have used to the name
	// the request uses instead.
	ownVars map[string]string
	genVars map[string]bool // see generatedVars
	// carriedVars maps the collection variable a renamed path variable stands for to the one it
	// stood for: a new variable takes the old one's value.
	carriedVars map[string]string
	// changed says the collection was changed: a request, an item, a variable.
	changed bool
	report  *Report
}

// Merge brings fresh, the collection generated from the newer document with the same
// settings, into cur, the collection the user edited, and reports what it did. cur is changed
// in place; fresh is taken apart.
func Merge(cur, fresh *postman.Collection, opts Options) (*Report, error) {
	c, err := Open(cur)
	if err != nil {
		return nil, err
	}
	return c.Merge(fresh, opts)
}

// Merge is [Merge] into the collection opened.
func (c *Collection) Merge(fresh *postman.Collection, opts Options) (*Report, error) {
	m := &merger{cur: c, fresh: fresh, opts: opts, placed: map[string]*postman.Node{}, renamedFrom: map[string]bool{},
		ownVars: map[string]string{}, carriedVars: map[string]string{},
		report: newReport()}
	if err := m.read(); err != nil {
		return nil, err
	}
	m.match()
	if err := m.mergeRequests(); err != nil {
		return nil, err
	}
	m.removeGone()
	if err := m.addNew(); err != nil {
		return nil, err
	}
	if err := m.variables(); err != nil {
		return nil, err
	}
	if err := m.refreshTestScript(); err != nil {
		return nil, err
	}
	m.report.Changed = m.changed
	return m.report, nil
}

// read reads both records and lays the fresh requests beside theirs.
func (m *merger) read() error {
	var err error
	if m.freshVars, err = variableList(m.fresh.Member("variable")); err != nil {
		return ErrNoRecordInFresh
	}
	freshRec, err := recordOf(m.freshVars)
	if err != nil || freshRec == nil {
		return ErrNoRecordInFresh
	}
	m.inFresh = make(map[string]bool, len(freshRec.Ops))
	for _, folder := range m.fresh.Items() {
		for i, n := range folder.Items() {
			if len(m.ops) == len(freshRec.Ops) {
				return ErrNoRecordInFresh
			}
			op := freshRec.Ops[len(m.ops)]
			m.ops = append(m.ops, freshOp{op: op, node: n, folder: folder, index: i})
			m.inFresh[op.Key] = true
		}
	}
	if len(m.ops) != len(freshRec.Ops) {
		return ErrNoRecordInFresh
	}
	m.freshAPI, m.docAPI, m.freshScript = freshRec.API, freshRec.API, freshRec.TestScript
	if err := m.sameAPI(); err != nil {
		return err
	}
	baseRec, err := m.cur.record, m.cur.recordErr
	if err != nil {
		// Damaged by hand, say: the update goes on as for a collection without one.
		m.report.Warnings = append(m.report.Warnings, err.Error()+"; every difference is kept as yours, and a new record is written")
		baseRec = nil
	}
	if baseRec != nil {
		m.report.Baseline = true
		m.baseOps = baseRec.Ops
		m.base = make(map[string]*baseline.Op, len(baseRec.Ops))
		for i := range baseRec.Ops {
			m.base[baseRec.Ops[i].Key] = &baseRec.Ops[i]
		}
	}
	m.ix = newIndex(m.cur.col)
	return nil
}

// match finds the collection's request of each operation, the fresh ones and those gone from
// the document: by the id generated for it, then by the method and path it was generated
// with (or, for an operation the record does not know, the one it is generated with now).
func (m *merger) match() {
	keys := make([]*baseline.Op, 0, len(m.ops)+len(m.baseOps))
	for i := range m.ops {
		keys = append(keys, &m.ops[i].op)
	}
	for i := range m.baseOps {
		if !m.inFresh[m.baseOps[i].Key] {
			keys = append(keys, &m.baseOps[i])
		}
	}
	for _, op := range keys {
		if e := claim(m.ix.byID[op.ItemID()]); e != nil {
			m.placed[op.Key] = e.node
		}
	}
	m.renamed()
	for _, op := range keys {
		if _, ok := m.placed[op.Key]; ok || m.renamedFrom[op.Key] {
			continue // a renamed operation's request is the new operation's, or deleted
		}
		path := op
		if b := m.base[op.Key]; b != nil {
			path = b
		} else if len(m.base) > 0 {
			// An operation the record does not know is new in the document: no request was
			// generated from it, so one at its method and path is the user's own, and stays so.
			continue
		}
		h, ok := path.Part(partRequest)
		if !ok {
			continue
		}
		if e := claim(m.ix.paths()[h]); e != nil {
			m.placed[op.Key] = e.node
		}
	}
}

// renamed finds the operations whose operationId the document changed, their method and path
// the same: the new operation is the one gone from the document, which the record then knows
// by its old parts. When the collection has the old operation's request, found by its id, it
// is the new operation's, and takes the new operation's id so that the next update finds it by
// id; when the user deleted it, the new operation stays deleted.
func (m *merger) renamed() {
	if m.base == nil {
		return // without a record, no operation is known to be gone
	}
	gone := map[string]*baseline.Op{} // by the hash of the method and path generated
	for i := range m.baseOps {
		op := &m.baseOps[i]
		if m.inFresh[op.Key] {
			continue
		}
		if h, ok := op.Part(partRequest); ok {
			gone[h] = op
		}
	}
	for i := range m.ops {
		op := &m.ops[i].op
		if _, placed := m.placed[op.Key]; placed || m.base[op.Key] != nil {
			continue
		}
		h, _ := op.Part(partRequest)
		old := gone[h]
		if old == nil {
			continue
		}
		delete(gone, h)
		m.base[op.Key] = old
		m.renamedFrom[old.Key] = true
		n, placed := m.placed[old.Key]
		if !placed {
			continue
		}
		delete(m.placed, old.Key)
		m.placed[op.Key] = n
		if stringMember(n, "id") == old.ItemID() {
			id, _ := postman.Marshal(op.ItemID())
			n.SetMember("id", id)
			m.changed = true
		}
	}
}

// mergeRequests merges each fresh operation's request into the collection's.
func (m *merger) mergeRequests() error {
	for _, f := range m.ops {
		n, ok := m.placed[f.op.Key]
		if !ok {
			if m.base[f.op.Key] != nil {
				m.report.Deleted++
				m.report.DeletedRequests = append(m.report.DeletedRequests, f.folder.Name()+"/"+f.node.Name())
			}
			continue
		}
		if b := m.base[f.op.Key]; b != nil && b.Key == f.op.Key && maps.Equal(b.Parts, f.op.Parts) {
			// The document left the operation as it was: whatever the user did to it stays, and
			// the fresh request need not be read.
			m.report.Unchanged++
			continue
		}
		e := m.ix.byNode[n]
		e.read()
		newParts, freshView := baseline.ReadParts(f.node)
		pm := &partMerge{node: n, cur: e.parts, new: newParts, base: m.base[f.op.Key], view: e.view, freshView: freshView}
		if err := pm.merge(); err != nil {
			return fmt.Errorf("request %q: %w", m.ix.label(n), err)
		}
		label := m.ix.label(n)
		for _, part := range pm.conflicts {
			m.report.Conflicts = append(m.report.Conflicts, Conflict{Request: label, Part: part})
		}
		for _, r := range pm.renamed {
			r.Request = label
			m.report.PathRenamed = append(m.report.PathRenamed, r)
		}
		for from, to := range pm.varRenames {
			m.carriedVars[to] = from
		}
		if pm.changed {
			m.changed = true
			m.report.Updated = append(m.report.Updated, label)
		} else {
			m.report.Unchanged++
		}
	}
	return nil
}

// removeGone removes the requests of operations gone from the document that the user left
// as generated, or all of them with Options.Prune, and the folders that leaves empty.
func (m *merger) removeGone() {
	emptied := map[*postman.Node]bool{}
	for i := range m.baseOps {
		op := &m.baseOps[i]
		n, ok := m.placed[op.Key]
		if !ok || m.inFresh[op.Key] || m.renamedFrom[op.Key] {
			continue
		}
		label := m.ix.label(n)
		if !m.opts.Prune && !m.untouched(n, op) {
			m.report.Kept = append(m.report.Kept, label)
			m.kept = append(m.kept, *op)
			continue
		}
		h, at := m.ix.position(n)
		if at < 0 {
			continue
		}
		h.RemoveItem(at)
		m.changed = true
		m.report.Removed = append(m.report.Removed, label)
		if f, ok := h.(*postman.Node); ok && len(f.Items()) == 0 {
			emptied[f] = true
		}
	}
	folders := map[string]bool{}
	for _, op := range m.baseOps {
		folders[op.Folder] = true
	}
	for at := len(m.cur.col.Items()) - 1; at >= 0; at-- {
		f := m.cur.col.Items()[at]
		if emptied[f] && folders[baseline.Hash(f.Name())] && !says(f.Member("event")) && !says(f.Member("auth")) {
			m.cur.col.RemoveItem(at)
			m.report.FoldersRemoved = append(m.report.FoldersRemoved, f.Name())
		}
	}
}

// untouched reports whether a request is as it was generated: every part as the record has
// it, in its tag's folder, and nothing else of its own that says anything: no scripts, saved
// responses, settings (protocolProfileBehavior) or members gen-postman does not write.
func (m *merger) untouched(n *postman.Node, op *baseline.Op) bool {
	e := m.ix.byNode[n]
	e.read()
	parts := e.parts
	if len(parts) != len(op.Parts) {
		return false
	}
	for name, p := range parts {
		if h, ok := op.Part(name); !ok || h != baseline.Hash(p.Canon) {
			return false
		}
	}
	for _, key := range n.Keys() {
		if !generatedItemMembers[key] && says(n.Member(key)) {
			return false
		}
	}
	if e.view != nil {
		for _, key := range e.view.Object.Keys() {
			if raw, _ := e.view.Object.Get(key); !generatedRequestMembers[key] && says(raw, true) {
				return false
			}
		}
	}
	folder := e.folder
	_, top := m.ix.parents[folder].(*postman.Collection)
	return folder != nil && top && baseline.Hash(folder.Name()) == op.Folder
}

// generatedItemMembers and generatedRequestMembers are the members gen-postman writes in a
// request item and in its request, which the parts cover.
var (
	generatedItemMembers    = map[string]bool{"id": true, "name": true, "request": true}
	generatedRequestMembers = map[string]bool{"url": true, "method": true, "header": true, "body": true,
		"description": true, "auth": true}
)

// says reports whether a member, its text and whether it is there, holds anything: not
// absent, null, empty or false.
func says(raw json.RawMessage, ok bool) bool {
	if !ok {
		return false
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return true
	}
	switch t := v.(type) {
	case nil:
		return false
	case []any:
		return len(t) > 0
	case map[string]any:
		return len(t) > 0
	case string:
		return t != ""
	case bool:
		return t
	}
	return true
}

// recordOf reads the record in a collection's variables; nil when it has none.
func recordOf(vars []json.RawMessage) (*baseline.Record, error) {
	for i := len(vars) - 1; i >= 0; i-- {
		var v struct {
			Key   string `json:"key"`
			Value string `json:"value"`
		}
		if json.Unmarshal(vars[i], &v) == nil && v.Key == baseline.VarName {
			return baseline.Parse(v.Value)
		}
	}
	return nil, nil
}
