package baseline

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"

	"github.com/gen-postman/gen-postman/internal/postman"
)

// PartKind is what of a request a part is.
type PartKind uint8

// The kinds of a request's parts.
const (
	PartName PartKind = iota + 1
	// PartRequest is the method, host and path.
	PartRequest
	PartDescription
	PartAuth
	PartBody
	// PartQuery is one query parameter, by its key.
	PartQuery
	// PartHeader is one header, by its name in lower case.
	PartHeader
	// PartPath is one path variable, by its key.
	PartPath
)

// partWords are the kinds as the record names them, and the prefixes of a parameter's name.
var partWords = [...]string{PartName: "name", PartRequest: "request", PartDescription: "description",
	PartAuth: "auth", PartBody: "body", PartQuery: "query:", PartHeader: "header:", PartPath: "path:"}

// PartID names one part of a request: its kind and, for a parameter, its key.
type PartID struct {
	Kind PartKind
	Key  string
}

// String is the part's name as the record hashes it: "body", "query:limit".
func (id PartID) String() string {
	if int(id.Kind) >= len(partWords) || id.Kind == 0 {
		return ""
	}
	return partWords[id.Kind] + id.Key
}

// Part is one part of a request: its canonical value, the same whichever shape the file
// holds it in (a description as a string or an object, url.raw present or not, empty lists
// written or left out), and the JSON text it was read from, for copying it into another
// request. Text is nil for a part that lives in several members (the request part) or in a
// list (parameters).
type Part struct {
	Canon string
	Text  json.RawMessage
}

// Parts reads the parts of a request item. A folder, or an item without a request, has none.
func Parts(n *postman.Node) map[PartID]Part {
	parts, _ := ReadParts(n)
	return parts
}

// ReadParts reads the parts of a request item and returns as well the request it read them
// from, for editing; the view is nil when the item has no request that reads as one.
func ReadParts(n *postman.Node) (map[PartID]Part, *RequestView) {
	parts := map[PartID]Part{}
	if n.IsFolder() {
		return parts, nil
	}
	name, _ := n.Member("name")
	parts[PartID{Kind: PartName}] = Part{Canon: canonText(name), Text: name}
	raw, ok := n.Member("request")
	if !ok {
		return parts, nil
	}
	req := &RequestView{}
	if err := req.Read(raw); err != nil {
		return parts, nil
	}
	parts[PartID{Kind: PartRequest}] = Part{Canon: req.Method + " " + req.Path()}
	for _, kind := range []PartKind{PartDescription, PartAuth, PartBody} {
		text := member(&req.Object, partWords[kind])
		canon := canonJSON(text)
		switch kind {
		case PartDescription:
			canon = canonDescription(text)
		case PartAuth:
			canon = authType(text)
		}
		parts[PartID{Kind: kind}] = Part{Canon: canon, Text: text}
	}
	for _, l := range []struct {
		kind PartKind
		list []json.RawMessage
	}{{PartQuery, req.Query}, {PartHeader, req.Header}, {PartPath, req.Variable}} {
		for _, p := range l.list {
			key := ParamKey(p)
			if l.kind == PartHeader {
				key = strings.ToLower(key)
			}
			id := PartID{Kind: l.kind, Key: key}
			if _, dup := parts[id]; dup || key == "" {
				continue // the first of a key counts: the app shows it first
			}
			parts[id] = Part{Canon: canonParam(p), Text: p}
		}
	}
	return parts, req
}

// member is the text of an object's member, nil when it has none.
func member(o *postman.Object, key string) json.RawMessage {
	v, _ := o.Get(key)
	return v
}

// ParamKey is a parameter's key, or its id in the files that name path variables by id.
func ParamKey(raw json.RawMessage) string {
	var p struct {
		Key *string `json:"key"`
		ID  string  `json:"id"`
	}
	if json.Unmarshal(raw, &p) != nil {
		return ""
	}
	if p.Key != nil {
		return *p.Key
	}
	return p.ID
}

// canonText is a JSON string's value; any other JSON reads as its canonical text.
func canonText(raw json.RawMessage) string {
	var s string
	if readsAs(raw, '"') && json.Unmarshal(raw, &s) == nil {
		return s
	}
	return canonJSON(raw)
}

// canonDescription reads a description in the string or the object form.
func canonDescription(raw json.RawMessage) string {
	var d struct {
		Content string `json:"content"`
	}
	if readsAs(raw, '{') && json.Unmarshal(raw, &d) == nil {
		return d.Content
	}
	var s string
	_ = json.Unmarshal(raw, &s)
	return s
}

// authType is a request's auth as far as gen-postman sets it: its type, inherit when it has
// none.
func authType(raw json.RawMessage) string {
	var a struct {
		Type string `json:"type"`
	}
	if json.Unmarshal(raw, &a) != nil || a.Type == "" {
		return postman.AuthTypeInherit
	}
	return a.Type
}

// canonParam is a parameter without its key.
func canonParam(raw json.RawMessage) string {
	var m map[string]any
	if json.Unmarshal(raw, &m) != nil {
		return canonJSON(raw)
	}
	delete(m, "key")
	delete(m, "id")
	return canonValue(m)
}

// canonJSON is JSON text with its objects' keys sorted, descriptions as their text, and
// members that say nothing (null, false, "", [], {}, and the default types "text" and "any")
// left out: what the app and the SDK add or drop without changing the request. Postman's SDK
// drops a form field's type "text" and gives a path variable the type "any".
func canonJSON(raw json.RawMessage) string {
	if len(bytes.TrimSpace(raw)) == 0 {
		return ""
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return string(raw)
	}
	return canonValue(v)
}

func canonValue(v any) string {
	v = simplify(v)
	if v == nil {
		return ""
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // decoded JSON always encodes; maps are written with sorted keys
	return strings.TrimSuffix(buf.String(), "\n")
}

// simplify drops the members that say nothing, and reads descriptions as text.
func simplify(v any) any {
	switch t := v.(type) {
	case map[string]any:
		if d, ok := t["description"].(map[string]any); ok {
			t["description"] = d["content"]
		}
		if t["type"] == "text" || t["type"] == "any" {
			delete(t, "type")
		}
		for k, e := range t {
			if s := simplify(e); s == nil {
				delete(t, k)
			} else {
				t[k] = s
			}
		}
		if len(t) == 0 {
			return nil
		}
		return t
	case []any:
		if len(t) == 0 {
			return nil
		}
		for i, e := range t {
			t[i] = simplify(e)
		}
		return t
	case string:
		if t == "" {
			return nil
		}
	case bool:
		if !t {
			return nil
		}
	}
	return v
}

// SortedIDs lists the parts of one or more requests once each, in the order of their names.
func SortedIDs(parts ...map[PartID]Part) []PartID {
	seen := map[PartID]bool{}
	var ids []PartID
	for _, p := range parts {
		for id := range p {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	slices.SortFunc(ids, func(a, b PartID) int { return strings.Compare(a.String(), b.String()) })
	return ids
}
