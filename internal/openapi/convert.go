package openapi

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/gen-postman/gen-postman/internal/apimodel"
	"github.com/gen-postman/gen-postman/internal/text"
	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
)

// otherFolder holds operations without a tag.
const otherFolder = "Other"

// convert walks the operations of a built model in document order.
func convert(m *v3.Document, opts Options, found *answers) (*Document, error) {
	d := &Document{}
	if m.Info != nil {
		d.Title = strings.TrimSpace(m.Info.Title)
	}
	d.ServerURL = serverURL(m.Servers, opts.Tenant, opts.Host)
	if d.ServerURL == "" {
		d.ServerPath = serverPath(m.Servers, opts.Tenant, opts.Host)
	}
	d.TokenURL, d.Scopes = tokenURL(m, d.ServerURL)

	c := newConverter(m)
	items := takePathItems(m)
	for i := range items {
		p := items[i]
		items[i] = pathItem{}
		for method, op := range p.item.GetOperations().FromOldest() {
			if op == nil {
				continue
			}
			// A fragment tells apart operations on one path (PingOne's
			// /flows/{flowID}#clone+json); it is never sent.
			sent, _, _ := strings.Cut(p.path, "#")
			if err := checkPath(sent); err != nil {
				return nil, err
			}
			c.add(sent, method, p.item, op)
			key := operationKey(method, p.path)
			c.added[key] = requestAt{tag: c.lastTag, index: len(c.byTag[c.lastTag]) - 1}
			if found != nil && !opts.NoContracts {
				c.lastAdded().Responses = found.byOperation[key]
			}
		}
		// Once this path is converted, what the library built and cached for its
		// operations (their schemas) is no longer reachable, and the collector may take it.
	}
	if c.count == 0 {
		return nil, fmt.Errorf("converting %q: %w", d.Title, ErrNoOperations)
	}
	if found != nil {
		c.linkFills(found.links)
	}
	d.Folders = flow(c.folders(m), c.selectors)
	if found != nil && !opts.NoContracts {
		d.Schemas = found.schemas
	}
	d.Variables = c.variables()
	limit := opts.MaxText
	if limit <= 0 {
		limit = DefaultMaxText
	}
	size := apimodel.TextSize(d.Folders)
	if size > limit {
		return nil, fmt.Errorf("its %d requests hold %d MiB of text (descriptions, examples, bodies), over the %d MiB a collection may hold: %w",
			c.count, size>>20, limit>>20, ErrTooLarge)
	}
	if schemas := schemasSize(d.Schemas); size+schemas > limit {
		d.Warnings = append(d.Warnings, fmt.Sprintf("no contract tests: the answers' schemas hold %d MiB, which with the requests' %d MiB of text is over the %d MiB a collection may hold",
			schemas>>20, size>>20, limit>>20))
		dropContracts(d)
	}
	return d, nil
}

// schemasSize is the bytes the answers' schemas take in a collection.
func schemasSize(schemas map[string]json.RawMessage) int {
	n := 0
	for name, s := range schemas {
		n += len(name) + len(s)
	}
	return n
}

// dropContracts leaves out what the contract tests read: the answers' schemas and each
// request's listed answers.
func dropContracts(d *Document) {
	d.Schemas = nil
	for i := range d.Folders {
		for j := range d.Folders[i].Requests {
			d.Folders[i].Requests[j].Responses = nil
		}
	}
}

// converter gathers requests as operations are visited.
type converter struct {
	doc     *v3.Document
	names   nameSet
	byTag   map[string][]Request
	tagSeen []string // tags in order of first use
	meaning map[string]*Variable
	paths   *pathIndex
	budget  *budget
	conform *conformer
	// selectors are the variables of path parameters that pick one of a fixed list of values
	// (an enum): an answer never fills them.
	selectors map[string]bool
	count     int
	lastTag   string
	// added says where each operation's request is, by operationKey.
	added map[string]requestAt
}

// requestAt is where a request is among the converter's: the tag and the index in its list.
type requestAt struct {
	tag   string
	index int
}

func newConverter(m *v3.Document) *converter {
	return &converter{
		doc:       m,
		names:     nameSet{},
		byTag:     map[string][]Request{},
		meaning:   map[string]*Variable{},
		paths:     indexPaths(pathTemplates(m)),
		budget:    newBudget(),
		conform:   newConformer(),
		selectors: map[string]bool{},
		added:     map[string]requestAt{},
	}
}

