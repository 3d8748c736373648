package openapi

import (
	"slices"
	"strings"

	"github.com/gen-postman/gen-postman/internal/apimodel"
	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
)

// mergeParams returns the path item's parameters overridden by the
// operation's, matched by name and location, in that order.
func mergeParams(item, op []*v3.Parameter) []*v3.Parameter {
	out := make([]*v3.Parameter, 0, len(item)+len(op))
	key := func(p *v3.Parameter) string { return strings.ToLower(p.In) + "\x00" + p.Name }
	at := map[string]int{}
	for _, list := range [][]*v3.Parameter{item, op} {
		for _, p := range list {
			if p == nil || p.Name == "" {
				continue
			}
			if i, ok := at[key(p)]; ok {
				out[i] = p
				continue
			}
			at[key(p)] = len(out)
			out = append(out, p)
		}
	}
	return out
}

// idLike reports whether a path parameter is a bare identifier whose
// meaning comes from the resource before it.
func idLike(name string) bool {
	return camelCase(name) == "id"
}

// meaning names the collection variable a path parameter stands for; see
// the package documentation.
func meaning(segments []string, at int, name string) string {
	if idLike(name) {
		for i := at - 1; i >= 0; i-- {
			seg := segments[i]
			if seg == "" || strings.ContainsAny(seg, "{}") {
				continue
			}
			if base := camelCase(singular(seg)); base != "" {
				return base + "Id"
			}
		}
		return "id"
	}
	if m := camelCase(name); m != "" {
		return m
	}
	return "param"
}

// pathParams lists the {name} occurrences of an OpenAPI path template, each
// tied to the variable its meaning names.
func (c *converter) pathParams(path string, params []*v3.Parameter) []PathParam {
	desc := map[string]string{}
	for _, p := range params {
		if strings.EqualFold(p.In, "path") {
			desc[p.Name] = strings.TrimSpace(p.Description)
		}
	}
	var out []PathParam
	apimodel.RewritePath(path, func(o apimodel.Occurrence) string {
		v := c.use(meaning(o.Segments, o.Segment, o.Name), desc[o.Name])
		out = append(out, PathParam{Name: o.Name, Variable: v, Description: desc[o.Name]})
		return ""
	})
	return out
}

// use records a collection variable and returns its key.
func (c *converter) use(key, desc string) string {
	if old, ok := c.meaning[key]; !ok || (old == "" && desc != "") {
		c.meaning[key] = desc
	}
	return key
}

// variables lists the collection variables, sorted by key.
func (c *converter) variables() []Variable {
	keys := make([]string, 0, len(c.meaning))
	for k := range c.meaning {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]Variable, 0, len(keys))
	for _, k := range keys {
		out = append(out, Variable{Name: k, Description: c.meaning[k]})
	}
	return out
}

// skippedHeaders are header parameters OpenAPI ignores or auth owns.
var skippedHeaders = map[string]bool{"authorization": true, "accept": true, "content-type": true}

// otherParams converts query and header parameters.
func (c *converter) otherParams(params []*v3.Parameter) (query, headers []Param) {
	for _, p := range params {
		required := p.Required != nil && *p.Required
		switch strings.ToLower(p.In) {
		case "query":
			query = append(query, Param{
				Name: p.Name, Value: c.paramValue(p),
				Description: strings.TrimSpace(p.Description), Optional: !required,
			})
		case "header":
			if skippedHeaders[strings.ToLower(p.Name)] {
				continue
			}
			headers = append(headers, Param{
				Name: p.Name, Value: c.paramValue(p),
				Description: strings.TrimSpace(p.Description), Optional: !required,
			})
		}
	}
	return query, headers
}

// paramValue is a parameter's example value as text.
func (c *converter) paramValue(p *v3.Parameter) string {
	c.budget.start()
	g := newExamples(c.budget)
	switch {
	case p.Example != nil:
		return fromNode(p.Example, c.budget).text()
	case p.Examples != nil && p.Examples.Len() > 0:
		for _, ex := range p.Examples.FromOldest() {
			if ex != nil && ex.Value != nil {
				return fromNode(ex.Value, c.budget).text()
			}
		}
	}
	if v := g.schema(p.Schema, 0); v != nil {
		return v.text()
	}
	if p.Content != nil {
		for _, mt := range p.Content.FromOldest() {
			if mt != nil {
				if v := g.schema(mt.Schema, 0); v != nil {
					return v.text()
				}
			}
		}
	}
	return ""
}
