package openapi

import (
	"encoding/json"
	"fmt"
	"mime"
	"reflect"
	"sort"
	"strings"

	"github.com/gen-postman/gen-postman/internal/apimodel"
)

// maxComponentRefs bounds a chain of responses (or links) that refer to others.
const maxComponentRefs = 8

// answerReader turns an answerSource into answers.
type answerReader struct {
	src    answerSource
	schema *schemaWriter
	// inline are the definitions' names of schemas written in an answer, by their JSON: an
	// answer that repeats one refers to the same definition.
	inline map[string]string
	// withSchemas reads the answers' schemas; without, only their statuses, media types and
	// links.
	withSchemas bool
	// named are the definitions' names of the schemas converted, by the decoded schema object:
	// a response of components that many operations refer to is decoded once, and its schema,
	// however large, is converted and written once, not once for each of them.
	named map[uintptr]string
}

func newAnswerReader(src answerSource) *answerReader {
	return &answerReader{src: src, schema: newSchemaWriter(src), inline: map[string]string{}, withSchemas: true, named: map[uintptr]string{}}
}

func (r *answerReader) read() (*answers, error) {
	out := &answers{byOperation: map[string][]apimodel.Response{}}
	for _, op := range r.src.operations() {
		responses, links, err := r.operation(op)
		if err != nil {
			return nil, fmt.Errorf("reading the answers of %s %s: %w", strings.ToUpper(op.method), op.path, err)
		}
		key := operationKey(op.method, op.path)
		if _, dup := out.byOperation[key]; !dup && len(responses) > 0 {
			out.byOperation[key] = responses
			if len(links) > 0 {
				if out.links == nil {
					out.links = map[string][]answerLink{}
				}
				out.links[key] = links
			}
		}
	}
	if err := r.schema.flush(); err != nil {
		return nil, err
	}
	cutCycles(r.schema.defs)
	if len(r.schema.defs) > 0 {
		out.schemas = make(map[string]json.RawMessage, len(r.schema.defs))
		for name, def := range r.schema.defs {
			data, err := json.Marshal(def)
			if err != nil {
				return nil, fmt.Errorf("writing schema %q: %w", name, err)
			}
			out.schemas[name] = data
		}
	}
	return out, nil
}

// operation reads one operation's responses, sorted by status: codes, then ranges, then default.
func (r *answerReader) operation(op decodedOperation) ([]apimodel.Response, []answerLink, error) {
	byStatus, ok := op.responses.(map[string]any)
	if !ok {
		return nil, nil, nil
	}
	var out []apimodel.Response
	var links []answerLink
	for _, status := range keysInOrder(byStatus) {
		if !validStatus(status) {
			continue
		}
		resp, ok := r.resolveResponse(byStatus[status])
		if !ok {
			continue
		}
		a := apimodel.Response{Status: strings.ToUpper(status)}
		if status == "default" {
			a.Status = status
		}
		types, schema := r.media(op, resp)
		a.ContentTypes = types
		if schema != nil && r.withSchemas {
			name, err := r.answerSchema(op, a.Status, schema)
			if err != nil {
				return nil, nil, err
			}
			a.Schema = name
		}
		out = append(out, a)
		if status[0] == '2' {
			links = append(links, r.links(resp)...)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return statusRank(out[i].Status) < statusRank(out[j].Status) })
	return out, links, nil
}

// validStatus reports whether a responses key is one OpenAPI allows: a code, a range such as
// 2XX, or default. Extensions (x-...) and anything else are not answers.
func validStatus(s string) bool {
	if s == "default" {
		return true
	}
	if len(s) != 3 || s[0] < '1' || s[0] > '5' {
		return false
	}
	rangeKey := strings.EqualFold(s[1:], "xx")
	return rangeKey || isIndex(s[1:])
}

// statusRank orders statuses: codes, then ranges, then default.
func statusRank(s string) int {
	switch {
	case s == "default":
		return 2
	case strings.HasSuffix(s, "XX"):
		return 1
	}
	return 0
}

// resolveResponse follows a response's $ref to the responses of components.
func (r *answerReader) resolveResponse(v any) (map[string]any, bool) {
	if v == nil {
		return map[string]any{}, true // a response of nothing but a description, left out before decoding
	}
	return r.resolveComponent(v, "responses", "#/components/responses/", "#/responses/")
}

// resolveComponent follows v's $ref, and the $refs of what it finds, to an entry of a section of
// components, whose local references start with one of prefixes.
func (r *answerReader) resolveComponent(v any, section string, prefixes ...string) (map[string]any, bool) {
	for range maxComponentRefs {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		ref, isRef := m["$ref"].(string)
		if !isRef {
			return m, true
		}
		name := ""
		for _, prefix := range prefixes {
			if rest, ok := strings.CutPrefix(ref, prefix); ok {
				name = rest
				break
			}
		}
		if name == "" || strings.Contains(name, "/") {
			return nil, false
		}
		if v, ok = r.src.component(section, unescapeRefName(name)); !ok {
			return nil, false
		}
	}
	return nil, false
}

// media returns the media types a response's body may have, sorted, and the schema of the
// first JSON one that gives one.
func (r *answerReader) media(op decodedOperation, resp map[string]any) (types []string, schema any) {
	if content, ok := resp["content"].(map[string]any); ok {
		types = keysInOrder(content)
		for _, t := range types {
			m, _ := content[t].(map[string]any)
			if s, ok := m["schema"]; ok && isJSONMedia(t) {
				return types, s
			}
		}
		return types, nil
	}
	s, ok := resp["schema"]
	if !ok {
		return nil, nil // a Swagger 2.0 answer without a schema has no body
	}
	types = r.src.produces(op)
	for _, t := range types {
		if isJSONMedia(t) {
			return types, s
		}
	}
	return types, nil
}

// isJSONMedia reports whether a media type is JSON: application/json, or any type whose
// subtype ends in +json.
func isJSONMedia(t string) bool {
	mt, _, err := mime.ParseMediaType(t)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(t))
	}
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}

// answerSchema converts an answer's schema and returns its definition's name: the component's
// when the answer refers to one, else one named after the operation and status, shared by
// answers whose schemas are the same.
func (r *answerReader) answerSchema(op decodedOperation, status string, schema any) (string, error) {
	// The decoded objects live as long as the source, so that one's address names it alone.
	var at uintptr
	if m, ok := schema.(map[string]any); ok {
		at = reflect.ValueOf(m).Pointer()
		if name, ok := r.named[at]; ok {
			return name, nil
		}
	}
	name, err := r.convertAnswerSchema(op, status, schema)
	if err == nil && at != 0 {
		r.named[at] = name
	}
	return name, err
}

// convertAnswerSchema is answerSchema for a schema not converted yet.
func (r *answerReader) convertAnswerSchema(op decodedOperation, status string, schema any) (string, error) {
	conv, err := r.schema.convert(schema, 0)
	if err != nil {
		return "", err
	}
	if m, ok := conv.(map[string]any); ok && len(m) == 1 {
		if ref, ok := m["$ref"].(string); ok {
			if name, ok := strings.CutPrefix(ref, definitionsPrefix); ok && !strings.Contains(name, "/") {
				return name, nil
			}
		}
	}
	data, err := json.Marshal(conv)
	if err != nil {
		return "", fmt.Errorf("writing the schema of %s: %w", status, err)
	}
	if name, ok := r.inline[string(data)]; ok {
		return name, nil
	}
	name := r.schema.claim(op.method + " " + op.path + " " + status)
	r.inline[string(data)] = name
	r.schema.defs[name] = conv
	return name, nil
}
