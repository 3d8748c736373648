package update

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/gen-postman/gen-postman/internal/baseline"
	"github.com/gen-postman/gen-postman/internal/postman"
)

// partMerge merges the parts of one request: the collection's, the fresh request's, and the
// hashes the record kept of the last generation (nil without one).
type partMerge struct {
	node      *postman.Node
	cur       map[baseline.PartID]baseline.Part
	new       map[baseline.PartID]baseline.Part
	base      *baseline.Op
	conflicts []string
	changed   bool
	// view and freshView are the requests the parts were read from; edited says view was.
	view, freshView *baseline.RequestView
	edited          bool
	// renamed are the path variables the document renamed, the user's value carried, and
	// varRenames the collection variables the renamed ones stand for, old to new.
	renamed    []PathRename
	varRenames map[string]string
}

// merge applies to the request each part the document changed and the user did not, and
// lists the parts both changed.
func (m *partMerge) merge() error {
	renames := m.pathRenames()
	carried := map[string]bool{}
	for _, name := range baseline.SortedIDs(m.cur, m.new) {
		c, inCur := m.cur[name]
		f, inNew := m.new[name]
		if inCur == inNew && (!inCur || c.Canon == f.Canon) {
			continue
		}
		if name.Kind == baseline.PartPath && carried[name.Key] {
			continue
		}
		if to, ok := renames[name.Key]; ok && name.Kind == baseline.PartPath && inCur && !inNew {
			oldVar, newVar := m.carry(name.Key, to)
			carried[to] = true
			m.renamed = append(m.renamed, PathRename{From: name.Key, To: to})
			if oldVar != "" {
				if m.varRenames == nil {
					m.varRenames = map[string]string{}
				}
				m.varRenames[oldVar] = newVar
			}
			m.changed = true
			continue
		}
		switch {
		case m.asBase(c, inCur, name):
			if err := m.apply(name, f, inNew); err != nil {
				return err
			}
			m.changed = true
		case m.asBase(f, inNew, name):
			// the user's edit, on a part the document left as it was
		case !inNew && m.base == nil:
			// the user's own part, in a request the record does not know
		default:
			m.conflicts = append(m.conflicts, partLabel(name))
		}
	}
	if !m.edited {
		return nil
	}
	raw, err := m.view.Encode()
	if err != nil {
		return err
	}
	m.node.SetMember("request", raw)
	return nil
}

// asBase reports whether a part is as the record says it was generated: present with the
// same value, or absent from both.
func (m *partMerge) asBase(p baseline.Part, present bool, name baseline.PartID) bool {
	if m.base == nil {
		return false
	}
	h, inBase := m.base.Part(name)
	if !present || !inBase {
		return present == inBase
	}
	return h == baseline.Hash(p.Canon)
}

// apply puts the fresh request's part into the request, or removes the part when the fresh
// request has none.
func (m *partMerge) apply(name baseline.PartID, f baseline.Part, present bool) error {
	if name.Kind == baseline.PartName {
		if present && f.Text != nil {
			m.node.SetMember("name", f.Text)
		}
		return nil
	}
	if m.view == nil || m.freshView == nil {
		return errNoRequest
	}
	m.edited = true
	v, fv := m.view, m.freshView
	switch name.Kind {
	case baseline.PartRequest:
		if method, ok := fv.Object.Get("method"); ok {
			v.Object.SetRaw("method", method, nil)
		}
		if fv.URLText != nil || v.URLText != nil {
			url, _ := fv.Object.Get("url")
			v.Object.SetRaw("url", url, nil)
			v.URLText, v.URL = fv.URLText, fv.URL
			v.Query, v.Variable = fv.Query, fv.Variable
		} else {
			for _, key := range []string{"host", "path"} {
				if raw, ok := fv.URL.Get(key); ok {
					v.URL.SetRaw(key, raw, nil)
				}
			}
		}
		v.URLChanged = true
	case baseline.PartDescription, baseline.PartAuth, baseline.PartBody:
		member := name.String()
		if present && f.Text != nil {
			v.Object.SetRaw(member, f.Text, nil)
		} else {
			v.Object.Delete(member)
		}
	case baseline.PartQuery:
		v.Query = setParam(v.Query, name.Key, f.Text, present, false)
		v.URLChanged = true
	case baseline.PartPath:
		v.Variable = setParam(v.Variable, name.Key, f.Text, present, false)
		v.URLChanged = true
	case baseline.PartHeader:
		v.Header = setParam(v.Header, name.Key, f.Text, present, true)
	}
	return nil
}

// errNoRequest reports a part to apply to an item whose request does not read as one; the
// parts of such an item are its name alone, so it does not happen.
var errNoRequest = errors.New("a request is neither a URL string nor an object")

// setParam replaces the first parameter named key with value, appends value when there is
// none, or removes the parameter when present is false. Header names match in any case.
func setParam(list []json.RawMessage, key string, value json.RawMessage, present, anyCase bool) []json.RawMessage {
	for i, p := range list {
		k := baseline.ParamKey(p)
		if k == key || anyCase && strings.EqualFold(k, key) {
			if !present {
				return append(list[:i:i], list[i+1:]...)
			}
			list[i] = value
			return list
		}
	}
	if present {
		list = append(list, value)
	}
	return list
}

// partLabel names a part for the report.
func partLabel(id baseline.PartID) string {
	switch id.Kind {
	case baseline.PartRequest:
		return "method and path"
	case baseline.PartQuery:
		return "query parameter " + id.Key
	case baseline.PartHeader:
		return "header " + id.Key
	case baseline.PartPath:
		return "path variable " + id.Key
	}
	return id.String()
}
