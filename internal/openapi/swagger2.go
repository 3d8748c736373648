package openapi

import (
	"fmt"
	"strings"

	"github.com/pb33f/go-yaml"
	"github.com/pb33f/libopenapi/datamodel"
	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
)

// maxSwagger2Nodes bounds the nodes a Swagger 2.0 document's OpenAPI 3.0 rewrite may hold:
// YAML aliases are expanded in it.
const maxSwagger2Nodes = 1 << 22

// loadSwagger2 reads a Swagger 2.0 document as the OpenAPI 3.0 document it describes: it is
// rewritten as one (see fromSwagger2), and that is read as any OpenAPI 3 document is, so both
// versions follow the same rules.
func loadSwagger2(info *datamodel.SpecInfo) (*v3.Document, []string, error) {
	root := info.RootNode
	if root != nil && root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root == nil || root.Kind != yaml.MappingNode {
		return nil, nil, fmt.Errorf("reading swagger %q: %w", info.Version, ErrNotOpenAPI)
	}
	c := &swagger2{top: root}
	out := c.document()
	if c.nodes > maxSwagger2Nodes {
		return nil, nil, fmt.Errorf("rewriting swagger %q as openapi 3.0: over %d nodes: %w", info.Version, maxSwagger2Nodes, ErrTooLarge)
	}
	data, err := yaml.Marshal(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{out}})
	if err != nil {
		return nil, nil, fmt.Errorf("rewriting swagger %q as openapi 3.0: %v: %w", info.Version, err, ErrNotOpenAPI)
	}
	model, warnings, err := load(data)
	if err != nil {
		return nil, nil, fmt.Errorf("reading swagger %q as openapi 3.0: %w", info.Version, err)
	}
	return model, warnings, nil
}

// swagger2 rewrites a Swagger 2.0 document's tree as an OpenAPI 3.0 one. It reads what
// gen-postman uses and leaves out responses, which it does not:
//
//   - host, basePath and schemes become servers, https first;
//   - definitions become components.schemas, and each #/definitions/ $ref follows them;
//   - securityDefinitions become components.securitySchemes: basic is http basic, an
//     oauth2 flow application, password, implicit or accessCode is clientCredentials,
//     password, implicit or authorizationCode;
//   - an in: body parameter becomes the request body, in each type the operation (or the
//     document) consumes other than the form types, else application/json;
//   - formData parameters become the properties of a form request body,
//     multipart/form-data when consumed or when one is a file, else
//     application/x-www-form-urlencoded; they are written where the request model has form
//     fields;
//   - other parameters take a schema from their type, format, items, enum and bounds, and
//     an x-example as their example; #/parameters/ $refs are written in place;
//   - in schemas, a discriminator names its propertyName, x-nullable is nullable, and type
//     file is a binary string.
type swagger2 struct {
	top   *yaml.Node
	nodes int
}

// document rewrites the whole document.
func (c *swagger2) document() *yaml.Node {
	out := c.mapping()
	c.set(out, "openapi", c.str("3.0.3"))
	var components *yaml.Node
	component := func(key string, v *yaml.Node) {
		if components == nil {
			components = c.mapping()
		}
		c.set(components, key, v)
	}
	for i := 0; i+1 < len(c.top.Content); i += 2 {
		key, v := c.top.Content[i].Value, unalias(c.top.Content[i+1])
		switch key {
		case "swagger", "host", "basePath", "schemes", "consumes", "produces", "parameters", "responses":
		case "info":
			c.set(out, key, c.copy(v))
			if servers := c.servers(); servers != nil {
				c.set(out, "servers", servers)
			}
		case "paths":
			c.set(out, key, c.paths(v))
		case "definitions":
			component("schemas", c.copy(v))
		case "securityDefinitions":
			component("securitySchemes", c.securitySchemes(v))
		default:
			c.set(out, key, c.copy(v))
		}
	}
	if components != nil {
		c.set(out, "components", components)
	}
	return out
}

// servers returns one server per scheme, https first; without a host, one whose URL is the
// basePath alone (the host is the one serving the document), or nil without either.
func (c *swagger2) servers() *yaml.Node {
	host := scalarOf(field(c.top, "host"))
	base := strings.TrimSuffix(scalarOf(field(c.top, "basePath")), "/")
	if base != "" && !strings.HasPrefix(base, "/") {
		base = "/" + base
	}
	if host == "" {
		if base == "" {
			return nil
		}
		server := c.mapping()
		c.set(server, "url", c.str(base))
		return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{server}}
	}
	var schemes []string
	if s := field(c.top, "schemes"); s != nil && s.Kind == yaml.SequenceNode {
		for _, n := range s.Content {
			if v := strings.ToLower(scalarOf(n)); v == "https" {
				schemes = append([]string{v}, schemes...)
			} else if v != "" {
				schemes = append(schemes, v)
			}
		}
	}
	if len(schemes) == 0 {
		schemes = []string{"https"}
	}
	out := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, s := range schemes {
		server := c.mapping()
		c.set(server, "url", c.str(s+"://"+host+base))
		out.Content = append(out.Content, server)
	}
	return out
}

