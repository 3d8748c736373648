package update

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/gen-postman/gen-postman/internal/baseline"
	"github.com/gen-postman/gen-postman/internal/postman"
)

// A path parameter the document renames on the same operation ({id} to {petId}) is the same
// parameter: the value the user gave it, in the request's path variable or in the collection
// variable it stands for, goes to the new name.

// PathRename is a path variable of a request that the document renamed, the user's value
// carried to the new name.
type PathRename struct {
	Request string `json:"request"`
	From    string `json:"from"`
	To      string `json:"to"`
}

// pathRenames pairs the path variables the document took out of the request with those it
// put in, in the order they stand in the paths, when it took out as many as it put in: each
// pair is one parameter renamed. Without a record nothing is known to be the document's.
func (m *partMerge) pathRenames() map[string]string {
	if m.base == nil || m.view == nil || m.freshView == nil {
		return nil
	}
	var gone, added []string
	for id := range m.cur {
		if _, inNew := m.new[id]; id.Kind == baseline.PartPath && !inNew {
			if _, inBase := m.base.Part(id); inBase {
				gone = append(gone, id.Key)
			}
		}
	}
	for id := range m.new {
		if _, inBase := m.base.Part(id); id.Kind == baseline.PartPath && !inBase {
			if _, inCur := m.cur[id]; !inCur {
				added = append(added, id.Key)
			}
		}
	}
	if len(gone) == 0 || len(gone) != len(added) {
		return nil
	}
	byPlace := func(path string) func(a, b string) int {
		return func(a, b string) int { return strings.Index(path, ":"+a) - strings.Index(path, ":"+b) }
	}
	slices.SortFunc(gone, byPlace(m.view.Path()))
	slices.SortFunc(added, byPlace(m.freshView.Path()))
	out := make(map[string]string, len(gone))
	for i := range gone {
		out[gone[i]] = added[i]
	}
	return out
}

// carry puts the fresh path variable to in the request in place of from, with the value the
// user gave from, and returns the collection variables the two stand for when from's value is
// a {{variable}}: the user's value may be there.
func (m *partMerge) carry(from, to string) (oldVar, newVar string) {
	c := m.cur[baseline.PartID{Kind: baseline.PartPath, Key: from}]
	f := m.new[baseline.PartID{Kind: baseline.PartPath, Key: to}]
	m.edited = true
	v := m.view
	text := f.Text
	var obj postman.Object
	if value, ok := paramValue(c.Text); ok && json.Unmarshal(f.Text, &obj) == nil {
		if ref := varRef.FindStringSubmatch(value); ref != nil {
			oldVar = ref[1]
		}
		if fresh, ok := paramValue(f.Text); ok {
			if ref := varRef.FindStringSubmatch(fresh); ref != nil {
				newVar = ref[1]
			}
		}
		if oldVar == "" || newVar == "" {
			// A value of the user's own: it goes with the parameter.
			raw, _ := postman.Marshal(value)
			obj.SetRaw("value", raw, nil)
			if data, err := obj.MarshalJSON(); err == nil {
				text = data
			}
			oldVar, newVar = "", ""
		}
	}
	v.Variable = setParam(v.Variable, from, nil, false, false)
	v.Variable = setParam(v.Variable, to, text, true, false)
	v.URLChanged = true
	return oldVar, newVar
}

// paramValue is a parameter's value when it is a string.
func paramValue(raw json.RawMessage) (string, bool) {
	var p struct {
		Value *string `json:"value"`
	}
	if json.Unmarshal(raw, &p) != nil || p.Value == nil {
		return "", false
	}
	return *p.Value, true
}

// carriedValue is a new collection variable with the value of the variable a renamed path
// variable stood for, when the collection has it.
func (m *merger) carriedValue(raw json.RawMessage, key string) json.RawMessage {
	from, ok := m.carriedVars[key]
	if !ok {
		return raw
	}
	at := slices.Index(m.cur.keys, from)
	if at < 0 {
		return raw
	}
	var old, obj postman.Object
	if json.Unmarshal(m.cur.vars[at], &old) != nil || json.Unmarshal(raw, &obj) != nil {
		return raw
	}
	value, ok := old.Get("value")
	if !ok {
		return raw
	}
	obj.SetRaw("value", value, nil)
	data, err := obj.MarshalJSON()
	if err != nil {
		return raw
	}
	return data
}
