package openapi

import (
	"strings"

	"github.com/pb33f/libopenapi/datamodel/high/base"
	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"

	"github.com/gen-postman/gen-postman/internal/apimodel"
)

// formFields lists the fields of a form body: the properties of its schema, allOf members'
// merged in as the example generator merges them, in document order, read-only ones left out.
// Required fields are sent; optional ones are written turned off. A value comes from the
// media type's example when that is an object naming the field, else from the property's own
// example. In a multipart form a binary or base64 string, or an array of them, is a file field,
// and so is a field whose encoding names a media type that is not text.
func (c *converter) formFields(mt *v3.MediaType, multipart bool) []apimodel.FormField {
	props := formProperties{required: map[string]bool{}, seen: map[string]int{}, stack: map[string]bool{}}
	props.collect(mt.Schema, 0)
	given := c.givenMediaExample(mt)
	if given != nil && given.kind != objectValue {
		given = nil
	}
	g := newExamples(c.budget)
	var out []apimodel.FormField
	for i, name := range props.names {
		sp := props.schemas[i]
		s := sp.Schema()
		if s != nil && s.ReadOnly != nil && *s.ReadOnly {
			continue
		}
		if !c.budget.spend(len(name) + 4) {
			break
		}
		f := apimodel.FormField{Name: name, Optional: !props.required[name]}
		if s != nil {
			f.Description = strings.TrimSpace(s.Description)
		}
		switch {
		case multipart && (isFileSchema(s) || isFileEncoding(mt, name)):
			f.File = true
		case given.lookup(name) != nil:
			f.Value = given.lookup(name).text()
		default:
			f.Value = fieldText(g.schema(sp, 1))
		}
		out = append(out, f)
	}
	return out
}

// fieldText is an example as a field's text; a schema that says nothing of its type gives an
// empty value rather than {}.
func fieldText(v *value) string {
	if v == nil || (v.kind == objectValue && len(v.keys) == 0) {
		return ""
	}
	return v.text()
}

// formProperties gathers the properties of a form's schema.
type formProperties struct {
	names    []string
	schemas  []*base.SchemaProxy
	seen     map[string]int // index in names
	required map[string]bool
	stack    map[string]bool // $refs being walked
	visits   int             // schemas walked, bounded by maxNodes
}

// collect adds a schema's properties: its allOf members' first, then its own, a later one
// replacing an earlier one of the same name in place.
func (p *formProperties) collect(sp *base.SchemaProxy, depth int) {
	p.visits++
	if sp == nil || depth > maxDepth || p.visits > maxNodes {
		return
	}
	if ref := sp.GetReference(); ref != "" {
		if p.stack[ref] {
			return
		}
		p.stack[ref] = true
		defer delete(p.stack, ref)
	}
	s := sp.Schema()
	if s == nil {
		return
	}
	for _, m := range s.AllOf {
		p.collect(m, depth+1)
	}
	for _, r := range s.Required {
		p.required[r] = true
	}
	if s.Properties == nil {
		return
	}
	for name, prop := range s.Properties.FromOldest() {
		if prop == nil {
			continue
		}
		if i, ok := p.seen[name]; ok {
			p.schemas[i] = prop
			continue
		}
		p.seen[name] = len(p.names)
		p.names = append(p.names, name)
		p.schemas = append(p.schemas, prop)
	}
}

// isFileSchema reports whether a schema is a file's content: a string of format binary or
// base64, or with a contentMediaType or contentEncoding, or an array of such strings.
func isFileSchema(s *base.Schema) bool {
	if s == nil {
		return false
	}
	switch schemaType(s) {
	case "string":
		return s.Format == "binary" || s.Format == "base64" || s.ContentMediaType != "" || s.ContentEncoding != ""
	case "array":
		if s.Items != nil && s.Items.IsA() && s.Items.A != nil {
			if item := s.Items.A.Schema(); item != nil && schemaType(item) == "string" {
				return isFileSchema(item)
			}
		}
	}
	return false
}

// isFileEncoding reports whether a multipart form's encoding gives a field a media type that
// is neither text nor JSON, as image/png.
func isFileEncoding(mt *v3.MediaType, name string) bool {
	if mt.Encoding == nil {
		return false
	}
	enc := mt.Encoding.GetOrZero(name)
	if enc == nil || strings.TrimSpace(enc.ContentType) == "" {
		return false
	}
	for _, t := range strings.Split(enc.ContentType, ",") {
		t = baseMediaType(t)
		if !strings.HasPrefix(t, "text/") && !isJSON(t) {
			return true
		}
	}
	return false
}

// lookup is the value of an object's key, or nil when v is no object or has no such key.
func (v *value) lookup(key string) *value {
	if v == nil || v.kind != objectValue {
		return nil
	}
	for i, k := range v.keys {
		if k == key {
			return v.elems[i]
		}
	}
	return nil
}