// paths rewrites the path items.
func (c *swagger2) paths(paths *yaml.Node) *yaml.Node {
	out := c.mapping()
	if paths == nil || paths.Kind != yaml.MappingNode {
		return out
	}
	for i := 0; i+1 < len(paths.Content); i += 2 {
		item := unalias(paths.Content[i+1])
		if item == nil || item.Kind != yaml.MappingNode {
			continue
		}
		shared := c.params(field(item, "parameters"))
		rewritten := c.mapping()
		for j := 0; j+1 < len(item.Content); j += 2 {
			key, v := item.Content[j].Value, unalias(item.Content[j+1])
			switch key {
			case "parameters":
				if p := c.plainParams(shared); p != nil {
					c.set(rewritten, key, p)
				}
			case "get", "put", "post", "delete", "options", "head", "patch":
				c.set(rewritten, key, c.operation(v, shared))
			default:
				c.set(rewritten, key, c.copy(v))
			}
		}
		c.set(out, paths.Content[i].Value, rewritten)
	}
	return out
}

// params resolves a parameter list's #/parameters/ $refs.
func (c *swagger2) params(list *yaml.Node) []*yaml.Node {
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil
	}
	var out []*yaml.Node
	for _, p := range list.Content {
		p = unalias(p)
		if p == nil || p.Kind != yaml.MappingNode {
			continue
		}
		if ref := scalarOf(field(p, "$ref")); strings.HasPrefix(ref, "#/parameters/") {
			if found := unalias(field(field(c.top, "parameters"), unescapePointer(strings.TrimPrefix(ref, "#/parameters/")))); found != nil && found.Kind == yaml.MappingNode {
				p = found
			}
		}
		out = append(out, p)
	}
	return out
}

// plainParams rewrites the parameters that are not body or form fields, or returns nil.
func (c *swagger2) plainParams(params []*yaml.Node) *yaml.Node {
	var out []*yaml.Node
	for _, p := range params {
		switch scalarOf(field(p, "in")) {
		case "body", "formData":
		default:
			out = append(out, c.param(p))
		}
	}
	if out == nil {
		return nil
	}
	return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: out}
}

// param rewrites a query, header or path parameter, or a $ref to one.
func (c *swagger2) param(p *yaml.Node) *yaml.Node {
	out := c.mapping()
	for i := 0; i+1 < len(p.Content); i += 2 {
		key, v := p.Content[i].Value, unalias(p.Content[i+1])
		switch {
		case key == "name" || key == "in" || key == "description" || key == "required" || key == "allowEmptyValue" || key == "$ref":
			c.set(out, key, c.copy(v))
		case key == "x-example":
			c.set(out, "example", c.copy(v))
		case strings.HasPrefix(key, "x-"):
			c.set(out, key, c.copy(v))
		}
	}
	if field(p, "$ref") == nil {
		c.set(out, "schema", c.paramSchema(p))
	}
	return out
}

// paramKeys are the schema keywords of a Swagger 2.0 parameter or items object.
var paramKeys = map[string]bool{
	"type": true, "format": true, "items": true, "default": true, "maximum": true, "exclusiveMaximum": true,
	"minimum": true, "exclusiveMinimum": true, "maxLength": true, "minLength": true, "pattern": true,
	"maxItems": true, "minItems": true, "uniqueItems": true, "enum": true, "multipleOf": true,
}

// paramSchema makes the schema of a parameter or items object from its schema keywords.
func (c *swagger2) paramSchema(p *yaml.Node) *yaml.Node {
	out := c.mapping()
	for i := 0; i+1 < len(p.Content); i += 2 {
		key, v := p.Content[i].Value, unalias(p.Content[i+1])
		switch {
		case key == "items" && v != nil && v.Kind == yaml.MappingNode:
			c.set(out, key, c.paramSchema(v))
		case paramKeys[key]:
			c.set(out, key, c.copy(v))
		}
	}
	fileType(c, out)
	return out
}