// pathTemplates lists the document's path templates that hold operations and
// are well formed, in document order.
func pathTemplates(m *v3.Document) []string {
	var out []string
	if m.Paths == nil || m.Paths.PathItems == nil {
		return out
	}
	for path, item := range m.Paths.PathItems.FromOldest() {
		if item != nil && item.GetOperations().Len() > 0 && checkPath(path) == nil {
			out = append(out, path)
		}
	}
	return out
}

// add converts one operation.
func (c *converter) add(path, method string, item *v3.PathItem, op *v3.Operation) {
	c.count++
	method = strings.ToUpper(method)
	params := mergeParams(item.Parameters, op.Parameters)
	r := Request{
		Name:        c.names.unique(requestName(op, method, path)),
		OperationID: strings.TrimSpace(op.OperationId),
		Method:      method,
	}
	r.Path, r.PathParams = escapePath(path), c.pathParams(path, params)
	r.Query, r.Headers = c.otherParams(params)
	public, scopes := security(c.doc, op)
	r.Public = public
	r.Description = describe(op, scopes)
	c.setBody(&r, op)
	if r.Unsatisfiable != "" {
		r.Description = joinParagraphs(r.Description, "Not sent in a run: "+r.Unsatisfiable+".")
	}

	tag := otherFolder
	for _, t := range op.Tags {
		if t = strings.TrimSpace(t); t != "" {
			tag = t
			break
		}
	}
	if _, ok := c.byTag[tag]; !ok {
		c.tagSeen = append(c.tagSeen, tag)
	}
	c.byTag[tag] = append(c.byTag[tag], r)
	c.lastTag = tag
}

// lastAdded returns the request add made last.
func (c *converter) lastAdded() *Request {
	list := c.byTag[c.lastTag]
	return &list[len(list)-1]
}

// folders orders the folders: declared tags first, in declaration order,
// then undeclared tags in order of first use, then "Other".
func (c *converter) folders(m *v3.Document) []Folder {
	var out []Folder
	done := map[string]bool{}
	emit := func(name, desc string) {
		reqs, ok := c.byTag[name]
		if !ok || done[name] {
			return
		}
		done[name] = true
		out = append(out, Folder{Name: name, Description: strings.TrimSpace(desc), Requests: reqs})
	}
	for _, t := range m.Tags {
		if t != nil && t.Name != otherFolder {
			emit(strings.TrimSpace(t.Name), t.Description)
		}
	}
	for _, name := range c.tagSeen {
		if name != otherFolder {
			emit(name, "")
		}
	}
	desc := ""
	for _, t := range m.Tags {
		if t != nil && t.Name == otherFolder {
			desc = t.Description
		}
	}
	emit(otherFolder, desc)
	return out
}

// describe joins the operation's description and the scopes it needs.
func describe(op *v3.Operation, scopes []string) string {
	var parts []string
	if s := strings.TrimSpace(op.Description); s != "" {
		parts = append(parts, s)
	}
	switch len(scopes) {
	case 0:
	case 1:
		parts = append(parts, "Scope: "+scopes[0])
	default:
		parts = append(parts, "Scopes: "+strings.Join(scopes, ", "))
	}
	return strings.Join(parts, "\n\n")
}

// checkPath refuses a path that is not an OpenAPI path template (OpenAPI 3.1
// §4.8.8): it starts with /, and every brace opens or closes one {name}.
func checkPath(path string) error {
	bad := func(reason string) error {
		return fmt.Errorf("path %q %s: %w", text.OneLine(path, 120), reason, ErrBadPath)
	}
	if !strings.HasPrefix(path, "/") {
		return bad("does not start with /")
	}
	open := false
	for i := 0; i < len(path); i++ {
		switch path[i] {
		case '{':
			if open || i+1 < len(path) && path[i+1] == '}' {
				return bad("has a { that does not open a {name}")
			}
			open = true
		case '}':
			if !open {
				return bad("has a } that closes no {name}")
			}
			open = false
		case '/':
			if open {
				return bad("has a { that is not closed in its segment")
			}
		}
	}
	if open {
		return bad("has a { that is not closed")
	}
	return nil
}

// escapePath percent-encodes what a URL's path may not hold as it is: spaces, controls, bytes
// past ASCII (each byte of a character's UTF-8), and " \ < > | ^ `. A document may write
// /café or /a b; Postman and an HTTP client send them so encoded. The braces of {name}, and a
// path already encoded, stay.
func escapePath(path string) string {
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		c := path[i]
		if c > ' ' && c <= '~' && !strings.ContainsRune(`"\<>|^`+"`", rune(c)) {
			if b.Len() > 0 {
				b.WriteByte(c)
			}
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(path) + 8)
			b.WriteString(path[:i])
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	if b.Len() == 0 {
		return path
	}
	return b.String()
}
