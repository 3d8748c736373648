package update

import (
	"encoding/json"
	"strings"

	"github.com/gen-postman/gen-postman/internal/baseline"
	"github.com/gen-postman/gen-postman/internal/postman"
)

// partMerge merges the parts of one request: the collection's, the fresh request's, and the
// hashes the record kept of the last generation (nil without one).
type partMerge struct {
	node      *postman.Node
	cur       map[string]baseline.Part
	fresh     *postman.Node
	new       map[string]baseline.Part
	base      *baseline.Op
	conflicts []string
	changed   bool
	view      *baseline.RequestView
	freshView *baseline.RequestView
}

// merge applies to the request each part the document changed and the user did not, and
// lists the parts both changed.
func (m *partMerge) merge() error {
	for _, name := range baseline.SortedNames(m.cur, m.new) {
		c, inCur := m.cur[name]
		f, inNew := m.new[name]
		if inCur == inNew && (!inCur || c.Canon == f.Canon) {
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
	if m.view == nil {
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
func (m *partMerge) asBase(p baseline.Part, present bool, name string) bool {
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
func (m *partMerge) apply(name string, f baseline.Part, present bool) error {
	if name == baseline.PartName {
		if present && f.Text != nil {
			m.node.SetMember("name", f.Text)
		}
		return nil
	}
	if err := m.views(); err != nil {
		return err
	}
	v, fv := m.view, m.freshView
	switch {
	case name == baseline.PartRequest:
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
	case name == baseline.PartDescription || name == baseline.PartAuth || name == baseline.PartBody:
		if present && f.Text != nil {
			v.Object.SetRaw(name, f.Text, nil)
		} else {
			v.Object.Delete(name)
		}
	case strings.HasPrefix(name, baseline.PrefixQuery):
		v.Query = setParam(v.Query, strings.TrimPrefix(name, baseline.PrefixQuery), f.Text, present, false)
		v.URLChanged = true
	case strings.HasPrefix(name, baseline.PrefixPath):
		v.Variable = setParam(v.Variable, strings.TrimPrefix(name, baseline.PrefixPath), f.Text, present, false)
		v.URLChanged = true
	case strings.HasPrefix(name, baseline.PrefixHeader):
		v.Header = setParam(v.Header, strings.TrimPrefix(name, baseline.PrefixHeader), f.Text, present, true)
	}
	return nil
}

// views reads the request of both items for editing, once.
func (m *partMerge) views() error {
	if m.view != nil {
		return nil
	}
	m.view, m.freshView = &baseline.RequestView{}, &baseline.RequestView{}
	raw, _ := m.node.Member("request")
	if err := m.view.Read(raw); err != nil {
		return err
	}
	fresh, _ := m.fresh.Member("request")
	return m.freshView.Read(fresh)
}

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
func partLabel(name string) string {
	switch {
	case name == baseline.PartRequest:
		return "method and path"
	case strings.HasPrefix(name, baseline.PrefixQuery):
		return "query parameter " + strings.TrimPrefix(name, baseline.PrefixQuery)
	case strings.HasPrefix(name, baseline.PrefixHeader):
		return "header " + strings.TrimPrefix(name, baseline.PrefixHeader)
	case strings.HasPrefix(name, baseline.PrefixPath):
		return "path variable " + strings.TrimPrefix(name, baseline.PrefixPath)
	}
	return name
}