// operation rewrites an operation; shared holds its path item's parameters.
func (c *swagger2) operation(op *yaml.Node, shared []*yaml.Node) *yaml.Node {
	out := c.mapping()
	if op == nil || op.Kind != yaml.MappingNode {
		return out
	}
	own := c.params(field(op, "parameters"))
	for i := 0; i+1 < len(op.Content); i += 2 {
		key, v := op.Content[i].Value, unalias(op.Content[i+1])
		switch key {
		case "parameters":
			if p := c.plainParams(own); p != nil {
				c.set(out, key, p)
			}
			if body := c.requestBody(op, shared, own); body != nil {
				c.set(out, "requestBody", body)
			}
		case "consumes", "produces", "schemes":
		case "responses":
			c.set(out, key, c.mapping())
		default:
			c.set(out, key, c.copy(v))
		}
	}
	if field(op, "parameters") == nil {
		if body := c.requestBody(op, shared, nil); body != nil {
			c.set(out, "requestBody", body)
		}
	}
	if field(out, "responses") == nil {
		c.set(out, "responses", c.mapping())
	}
	return out
}

// requestBody makes an operation's request body from its body or formData parameters, its
// own overriding its path item's, or returns nil when it has none.
func (c *swagger2) requestBody(op *yaml.Node, shared, own []*yaml.Node) *yaml.Node {
	var body *yaml.Node
	var form []*yaml.Node
	index := map[string]int{}
	for _, list := range [][]*yaml.Node{shared, own} {
		for _, p := range list {
			switch scalarOf(field(p, "in")) {
			case "body":
				body = p
			case "formData":
				name := scalarOf(field(p, "name"))
				if i, ok := index[name]; ok {
					form[i] = p
					continue
				}
				index[name] = len(form)
				form = append(form, p)
			}
		}
	}
	consumes := field(op, "consumes")
	if consumes == nil {
		consumes = field(c.top, "consumes")
	}
	var types []string
	if consumes != nil && consumes.Kind == yaml.SequenceNode {
		for _, n := range consumes.Content {
			if t := strings.TrimSpace(scalarOf(n)); t != "" {
				types = append(types, t)
			}
		}
	}
	out := c.mapping()
	content := c.mapping()
	switch {
	case body != nil:
		for _, t := range types {
			if !isFormType(t) {
				c.set(content, t, c.mediaType(c.copy(unalias(field(body, "schema")))))
			}
		}
		if len(content.Content) == 0 {
			c.set(content, "application/json", c.mediaType(c.copy(unalias(field(body, "schema")))))
		}
		for _, key := range []string{"description", "required"} {
			if v := unalias(field(body, key)); v != nil {
				c.set(out, key, c.copy(v))
			}
		}
	case len(form) > 0:
		schema, props, required := c.mapping(), c.mapping(), &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		multipart := false
		for _, p := range form {
			name := scalarOf(field(p, "name"))
			if scalarOf(field(p, "type")) == "file" {
				multipart = true
			}
			prop := c.paramSchema(p)
			if d := unalias(field(p, "description")); d != nil {
				c.set(prop, "description", c.copy(d))
			}
			if x := unalias(field(p, "x-example")); x != nil {
				c.set(prop, "example", c.copy(x))
			}
			c.set(props, name, prop)
			if scalarOf(field(p, "required")) == "true" {
				required.Content = append(required.Content, c.str(name))
			}
		}
		c.set(schema, "type", c.str("object"))
		c.set(schema, "properties", props)
		if len(required.Content) > 0 {
			c.set(schema, "required", required)
		}
		for _, t := range types {
			multipart = multipart || t == "multipart/form-data"
		}
		t := "application/x-www-form-urlencoded"
		if multipart {
			t = "multipart/form-data"
		}
		c.set(content, t, c.mediaType(schema))
	default:
		return nil
	}
	c.set(out, "content", content)
	return out
}

// mediaType wraps a schema in a media type object.
func (c *swagger2) mediaType(schema *yaml.Node) *yaml.Node {
	out := c.mapping()
	if schema != nil {
		c.set(out, "schema", schema)
	}
	return out
}

// isFormType reports whether a media type is one of the form types.
func isFormType(t string) bool {
	t = strings.ToLower(strings.TrimSpace(strings.SplitN(t, ";", 2)[0]))
	return t == "application/x-www-form-urlencoded" || t == "multipart/form-data"
}

