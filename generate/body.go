package generate

import (
	"mime"
	"strings"

	gpc "github.com/rbretecher/go-postman-collection"

	"github.com/gen-postman/gen-postman/internal/apimodel"
	"github.com/gen-postman/gen-postman/internal/postman"
)

// formField is one field of a urlencoded or formdata body, as the Postman app writes it.
type formField struct {
	Key         string    `json:"key"`
	Value       *string   `json:"value,omitempty"`
	Type        string    `json:"type,omitempty"`
	Src         *[]string `json:"src,omitempty"`
	Description string    `json:"description,omitempty"`
	Disabled    bool      `json:"disabled,omitempty"`
}

// fileSource is the file of a file body: none picked yet, {}.
type fileSource struct{}

// setBody writes r's body into req: text as a raw body with its Content-Type header, a
// URL-encoded form as urlencoded fields (Postman sets the Content-Type), a multipart form as
// formdata fields with no Content-Type header (Postman adds it with the boundary), and a file
// body as a file for the user to pick, with its Content-Type header. Document text never
// becomes a template: JSON is made inert, other text holding "{{" is left out, and so is a
// field's example holding one or a field whose name holds one, each with a warning.
func (w *requestWriter) setBody(req *postman.Request, r apimodel.Request) {
	if !r.HasBody() {
		return
	}
	switch r.BodyKind {
	case apimodel.BodyURLEncoded, apimodel.BodyMultipart:
		fields := w.formFields(r)
		if len(fields) == 0 {
			return
		}
		if r.BodyKind == apimodel.BodyURLEncoded {
			req.Body = &gpc.Body{Mode: "urlencoded", URLEncoded: fields}
		} else {
			req.Body = &gpc.Body{Mode: "formdata", FormData: fields}
		}
		return
	case apimodel.BodyFile:
		w.contentType(req, r)
		req.Body = &gpc.Body{Mode: "file", File: fileSource{}}
		return
	}
	w.contentType(req, r)
	text := r.Body
	switch {
	case isJSONText(r):
		text = inertJSON(text)
	case holdsTemplate(text):
		w.warn("request %q: the example body left out: Postman would read part of it as a variable", r.Name)
		text = ""
	}
	req.Body = &gpc.Body{Mode: "raw", Raw: text}
}

// contentType sets the Content-Type header of a raw or file body.
func (w *requestWriter) contentType(req *postman.Request, r apimodel.Request) {
	if r.ContentType != "" && !holdsTemplate(r.ContentType) {
		req.Header = append(req.Header, &gpc.Header{Key: "Content-Type", Value: r.ContentType})
	}
}

// formFields writes a form's fields; an optional one is written disabled.
func (w *requestWriter) formFields(r apimodel.Request) []formField {
	out := make([]formField, 0, len(r.Fields))
	for _, f := range r.Fields {
		if holdsTemplate(f.Name) {
			w.warn("request %q: form field %q left out: Postman would read its name as a variable", r.Name, f.Name)
			continue
		}
		field := formField{Key: f.Name, Description: f.Description, Disabled: f.Optional}
		switch {
		case f.File && r.BodyKind == apimodel.BodyMultipart:
			field.Type, field.Src = "file", &[]string{}
		default:
			value := f.Value
			if holdsTemplate(value) {
				w.warn("request %q: the example of form field %q left out: Postman would read it as a variable", r.Name, f.Name)
				value = ""
			}
			field.Value, field.Type = &value, "text"
		}
		out = append(out, field)
	}
	return out
}

// isJSONText reports whether a text body is JSON: its media type is application/json, a +json
// type, or none.
func isJSONText(r apimodel.Request) bool {
	if r.ContentType == "" {
		return true
	}
	t, _, err := mime.ParseMediaType(r.ContentType)
	if err != nil {
		t, _, _ = strings.Cut(strings.ToLower(strings.TrimSpace(r.ContentType)), ";")
		t = strings.TrimSpace(t)
	}
	return t == "application/json" || strings.HasSuffix(t, "+json")
}
