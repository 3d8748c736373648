package openapi

import (
	"bytes"
	"strings"

	"github.com/gen-postman/gen-postman/internal/apimodel"
)

// mayLink reports whether a document may hold links, by its text: "links" as a key, in JSON
// or in YAML at the start of its line, quoted or not. Without one, it has none, and a document
// read without contract tests need not read its answers at all.
func mayLink(data []byte) bool {
	for at := 0; ; {
		i := bytes.Index(data[at:], []byte("links"))
		if i < 0 {
			return false
		}
		start := at + i
		at = start + len("links")
		lineStart := bytes.LastIndexByte(data[:start], '\n') + 1
		key := bytes.HasPrefix(bytes.TrimLeft(data[at:], "\"' \t"), []byte(":"))
		quoted := start > 0 && (data[start-1] == '"' || data[start-1] == '\'')
		startsLine := len(bytes.Trim(data[lineStart:start], " \"'")) == 0
		if key && (quoted || startsLine) {
			return true
		}
	}
}

// answerLink is one link of a successful answer (OpenAPI's Link Object) that says where a path
// parameter of another operation takes its value: from a field of the answer's body.
type answerLink struct {
	// operationID names the target operation; operationRef points at it instead
	// ("#/paths/~1users~1{id}/get"), decoded to its method and path.
	operationID  string
	method, path string
	// params maps the target's path parameter names to the field of the answer that holds
	// their value: the last token of a "$response.body#/…" pointer.
	params map[string]string
}

// links reads the links of an answer, following $refs to the links of components. Only links to
// a path parameter from a field of the body are kept: "$response.body#/id", or "path.id" for the
// parameter's name.
func (r *answerReader) links(resp map[string]any) []answerLink {
	byName, ok := resp["links"].(map[string]any)
	if !ok {
		return nil
	}
	var out []answerLink
	for _, name := range keysInOrder(byName) {
		link, ok := r.resolveComponent(byName[name], "links", "#/components/links/")
		if !ok {
			continue
		}
		l := answerLink{params: map[string]string{}}
		l.operationID, _ = link["operationId"].(string)
		if ref, ok := link["operationRef"].(string); ok && l.operationID == "" {
			l.method, l.path, ok = operationRef(ref)
			if !ok {
				continue
			}
		}
		params, _ := link["parameters"].(map[string]any)
		for _, p := range keysInOrder(params) {
			expr, ok := params[p].(string)
			if !ok {
				continue
			}
			name, qualified := strings.CutPrefix(p, "path.")
			if !qualified && strings.Contains(p, ".") {
				continue // a query, header or cookie parameter
			}
			if field, ok := bodyField(expr); ok {
				l.params[name] = field
			}
		}
		if len(l.params) > 0 && (l.operationID != "" || l.path != "") {
			out = append(out, l)
		}
	}
	return out
}

// bodyField reads a runtime expression that names a field of the answer's body,
// "$response.body#/data/id", as the field's name, the pointer's last token: the script finds it
// in the answer, in a list it is or holds, or in an object it holds.
func bodyField(expr string) (string, bool) {
	pointer, ok := strings.CutPrefix(strings.TrimSpace(expr), "$response.body#/")
	if !ok || pointer == "" {
		return "", false
	}
	tokens := strings.Split(pointer, "/")
	last := unescapeRefName(tokens[len(tokens)-1])
	if last == "" || isIndex(last) {
		return "", false
	}
	return last, true
}

// operationRef reads a local operationRef, "#/paths/~1users~1{id}/get", as its method and path.
func operationRef(ref string) (method, path string, ok bool) {
	rest, ok := strings.CutPrefix(ref, "#/paths/")
	if !ok {
		return "", "", false
	}
	escaped, method, ok := strings.Cut(rest, "/")
	if !ok || !httpMethods[method] || strings.Contains(method, "/") {
		return "", "", false
	}
	return method, unescapeRefName(escaped), true
}

// linkFills says, for each request whose successful answer links to another operation, that its
// answer fills the variables of the target's path parameters the link names, from the fields it
// names: the document's own word on where an id comes from, before the path structure's (flow).
// A selector (a parameter of fixed values) is never filled. The id is one the run created, which
// its PUT, PATCH and DELETE may then change, only when a POST to the collection links to its item,
// as flow reads a create: a search sent as a POST, or a create that names another resource, did
// not create what it links to.
func (c *converter) linkFills(links map[string][]answerLink) {
	byID := map[string]requestAt{}
	for _, at := range c.added {
		if id := c.byTag[at.tag][at.index].OperationID; id != "" {
			if _, dup := byID[id]; !dup {
				byID[id] = at
			}
		}
	}
	for _, key := range keysInOrder(links) {
		from, ok := c.added[key]
		if !ok {
			continue
		}
		source := &c.byTag[from.tag][from.index]
		for _, l := range links[key] {
			at, ok := byID[l.operationID]
			if l.operationID == "" {
				at, ok = c.added[operationKey(l.method, l.path)]
			}
			if !ok {
				continue
			}
			target := c.byTag[at.tag][at.index]
			for _, name := range keysInOrder(l.params) {
				for _, p := range target.PathParams {
					if p.Name != name || c.selectors[p.Variable] || fills(source, p.Variable) {
						continue
					}
					created := source.Method == "POST" && createsItem(source.Path, target.Path, name)
					source.Fills = append(source.Fills, apimodel.Fill{Variable: p.Variable, Fields: []string{l.params[name]}, Created: created})
				}
			}
		}
	}
}

// createsItem reports whether a POST to path creates the item that parameter name stands for in
// target: path is the collection whose items target's "/{name}" names.
func createsItem(path, target, name string) bool {
	collection, _, ok := strings.Cut(pathOnly(target), "/{"+name+"}")
	return ok && collection != "" && collectionKey(collection) == collectionKey(pathOnly(path))
}
