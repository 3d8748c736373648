package openapi

import (
	"slices"
	"strings"
	"unicode"

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

// resourceBefore is the resource a path parameter belongs to: the nearest
// literal segment before it, singularized and camelCased, or "" when there
// is none.
func resourceBefore(segments []string, at int) string {
	for i := at - 1; i >= 0; i-- {
		seg := segments[i]
		if seg == "" || strings.ContainsAny(seg, "{}") {
			continue
		}
		if base := camelCase(singular(seg)); base != "" {
			return base
		}
	}
	return ""
}

// splitName splits a camelCase parameter name before its last word:
// organizationScopeId is organizationScope and Id, connectorID is connector
// and ID, name is name and "".
func splitName(m string) (subject, tail string) {
	r := []rune(m)
	for i := len(r) - 1; i > 0; i-- {
		if unicode.IsUpper(r[i]) && !unicode.IsUpper(r[i-1]) {
			return string(r[:i]), string(r[i:])
		}
	}
	return m, ""
}

// upperFirst capitalizes the first letter, to append a word to a camelCase
// name.
func upperFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// shortens reports whether subject is a shortening of resource: its first
// words, its last words, or, for three letters or more, its first letters
// (factory of connectorFactory, app of application, org of organization).
func shortens(subject, resource string) bool {
	if subject == "" || subject == resource {
		return false
	}
	return strings.HasSuffix(resource, upperFirst(subject)) ||
		len(subject) >= 3 && strings.HasPrefix(resource, subject)
}

// pathIndex is what a path parameter's meaning depends on beyond its own
// path: the document's resources, and, for each name that does not say its
// resource, the resources it is used under.
type pathIndex struct {
	resources map[string]bool
	generic   map[string]map[string]bool
}

// indexPaths indexes the path templates of a document.
func indexPaths(paths []string) *pathIndex {
	idx := &pathIndex{resources: map[string]bool{}, generic: map[string]map[string]bool{}}
	for _, path := range paths {
		for _, seg := range strings.Split(path, "/") {
			if seg != "" && !strings.ContainsAny(seg, "{}") {
				if r := camelCase(singular(seg)); r != "" {
					idx.resources[r] = true
				}
			}
		}
	}
	for _, path := range paths {
		apimodel.RewritePath(path, func(o apimodel.Occurrence) string {
			resource := resourceBefore(o.Segments, o.Segment)
			if m, generic := idx.named(resource, o.Name); generic && resource != "" {
				if idx.generic[m] == nil {
					idx.generic[m] = map[string]bool{}
				}
				idx.generic[m][resource] = true
			}
			return ""
		})
	}
	return idx
}

// named is the meaning a parameter's name gives it under a resource, and
// whether the name is generic: a word, or a word and Id (name, keyId), that
// names no resource of the document.
func (idx *pathIndex) named(resource, name string) (m string, generic bool) {
	m = camelCase(name)
	if m == "" {
		return "param", false
	}
	if m == "id" {
		if resource == "" {
			return "id", false
		}
		return resource + "Id", false
	}
	subject, tail := splitName(m)
	switch {
	case idx.resources[m], idx.resources[subject]:
		return m, false
	case resource != "" && shortens(subject, resource):
		return resource + tail, false
	case resource != "" && idx.resources[resource+upperFirst(subject)]:
		return resource + upperFirst(subject) + tail, false
	}
	return m, resource != "" && oneWord(subject)
}

// oneWord reports whether a camelCase name is a single word: name, key.
func oneWord(m string) bool {
	return !strings.ContainsFunc(m, unicode.IsUpper)
}

// meaning names the collection variable a path parameter stands for; see
// the package documentation.
func (idx *pathIndex) meaning(segments []string, at int, name string) string {
	resource := resourceBefore(segments, at)
	m, generic := idx.named(resource, name)
	if generic && len(idx.generic[m]) > 1 {
		return resource + upperFirst(m)
	}
	return m
}

// pathParams lists the {name} occurrences of an OpenAPI path template, each
// tied to the variable its meaning names.
func (c *converter) pathParams(path string, params []*v3.Parameter) []PathParam {
	byName := map[string]*v3.Parameter{}
	for _, p := range params {
		if strings.EqualFold(p.In, "path") {
			byName[p.Name] = p
		}
	}
	var out []PathParam
	apimodel.RewritePath(path, func(o apimodel.Occurrence) string {
		p := byName[o.Name]
		desc := ""
		if p != nil {
			desc = strings.TrimSpace(p.Description)
		}
		v := c.use(c.paths.meaning(o.Segments, o.Segment, o.Name), desc, c.givenValue(p))
		if p != nil && p.Schema != nil {
			if s := p.Schema.Schema(); s != nil && (len(s.Enum) > 0 || s.Const != nil) {
				c.selectors[v] = true
			}
		}
		out = append(out, PathParam{Name: o.Name, Variable: v, Description: desc})
		return ""
	})
	return out
}

// givenValue is the value the document gives a path parameter: its example
// or first example, else its schema's example, default, const or first enum
// value; "" when it gives none. Made-up values are left out: an id the
// document did not give would call the API about nothing.
func (c *converter) givenValue(p *v3.Parameter) string {
	if p == nil {
		return ""
	}
	c.budget.start()
	if v, ok := c.ownExample(p); ok {
		return v
	}
	if p.Schema == nil {
		return ""
	}
	s := p.Schema.Schema()
	if s == nil {
		return ""
	}
	if v := newExamples(c.budget).given(s); v != nil {
		return v.text()
	}
	return ""
}

// use records a collection variable, with the first description and value
// the document gives it, and returns its key.
func (c *converter) use(key, desc, value string) string {
	v, ok := c.meaning[key]
	if !ok {
		v = &Variable{Name: key}
		c.meaning[key] = v
	}
	if v.Description == "" {
		v.Description = desc
	}
	if v.Value == "" {
		v.Value = value
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
		out = append(out, *c.meaning[k])
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
	if v, ok := c.ownExample(p); ok {
		return v
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

// ownExample is the parameter's own example, or its first example that has a
// value, as text.
func (c *converter) ownExample(p *v3.Parameter) (string, bool) {
	if p.Example != nil {
		return fromNode(p.Example, c.budget).text(), true
	}
	if p.Examples != nil {
		for _, ex := range p.Examples.FromOldest() {
			if ex != nil && ex.Value != nil {
				return fromNode(ex.Value, c.budget).text(), true
			}
		}
	}
	return "", false
}
