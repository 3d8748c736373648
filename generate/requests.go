package generate

import (
	"fmt"

	gpc "github.com/rbretecher/go-postman-collection"

	"github.com/gen-postman/gen-postman/internal/apimodel"
	"github.com/gen-postman/gen-postman/internal/baseline"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/templates"
)

// addFolders adds each folder of ready requests to c, and returns the record of what it wrote
// for a later update. Requests carry no auth of their own, so they inherit the collection's,
// unless they are public: those are written with noauth. Each request's id derives from its
// operation (its operationId, else its method and path), so that it keeps its identity
// whatever the user renames or moves.
func (w *requestWriter) addFolders(c *postman.Collection, folders []apimodel.Folder) (*baseline.Record, error) {
	type written struct {
		key, folder string
		node        *postman.Node
	}
	var items []written
	keys := map[string]bool{}
	for _, folder := range folders {
		group := c.AddFolder(folder.Name)
		if err := group.SetDescription(folder.Description); err != nil {
			return nil, fmt.Errorf("folder %q: %w", folder.Name, err)
		}
		for _, r := range folder.Requests {
			item, err := w.newItem(r)
			if err != nil {
				return nil, fmt.Errorf("folder %q: %w", folder.Name, err)
			}
			key := uniqueKey(keys, baseline.Key(r.OperationID, r.Method, r.Path))
			item.ID = baseline.ItemID(key)
			w.addFills(item.ID, r.Fills)
			w.addContract(item.ID, r.Responses)
			node, err := group.AddItem(item)
			if err != nil {
				return nil, fmt.Errorf("folder %q: %w", folder.Name, err)
			}
			items = append(items, written{key: key, folder: folder.Name, node: node})
		}
	}
	nodes := make([]*postman.Node, len(items))
	for i, it := range items {
		nodes[i] = it.node
	}
	record := &baseline.Record{}
	for i, parts := range readParts(nodes) {
		record.Ops = append(record.Ops, baseline.NewOp(items[i].key, items[i].folder, parts))
	}
	return record, nil
}

// uniqueKey makes an operation's key unique, as a document that repeats an operationId needs:
// "key", then "key#2", "key#3".
func uniqueKey(seen map[string]bool, key string) string {
	out := key
	for i := 2; seen[out]; i++ {
		out = fmt.Sprintf("%s#%d", key, i)
	}
	seen[out] = true
	return out
}

func (w *requestWriter) newItem(r apimodel.Request) (*postman.Item, error) {
	u, err := w.requestURL(r)
	if err != nil {
		return nil, fmt.Errorf("request %q: %w", r.Name, err)
	}
	req := &postman.Request{URL: u}
	if err := postman.SetMethod(req, r.Method); err != nil {
		return nil, fmt.Errorf("request %q: %w", r.Name, err)
	}
	if r.Description != "" {
		req.Description = r.Description
	}
	for _, h := range r.Headers {
		if holdsTemplate(h.Name) {
			w.warn("request %q: header %q left out: Postman would read its name as a variable", r.Name, h.Name)
			continue
		}
		value := h.Value
		if holdsTemplate(value) {
			w.warn("request %q: the example of header %q left out: Postman would read it as a variable", r.Name, h.Name)
			value = ""
		}
		req.Header = append(req.Header, &gpc.Header{Key: h.Name, Value: value, Description: h.Description, Disabled: h.Optional})
	}
	w.setBody(req, r)
	if r.Public {
		req.Auth = &postman.Auth{Type: gpc.NoAuth}
	}
	item := &postman.Item{Name: r.Name, Request: req}
	if r.Unsatisfiable != "" {
		script, err := templates.SkipScript(r.Unsatisfiable)
		if err != nil {
			return nil, fmt.Errorf("request %q: %w", r.Name, err)
		}
		item.Event = []postman.Event{{Listen: postman.ListenPreRequest, Script: postman.NewScript(script)}}
	}
	return item, nil
}

// requestURL builds {{baseUrl}}PATH in Postman's syntax: a path parameter that is a whole
// segment becomes a :name path variable whose value refers to the collection variable it stands
// for, one inside a segment becomes that {{variable}} in place; query parameters follow.
// Query parameters are the document's text: their braces are percent-encoded.
func (w *requestWriter) requestURL(r apimodel.Request) (*postman.URL, error) {
	var vars []postman.PathVariable
	next := 0
	path := apimodel.RewritePath(r.Path, func(o apimodel.Occurrence) string {
		if next == len(r.PathParams) {
			return "{" + o.Name + "}" // no parameter listed: left for the URL check to refuse
		}
		p := r.PathParams[next]
		p.Variable = variableName(w.rename, p.Variable)
		next++
		if !o.Whole {
			return postman.Ref(p.Variable)
		}
		vars = append(vars, postman.PathVariable{Key: o.Name, Value: postman.Ref(p.Variable), Description: p.Description})
		return ":" + o.Name
	})
	if len(vars) == 0 && len(r.Query) == 0 {
		return postman.VariableURL(postman.VarBaseURL, path)
	}
	query := make([]postman.QueryParam, 0, len(r.Query))
	for _, q := range r.Query {
		query = append(query, postman.QueryParam{Key: inertURLPart(q.Name), Value: inertURLPart(q.Value), Description: q.Description, Disabled: q.Optional})
	}
	return postman.TemplateURL(postman.VarBaseURL, path, vars, query)
}

// requestWriter writes an API's requests into a collection in Postman's syntax, with the
// collection's names for the variables they use.
type requestWriter struct {
	rename   map[string]string
	warnings []string
	// answers are what each request's answer fills, by item id, for the test script.
	answers map[string][]templates.Fill
	// contractTests says the test script checks answers against the responses the API
	// description lists; contracts are those responses, by item id.
	contractTests bool
	contracts     map[string][]templates.ListedResponse
}

// addContract records the responses the description lists for the request with item id, which
// the test script checks its answer against.
func (w *requestWriter) addContract(id string, responses []apimodel.Response) {
	if !w.contractTests || len(responses) == 0 {
		return
	}
	if w.contracts == nil {
		w.contracts = map[string][]templates.ListedResponse{}
	}
	for _, r := range responses {
		w.contracts[id] = append(w.contracts[id], templates.ListedResponse{Status: r.Status, ContentTypes: r.ContentTypes, Schema: r.Schema})
	}
}

// addFills records what the answer of the request with item id fills, under the collection's
// names of the variables.
func (w *requestWriter) addFills(id string, fills []apimodel.Fill) {
	for _, f := range fills {
		if w.answers == nil {
			w.answers = map[string][]templates.Fill{}
		}
		w.answers[id] = append(w.answers[id], templates.Fill{Variable: variableName(w.rename, f.Variable), Fields: f.Fields, Created: f.Created})
	}
}

func (w *requestWriter) warn(format string, args ...any) {
	w.warnings = append(w.warnings, fmt.Sprintf(format, args...))
}
