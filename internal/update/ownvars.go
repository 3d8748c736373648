package update

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"

	"github.com/gen-postman/gen-postman/internal/baseline"
	"github.com/gen-postman/gen-postman/internal/postman"
)

// Variables the user owns. A new request's path variable stands for a collection variable of
// its own name; when the collection has a variable of that name that no request gen-postman
// generated had a path variable for, it is the user's (a key of theirs, say), and the new
// request must not send its value: the request takes a variable of a name of its own.

// varRef is a {{name}} reference.
var varRef = regexp.MustCompile(`^\{\{([^{}]+)\}\}$`)

// keepUsersVariables gives the new request of a fresh operation variables of its own in place
// of the user's variables its path variables would use. Without a record nothing is known to
// be generated, and nothing is renamed.
func (m *merger) keepUsersVariables(f freshOp) error {
	if m.base == nil {
		return nil
	}
	raw, ok := f.node.Member("request")
	if !ok {
		return nil
	}
	_, view := baseline.ReadParts(f.node)
	if view == nil {
		return nil
	}
	changed := false
	for _, p := range view.Variable {
		key := baseline.ParamKey(p)
		var v struct {
			Value string `json:"value"`
		}
		if json.Unmarshal(p, &v) != nil {
			continue
		}
		ref := varRef.FindStringSubmatch(v.Value)
		if ref == nil || !slices.Contains(m.cur.keys, ref[1]) || m.generatedPath(key) || m.generatedVars()[ref[1]] {
			continue
		}
		name, done := m.ownVars[ref[1]]
		if !done {
			name = m.unusedName(ref[1] + "Param")
			m.ownVars[ref[1]] = name
			m.report.VariablesRenamed = append(m.report.VariablesRenamed, VariableRename{
				Variable: ref[1], Renamed: name, Request: f.folder.Name() + "/" + f.node.Name()})
		}
		raw = bytes.ReplaceAll(raw, []byte(postman.Ref(ref[1])), []byte(postman.Ref(name)))
		changed = true
	}
	if changed {
		f.node.SetMember("request", raw)
	}
	return nil
}

// generatedPath reports whether a request of the last generation had a path variable key.
func (m *merger) generatedPath(key string) bool {
	id := baseline.PartID{Kind: baseline.PartPath, Key: key}
	for i := range m.baseOps {
		if _, ok := m.baseOps[i].Part(id); ok {
			return true
		}
	}
	return false
}

// generatedVars are the variables the path variables of the last generation's requests stand
// for, as the requests still have them: a path variable as generated whose value is {{name}}.
func (m *merger) generatedVars() map[string]bool {
	if m.genVars != nil {
		return m.genVars
	}
	m.genVars = map[string]bool{}
	placedAs := make(map[*baseline.Op]string, len(m.base)) // a renamed operation is placed by its new key
	for k, b := range m.base {
		if k != b.Key || placedAs[b] == "" {
			placedAs[b] = k
		}
	}
	for i := range m.baseOps {
		op := &m.baseOps[i]
		n, ok := m.placed[placedAs[op]]
		if !ok {
			continue
		}
		e := m.ix.byNode[n]
		e.read()
		for id, p := range e.parts {
			if h, ok := op.Part(id); id.Kind != baseline.PartPath || !ok || h != baseline.Hash(p.Canon) {
				continue
			}
			var v struct {
				Value string `json:"value"`
			}
			if json.Unmarshal(p.Text, &v) == nil {
				if ref := varRef.FindStringSubmatch(v.Value); ref != nil {
					m.genVars[ref[1]] = true
				}
			}
		}
	}
	return m.genVars
}

// unusedName is name, or name with a number after it, that neither collection has a variable
// of.
func (m *merger) unusedName(name string) string {
	fresh := make([]string, len(m.freshVars))
	for i, raw := range m.freshVars {
		fresh[i] = keyOf(raw)
	}
	out := name
	for i := 2; slices.Contains(m.cur.keys, out) || slices.Contains(fresh, out) || slices.Contains(m.ownNames(), out); i++ {
		out = fmt.Sprintf("%s%d", name, i)
	}
	return out
}

// ownNames are the names given so far in place of the user's variables.
func (m *merger) ownNames() []string {
	out := make([]string, 0, len(m.ownVars))
	for _, n := range m.ownVars {
		out = append(out, n)
	}
	return out
}

// renamedVariables are the fresh variables the new requests use under names of their own.
func (m *merger) renamedVariables() []json.RawMessage {
	var out []json.RawMessage
	for _, raw := range m.freshVars {
		name, ok := m.ownVars[keyOf(raw)]
		if !ok {
			continue
		}
		var obj postman.Object
		if json.Unmarshal(raw, &obj) != nil {
			continue
		}
		key, _ := postman.Marshal(name)
		obj.SetRaw("key", key, nil)
		data, err := obj.MarshalJSON()
		if err == nil {
			out = append(out, data)
		}
	}
	return out
}