// securitySchemes rewrites securityDefinitions.
func (c *swagger2) securitySchemes(defs *yaml.Node) *yaml.Node {
	out := c.mapping()
	if defs == nil || defs.Kind != yaml.MappingNode {
		return out
	}
	flows := map[string]string{"application": "clientCredentials", "password": "password", "implicit": "implicit", "accessCode": "authorizationCode"}
	for i := 0; i+1 < len(defs.Content); i += 2 {
		def := unalias(defs.Content[i+1])
		if def == nil || def.Kind != yaml.MappingNode {
			continue
		}
		scheme := c.mapping()
		switch typ := scalarOf(field(def, "type")); typ {
		case "basic":
			c.set(scheme, "type", c.str("http"))
			c.set(scheme, "scheme", c.str("basic"))
		case "oauth2":
			c.set(scheme, "type", c.str("oauth2"))
			flow := c.mapping()
			for _, key := range []string{"authorizationUrl", "tokenUrl", "scopes"} {
				if v := unalias(field(def, key)); v != nil {
					c.set(flow, key, c.copy(v))
				}
			}
			if field(flow, "scopes") == nil {
				c.set(flow, "scopes", c.mapping())
			}
			if name, ok := flows[scalarOf(field(def, "flow"))]; ok {
				all := c.mapping()
				c.set(all, name, flow)
				c.set(scheme, "flows", all)
			}
		default:
			c.set(scheme, "type", c.str(typ))
			for _, key := range []string{"name", "in"} {
				if v := unalias(field(def, key)); v != nil {
					c.set(scheme, key, c.copy(v))
				}
			}
		}
		if v := unalias(field(def, "description")); v != nil {
			c.set(scheme, "description", c.copy(v))
		}
		c.set(out, defs.Content[i].Value, scheme)
	}
	return out
}

// copy deep-copies a tree, expanding aliases, and rewrites what differs between Swagger
// 2.0's schemas and OpenAPI 3.0's: $refs to definitions, parameters and responses, a
// discriminator given as a property name, x-nullable, and type file.
func (c *swagger2) copy(n *yaml.Node) *yaml.Node {
	n = unalias(n)
	if n == nil {
		return nil
	}
	c.nodes++
	if c.nodes > maxSwagger2Nodes {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	}
	out := &yaml.Node{Kind: n.Kind, Tag: n.Tag, Value: n.Value, Style: n.Style &^ (yaml.LiteralStyle | yaml.FoldedStyle)}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], unalias(n.Content[i+1])
			key := k.Value
			switch {
			case key == "$ref" && v != nil && v.Kind == yaml.ScalarNode:
				c.set(out, key, c.str(rewriteRef(v.Value)))
			case key == "discriminator" && v != nil && v.Kind == yaml.ScalarNode:
				d := c.mapping()
				c.set(d, "propertyName", c.str(v.Value))
				c.set(out, key, d)
			case key == "x-nullable":
				c.set(out, "nullable", c.copy(v))
			default:
				if cv := c.copy(v); cv != nil {
					out.Content = append(out.Content, c.str(key), cv)
				}
			}
		}
		fileType(c, out)
	case yaml.SequenceNode, yaml.DocumentNode:
		for _, v := range n.Content {
			if cv := c.copy(v); cv != nil {
				out.Content = append(out.Content, cv)
			}
		}
	}
	return out
}

// fileType rewrites a schema of type file as a binary string.
func fileType(c *swagger2, schema *yaml.Node) {
	t := field(schema, "type")
	if t == nil || t.Kind != yaml.ScalarNode || t.Value != "file" {
		return
	}
	t.Value = "string"
	if field(schema, "format") == nil {
		c.set(schema, "format", c.str("binary"))
	}
}

// rewriteRef points a local $ref at where OpenAPI 3.0 keeps what it named.
func rewriteRef(ref string) string {
	for from, to := range map[string]string{
		"#/definitions/": "#/components/schemas/",
		"#/parameters/":  "#/components/parameters/",
		"#/responses/":   "#/components/responses/",
	} {
		if strings.HasPrefix(ref, from) {
			return to + strings.TrimPrefix(ref, from)
		}
	}
	return ref
}

// unescapePointer decodes one JSON pointer segment.
func unescapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
}

// mapping returns an empty mapping node.
func (c *swagger2) mapping() *yaml.Node {
	c.nodes++
	return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
}

// str returns a string scalar node.
func (c *swagger2) str(s string) *yaml.Node {
	c.nodes++
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// set adds a key to a mapping, or replaces its value when the key is there already.
func (c *swagger2) set(m *yaml.Node, key string, v *yaml.Node) {
	if v == nil {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, c.str(key), v)
}

// field returns the value of a key of a mapping, or nil.
func field(m *yaml.Node, key string) *yaml.Node {
	m = unalias(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return unalias(m.Content[i+1])
		}
	}
	return nil
}

// unalias follows an alias to the node it names.
func unalias(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.AliasNode {
		return nil
	}
	return n
}

// scalarOf returns a scalar node's value, or "".
func scalarOf(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}
