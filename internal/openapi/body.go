package openapi

import (
	"mime"
	"strings"

	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
)

// jsonContentType is the media type of bodies built from schemas.
const jsonContentType = "application/json"

// body picks the request body's media type, a JSON one first, and builds
// its example. Other media types give the content type and no body.
func (c *converter) body(op *v3.Operation) (contentType, body string) {
	if op.RequestBody == nil || op.RequestBody.Content == nil {
		return "", ""
	}
	var first string
	for name, mt := range op.RequestBody.Content.FromOldest() {
		if first == "" {
			first = name
		}
		if mt == nil || !isJSON(name) {
			continue
		}
		c.budget.start()
		v := c.mediaExample(mt)
		if v == nil {
			return name, ""
		}
		return name, v.indent()
	}
	return first, ""
}

// mediaExample is the media type's example, else its first named example,
// else the example of its schema.
func (c *converter) mediaExample(mt *v3.MediaType) *value {
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
	return newExamples(c.budget).schema(mt.Schema, 0)
}

// isJSON reports whether a media type is application/json or a +json type.
func isJSON(mediaType string) bool {
	t, _, err := mime.ParseMediaType(mediaType)
	if err != nil {
		t = strings.ToLower(strings.TrimSpace(mediaType))
	}
	return t == jsonContentType || strings.HasSuffix(t, "+json")
}
