package update

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/gen-postman/gen-postman/internal/baseline"
	"github.com/gen-postman/gen-postman/internal/postman"
)

// variable is the part of a collection variable the update reads.
type variable struct {
	Key   string `json:"key"`
	Value any    `json:"value"`
}

// variables adds the fresh collection's variables that the collection lacks and refers to as
// {{name}} (those new requests use; one the user deleted and nothing uses stays deleted), sets
// those the flags gave, and writes the new record in place of the old one. Every other variable
// stays as it is, value and all.
func (m *merger) variables() error {
	cur, keys := slices.Clone(m.cur.vars), slices.Clone(m.cur.keys)
	changed := false
	for _, raw := range slices.Concat(m.freshVars, m.renamedVariables()) {
		key := keyOf(raw)
		if key == baseline.VarName && (len(m.kept) > 0 || m.freshAPI != m.docAPI) {
			var err error
			if raw, err = m.recordWithKept(); err != nil {
				return err
			}
		}
		at := slices.Index(keys, key)
		switch {
		case key == baseline.VarName:
			if at < 0 {
				cur, keys = append(cur, raw), append(keys, key)
				changed = true
			} else if valueOf(cur[at]) != valueOf(raw) {
				cur[at] = raw
				changed = true
			}
		case at < 0 && !m.cur.col.Contains([]byte(postman.Ref(key))):
			// Not used: left out.
		case at < 0:
			raw = m.carriedValue(raw, key)
			// Before the record, which stays last.
			at = slices.Index(keys, baseline.VarName)
			if at < 0 {
				at = len(cur)
			}
			cur, keys = slices.Insert(cur, at, raw), slices.Insert(keys, at, key)
			m.report.VariablesAdded = append(m.report.VariablesAdded, key)
			changed = true
		case slices.Contains(m.opts.Settings, key) && valueOf(cur[at]) != valueOf(raw):
			cur[at] = raw
			m.report.VariablesSet = append(m.report.VariablesSet, key)
			changed = true
		case m.carriedVars[key] != "" && emptyValue(cur[at]):
			// The variable a renamed path variable now stands for is one other requests
			// already use, and it holds nothing: it takes the value the old one held.
			if carried := m.carriedValue(cur[at], key); valueOf(carried) != valueOf(cur[at]) {
				cur[at] = carried
				changed = true
			}
		}
	}
	if !changed {
		return nil
	}
	data, err := postman.Marshal(cur)
	if err != nil {
		return err
	}
	m.cur.col.SetMember("variable", data)
	m.cur.vars, m.cur.keys = cur, keys
	m.changed = true
	return nil
}

// variableList reads a collection's variables as the file writes each.
func variableList(raw json.RawMessage, ok bool) ([]json.RawMessage, error) {
	var list []json.RawMessage
	if !ok {
		return nil, nil
	}
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("the collection's variables: %w", err)
	}
	return list, nil
}

func keyOf(raw json.RawMessage) string { return baseline.ParamKey(raw) }

// valueOf is a variable's value as text, for comparing.
// emptyValue reports whether a collection variable holds no value: none, null or "".
func emptyValue(raw json.RawMessage) bool {
	v := valueOf(raw)
	return v == "null" || v == `""`
}

func valueOf(raw json.RawMessage) string {
	var v variable
	_ = json.Unmarshal(raw, &v)
	data, _ := json.Marshal(v.Value)
	return string(data)
}

// recordWithKept is the fresh record's variable with the operations of the requests kept
// after them, naming the API as sameAPI kept it.
func (m *merger) recordWithKept() (json.RawMessage, error) {
	rec := &baseline.Record{API: m.freshAPI, TestScript: m.freshScript, Ops: make([]baseline.Op, 0, len(m.ops)+len(m.kept))}
	for _, f := range m.ops {
		rec.Ops = append(rec.Ops, f.op)
	}
	rec.Ops = append(rec.Ops, m.kept...)
	return postman.Marshal(rec.Variable())
}
