package openapi

import (
	"slices"
	"strings"

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

// pathVariables rewrites an OpenAPI path template in Postman's form and
// lists its path variables.
func (c *converter) pathVariables(path string, params []*v3.Parameter) (string, []PathVariable) {
	desc := map[string]string{}
	for _, p := range params {
		if strings.EqualFold(p.In, "path") {
			desc[p.Name] = strings.TrimSpace(p.Description)
		}
	}
	segments := strings.Split(path, "/")
	out := make([]string, len(segments))
	var vars []PathVariable
	for i, seg := range segments {
		out[i] = seg
		if !strings.Contains(seg, "{") {
			continue
		}
		if name, ok := wholeParam(seg); ok {
			m := c.use(meaning(segments, i, name), desc[name])
			out[i] = ":" + name
			vars = append(vars, PathVariable{Key: name, Value: "{{" + m + "}}", Description: desc[name]})
			continue
		}
		out[i] = replaceParams(seg, func(name string) string {
			return "{{" + c.use(meaning(segments, i, name), desc[name]) + "}}"
		})
	}
	return strings.Join(out, "/"), vars
}

// use records a collection variable and returns its key.
func (c *converter) use(key, desc string) string {
	if old, ok := c.meaning[key]; !ok || (old == "" && desc != "") {
		c.meaning[key] = desc
	}
	return key
}

// wholeParam reports whether a segment is exactly one {name}.
func wholeParam(seg string) (string, bool) {
	if len(seg) > 2 && seg[0] == '{' && seg[len(seg)-1] == '}' && strings.Count(seg, "{") == 1 && strings.Count(seg, "}") == 1 {
		return seg[1 : len(seg)-1], true
	}
	return "", false
}

// replaceParams replaces each {name} of a segment.
func replaceParams(seg string, f func(string) string) string {
	var sb strings.Builder
	for {
		i := strings.IndexByte(seg, '{')
		j := strings.IndexByte(seg[max(i, 0):], '}')
		if i < 0 || j < 0 {
			sb.WriteString(seg)
			return sb.String()
		}
		j += i
		sb.WriteString(seg[:i])
		sb.WriteString(f(seg[i+1 : j]))
		seg = seg[j+1:]
	}
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
		out = append(out, Variable{Key: k, Description: c.meaning[k]})
	}
	return out
}

// skippedHeaders are header parameters OpenAPI ignores or auth owns.
var skippedHeaders = map[string]bool{"authorization": true, "accept": true, "content-type": true}

// otherParams converts query and header parameters.
func (c *converter) otherParams(params []*v3.Parameter) ([]QueryParam, []Header) {
	var query []QueryParam
	var headers []Header
	for _, p := range params {
		required := p.Required != nil && *p.Required
		switch strings.ToLower(p.In) {
		case "query":
			query = append(query, QueryParam{
				Key: p.Name, Value: c.paramValue(p),
				Description: strings.TrimSpace(p.Description), Disabled: !required,
			})
		case "header":
			if skippedHeaders[strings.ToLower(p.Name)] {
				continue
			}
			headers = append(headers, Header{
				Key: p.Name, Value: c.paramValue(p),
				Description: strings.TrimSpace(p.Description), Disabled: !required,
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
