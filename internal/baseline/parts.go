package baseline

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"

	"github.com/gen-postman/gen-postman/internal/postman"
)

// Names of a request's parts. A parameter's part is its kind's prefix and its key.
const (
	PartName        = "name"
	PartRequest     = "request" // method, host and path
	PartDescription = "description"
	PartAuth        = "auth"
	PartBody        = "body"
	PrefixQuery     = "query:"
	PrefixHeader    = "header:" // with the header's name in lower case
	PrefixPath      = "path:"
)

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
func Parts(n *postman.Node) map[string]Part {
	parts := map[string]Part{}
	if n.IsFolder() {
		return parts
	}
	name, _ := n.Member("name")
	parts[PartName] = Part{Canon: canonText(name), Text: name}
	raw, ok := n.Member("request")
	if !ok {
		return parts
	}
	var req RequestView
	if err := req.Read(raw); err != nil {
		return parts
	}
	parts[PartRequest] = Part{Canon: req.Method + " " + req.Path()}
	parts[PartDescription] = Part{Canon: canonDescription(member(&req.Object, "description")), Text: member(&req.Object, "description")}
	parts[PartAuth] = Part{Canon: authType(member(&req.Object, "auth")), Text: member(&req.Object, "auth")}
	parts[PartBody] = Part{Canon: canonJSON(member(&req.Object, "body")), Text: member(&req.Object, "body")}
	for prefix, list := range map[string][]json.RawMessage{PrefixQuery: req.Query, PrefixHeader: req.Header, PrefixPath: req.Variable} {
		for _, p := range list {
			key := ParamKey(p)
			if prefix == PrefixHeader {
				key = strings.ToLower(key)
			}
			if _, dup := parts[prefix+key]; dup || key == "" {
				continue // the first of a key counts: the app shows it first
			}
			parts[prefix+key] = Part{Canon: canonParam(p), Text: p}
		}
	}
	return parts
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

// SortedNames lists the names of parts in a stable order.
func SortedNames(parts ...map[string]Part) []string {
	seen := map[string]bool{}
	var names []string
	for _, p := range parts {
		for name := range p {
			if !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}
	}
	sort.Strings(names)
	return names
}
