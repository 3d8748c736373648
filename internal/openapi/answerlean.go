package openapi

import "bytes"

// leanKeys are the keys of responses and schemas that say nothing of what an answer may be:
// their lines, and the lines under them, are left out before the text is decoded. Most of a
// real document's responses and schemas are such text (Okta's descriptions and examples), and
// decoding YAML is most of the time of reading answers.
var leanKeys = map[string]bool{
	"description": true, "example": true, "examples": true, "externalDocs": true, "xml": true,
	"title": true, "headers": true, "deprecated": true, "summary": true,
}

// keptExtensions are the extensions that say what an answer may be.
var keptExtensions = map[string]bool{"x-nullable": true}

// valueKeys are the keywords whose value is a value, not a schema: it is kept whole, whatever
// its keys are called.
var valueKeys = map[string]bool{"enum": true, "const": true}

// nameKeys are the keys whose entries are named by the document, not keywords: a property may
// be called "description".
var nameKeys = map[string]bool{
	"": true, "properties": true, "patternProperties": true, "content": true, "schemas": true,
	"definitions": true, "responses": true, "encoding": true, "mapping": true, "dependentSchemas": true,
	"$defs": true, "links": true, "parameters": true,
}

// leanYAML returns YAML text in block style without the entries of leanKeys that are keywords
// (not names under properties and the like, nor keys of a value under enum or const), nor
// extensions (x-...) but those of keptExtensions. Lines are only left out,
// so that what it keeps reads as it did; a caller decodes the text as written when what this
// returns does not decode.
func leanYAML(text []byte) []byte {
	type level struct {
		indent int
		key    string
	}
	var stack []level
	out := make([]byte, 0, len(text)/2)
	dropIndent, scalarIndent := -1, -1
	for l := range yamlLines(text) {
		line, content, indent := l.raw, l.text, l.indent
		if l.blank() {
			if dropIndent < 0 {
				out = append(out, line...)
			}
			continue
		}
		if dropIndent >= 0 {
			if indent > dropIndent {
				continue
			}
			dropIndent = -1
		}
		if scalarIndent >= 0 {
			if indent > scalarIndent {
				out = append(out, line...)
				continue
			}
			scalarIndent = -1
		}
		item := false
		for len(content) > 1 && content[0] == '-' && content[1] == ' ' {
			item = true
			trimmed := bytes.TrimLeft(content[1:], " ")
			indent += len(content) - len(trimmed)
			content = trimmed
		}
		for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		key, value, ok := yamlKeyBytes(content)
		if !ok {
			out = append(out, line...)
			if !item {
				scalarIndent = indent
			}
			continue
		}
		parent := ""
		if len(stack) > 0 {
			parent = stack[len(stack)-1].key
		}
		keyword := !item && !nameKeys[parent]
		if keyword && (leanKeys[string(key)] || bytes.HasPrefix(key, []byte("x-")) && !keptExtensions[string(key)]) {
			dropIndent = indent
			continue
		}
		out = append(out, line...)
		if len(value) > 0 || keyword && valueKeys[string(key)] {
			scalarIndent = indent
			continue
		}
		stack = append(stack, level{indent: indent, key: string(key)})
	}
	return out
}
