package openapi

import (
	"mime"
	"strings"

	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
	"github.com/pb33f/libopenapi/orderedmap"

	"github.com/gen-postman/gen-postman/internal/apimodel"
)

// The media types a body is chosen from, in this order after JSON.
const (
	jsonContentType = "application/json"
	formURLEncoded  = "application/x-www-form-urlencoded"
	formMultipart   = "multipart/form-data"
)

// setBody picks the request body's media type, a JSON one first, then a URL-encoded form, then
// a multipart form, then the first other, and fills r's body from it: JSON text from the
// media type's example or its schema, form fields from the schema's properties, another
// media type's example as text, or a file when the schema says the body is binary.
func (c *converter) setBody(r *Request, op *v3.Operation) {
	if op.RequestBody == nil || op.RequestBody.Content == nil {
		return
	}
	name, mt := pickMediaType(op.RequestBody.Content)
	r.ContentType = name
	if mt == nil {
		return
	}
	c.budget.start()
	switch t := baseMediaType(name); {
	case isJSON(name):
		if v := c.conformingExample(r, mt); v != nil {
			r.Body = v.indent()
		}
	case t == formURLEncoded || t == formMultipart:
		if fields := c.formFields(mt, t == formMultipart); len(fields) > 0 {
			r.BodyKind, r.Fields = apimodel.BodyURLEncoded, fields
			if t == formMultipart {
				r.BodyKind = apimodel.BodyMultipart
			}
		}
	default:
		r.BodyKind, r.Body = c.otherBody(mt)
	}
}

// pickMediaType returns the media type a body is written in: the first JSON one, else the
// first URL-encoded form, else the first multipart form, else the first other one. The
// media type is nil when the document gives none for that name.
func pickMediaType(content *orderedmap.Map[string, *v3.MediaType]) (string, *v3.MediaType) {
	var first, form, multipart string
	for name, mt := range content.FromOldest() {
		if first == "" {
			first = name
		}
		if mt == nil {
			continue
		}
		switch t := baseMediaType(name); {
		case isJSON(name):
			return name, mt
		case t == formURLEncoded && form == "":
			form = name
		case t == formMultipart && multipart == "":
			multipart = name
		}
	}
	for _, name := range []string{form, multipart, first} {
		if name != "" {
			return name, content.GetOrZero(name)
		}
	}
	return "", nil
}

// conformingExample is the JSON body's value: the document's example when it conforms to the
// schema, else one built from the schema, which r's description then says. When the value
// built does not conform either, r.Unsatisfiable says why, and a run does not send r.
func (c *converter) conformingExample(r *Request, mt *v3.MediaType) *value {
	given := c.givenMediaExample(mt)
	if mt.Schema == nil {
		return given
	}
	if given != nil {
		bad := c.conform.violation(mt.Schema, given, "body", 0)
		if bad == "" {
			return given
		}
		r.Description = joinParagraphs(r.Description, "The document's example of this body breaks its own schema ("+bad+"): this body is built from the schema.")
	}
	built := newExamples(c.budget).schema(mt.Schema, 0)
	if built == nil {
		return given
	}
	if bad := c.conform.violation(mt.Schema, built, "body", 0); bad != "" {
		r.Unsatisfiable = "no body this request could send meets the document's schema (" + bad + ")"
	}
	return built
}

// joinParagraphs joins two texts with a blank line, either of which may be empty.
func joinParagraphs(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n\n" + b
}

// givenMediaExample is the media type's example, else its first named example, else nil.
func (c *converter) givenMediaExample(mt *v3.MediaType) *value {
	if mt.Example != nil {
		return fromNode(mt.Example, c.budget)
	}
	if mt.Examples != nil {
		for _, ex := range mt.Examples.FromOldest() {
			if ex != nil && ex.Value != nil {
				return fromNode(ex.Value, c.budget)
			}
		}
	}
	return nil
}

// otherBody is the body of a media type that is neither JSON nor a form: the document's
// example as text when it is a string, a number or a boolean (XML or plain text is written
// as a string), else a file when the schema is binary, else the schema's example when that
// is not an object or an array.
func (c *converter) otherBody(mt *v3.MediaType) (apimodel.BodyKind, string) {
	if v := c.givenMediaExample(mt); v != nil && v.kind == scalarValue {
		return apimodel.BodyText, v.text()
	}
	if mt.Schema != nil && isFileSchema(mt.Schema.Schema()) {
		return apimodel.BodyFile, ""
	}
	if v := newExamples(c.budget).schema(mt.Schema, 0); v != nil && v.kind == scalarValue {
		return apimodel.BodyText, v.text()
	}
	return apimodel.BodyText, ""
}

// baseMediaType is a media type without its parameters, in lower case.
func baseMediaType(mediaType string) string {
	t, _, err := mime.ParseMediaType(mediaType)
	if err != nil {
		t = strings.ToLower(strings.TrimSpace(mediaType))
		if i := strings.IndexByte(t, ';'); i >= 0 {
			t = strings.TrimSpace(t[:i])
		}
	}
	return t
}

// isJSON reports whether a media type is application/json or a +json type.
func isJSON(mediaType string) bool {
	t := baseMediaType(mediaType)
	return t == jsonContentType || strings.HasSuffix(t, "+json")
}
