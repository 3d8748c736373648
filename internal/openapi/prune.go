package openapi

import (
	"bytes"
	"iter"
)

// pruneResponses returns a JSON or YAML document with each operation's responses emptied: gen-postman
// writes no saved responses, and in real documents they are most of the text (57% of Logto's),
// so the library builds a model half the size. Everything else is copied byte for byte, line
// breaks included, so that the order the library reads from line numbers is kept. Input that is
// not a JSON object, or that this scanner cannot follow, is returned as it is: the library
// reports what is wrong with it.
func pruneResponses(data []byte) []byte {
	out, _ := cutResponses(data)
	return out
}

// cutResponses is pruneResponses that also returns the text it cut: each operation's responses,
// for the contract tests. The cut is nil when the document is returned as it is.
func cutResponses(data []byte) ([]byte, *responsesCut) {
	start := skipSpace(data, 0)
	if start == len(data) {
		return data, nil
	}
	if data[start] != '{' {
		return pruneYAMLResponses(data)
	}
	cut := &responsesCut{}
	type frame struct {
		object    bool
		expectKey bool
		key       string
	}
	var stack []frame
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == '"':
			end := stringEnd(data, i)
			if end < 0 {
				return data, nil
			}
			out = append(out, data[i:end]...)
			isKey := len(stack) > 0 && stack[len(stack)-1].object && stack[len(stack)-1].expectKey
			key := data[i+1 : end-1]
			i = end
			if !isKey {
				continue
			}
			top := &stack[len(stack)-1]
			top.expectKey = false
			if len(stack) <= 3 {
				top.key = string(key)
			}
			if len(stack) == 1 && string(key) == "swagger" {
				cut.swagger2 = true
			}
			// paths → path item → operation → responses
			if len(stack) == 4 && string(key) == "responses" && stack[0].key == "paths" {
				j := skipSpace(data, i)
				if j == len(data) || data[j] != ':' {
					return data, nil
				}
				out = append(out, data[i:j+1]...)
				k := skipSpace(data, j+1)
				out = append(out, data[j+1:k]...)
				end := valueEnd(data, k)
				if end < 0 {
					return data, nil
				}
				out = append(out, '{', '}')
				if httpMethods[stack[2].key] {
					cut.ops = append(cut.ops, cutOperation{path: stack[1].key, method: stack[2].key, text: data[k:end]})
				}
				i = end
			}
			continue
		case c == '{':
			stack = append(stack, frame{object: true, expectKey: true})
		case c == '[':
			stack = append(stack, frame{})
		case c == '}' || c == ']':
			if len(stack) == 0 {
				return data, nil
			}
			stack = stack[:len(stack)-1]
		case c == ',':
			if len(stack) > 0 && stack[len(stack)-1].object {
				stack[len(stack)-1].expectKey = true
			}
		}
		out = append(out, c)
		i++
	}
	return out, cut
}

// skipSpace returns the index of the first byte at or after i that is not JSON white space.
func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// stringEnd returns the index just past the JSON string that starts at data[i], or -1.
func stringEnd(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// valueEnd returns the index just past the JSON value that starts at data[i], or -1.
func valueEnd(data []byte, i int) int {
	if i >= len(data) {
		return -1
	}
	switch data[i] {
	case '"':
		return stringEnd(data, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(data); j++ {
			switch data[j] {
			case '"':
				end := stringEnd(data, j)
				if end < 0 {
					return -1
				}
				j = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return -1
	}
	j := i
	for j < len(data) && data[j] != ',' && data[j] != '}' && data[j] != ']' && data[j] != ' ' && data[j] != '\n' && data[j] != '\r' && data[j] != '\t' {
		j++
	}
	return j
}

// httpMethods are the keys of a path item that are operations.
var httpMethods = map[string]bool{
	"get": true, "put": true, "post": true, "delete": true, "options": true,
	"head": true, "patch": true, "trace": true, "query": true,
}

// hasYAMLAliasing reports whether a YAML document holds what makes one part of it stand for
// another: an anchor or an alias as a value or a list item, or a merge key (text that only
// looks like one, such as "a: &amp;", counts too). It matches where the regular expression
//
//	(?m)(?::|^\s*-)\s+(?:&\S+(?:\s|$)|\*[^\s*]+\s*$)|^\s*<<\s*:
//
// does (the tests hold them to each other), in one pass: that expression, with no literal to
// start from, took a third of the time of reading a 3.5 MB document.
func hasYAMLAliasing(data []byte) bool {
	for p, c := range data {
		switch c {
		case '&':
			if afterKeyOrItem(data, p) && p+1 < len(data) && !isYAMLSpace(data[p+1]) {
				return true
			}
		case '*':
			if afterKeyOrItem(data, p) && aliasEndsLine(data, p+1) {
				return true
			}
		case '<':
			if p+1 < len(data) && data[p+1] == '<' && blankBefore(data, p) && colonAfter(data, p+2) {
				return true
			}
		}
	}
	return false
}

// isYAMLSpace is the expression's \s: space, tab, line feed, form feed, carriage return.
func isYAMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// afterKeyOrItem reports whether white space, at least one character of it, separates the
// character at p from a colon before it, or from a dash with nothing but white space before it
// on its line.
func afterKeyOrItem(data []byte, p int) bool {
	q := p - 1
	for q >= 0 && isYAMLSpace(data[q]) {
		q--
	}
	switch {
	case q < 0 || q == p-1:
		return false
	case data[q] == ':':
		return true
	case data[q] == '-':
		return blankBefore(data, q)
	}
	return false
}

// blankBefore reports whether the characters of i's line before it are all white space.
func blankBefore(data []byte, i int) bool {
	for j := i - 1; j >= 0 && data[j] != '\n'; j-- {
		if !isYAMLSpace(data[j]) {
			return false
		}
	}
	return true
}

// aliasEndsLine reports whether an alias's name starts at i, at least one character that is
// neither white space nor *, and only white space follows it to the end of its line.
func aliasEndsLine(data []byte, i int) bool {
	e := i
	for e < len(data) && !isYAMLSpace(data[e]) && data[e] != '*' {
		e++
	}
	if e == i {
		return false
	}
	for ; e < len(data); e++ {
		switch c := data[e]; {
		case c == '\n':
			return true
		case !isYAMLSpace(c):
			return false
		}
	}
	return true
}

// colonAfter reports whether a colon follows i, after white space if any.
func colonAfter(data []byte, i int) bool {
	for i < len(data) && isYAMLSpace(data[i]) {
		i++
	}
	return i < len(data) && data[i] == ':'
}

// pruneYAMLResponses is pruneResponses for a YAML document in block style, read line by line:
// under the top-level "paths:", each "responses:" key of an operation and the lines indented
// under it become "responses: {}". Whatever it does not follow is copied as it is: flow style,
// anchors and aliases (the document is then returned whole), keys it cannot read. Lines are only
// removed, never reordered, so the order the library reads from line numbers is kept.
func pruneYAMLResponses(data []byte) ([]byte, *responsesCut) {
	if hasYAMLAliasing(data) || bytes.IndexByte(data, '\t') >= 0 {
		return data, nil
	}
	cut := &responsesCut{yaml: true}
	var held *cutOperation // the operation whose responses are being cut
	path, method := "", ""
	out := make([]byte, 0, len(data))
	inPaths := false
	pathIndent, itemIndent, opIndent := -1, -1, -1
	inOperation := false
	scalarIndent := -1 // lines indented past this one continue a scalar value
	dropIndent := -1   // lines indented past this one are a dropped responses block
	for l := range yamlLines(data) {
		line, text, indent := l.raw, l.text, l.indent
		if l.blank() {
			if dropIndent < 0 {
				out = append(out, line...)
			} else {
				held.text = append(held.text, line...)
			}
			continue
		}
		if dropIndent >= 0 {
			if indent > dropIndent {
				held.text = append(held.text, line...)
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
		out = append(out, line...)
		key, value, ok := yamlKey(text)
		if !ok {
			continue
		}
		if value != "" {
			scalarIndent = indent
		}
		if indent == 0 {
			cut.swagger2 = cut.swagger2 || key == "swagger"
			inPaths = key == "paths" && value == ""
			pathIndent, itemIndent, opIndent, inOperation = -1, -1, -1, false
			continue
		}
		if !inPaths {
			continue
		}
		switch {
		case pathIndent < 0 || indent <= pathIndent:
			pathIndent, itemIndent, opIndent, inOperation = indent, -1, -1, false
			path = key
			cut.partial = cut.partial || value != "" && value != "{}"
		case itemIndent < 0 || indent <= itemIndent:
			itemIndent, opIndent = indent, -1
			inOperation = httpMethods[key] && value == ""
			method = key
			cut.partial = cut.partial || httpMethods[key] && value != "" && value != "{}"
		case inOperation && (opIndent < 0 || indent == opIndent):
			opIndent = indent
			// Responses in flow style stay as they are, and are not cut.
			cut.partial = cut.partial || key == "responses" && value != "" && value != "{}"
			if key == "responses" && value == "" {
				out = append(out[:len(out)-len(line)], line[:indent]...)
				out = append(out, "responses: {}\n"...)
				dropIndent = indent
				cut.ops = append(cut.ops, cutOperation{path: path, method: method})
				held = &cut.ops[len(cut.ops)-1]
			}
		}
	}
	return out, cut
}

// yamlKey reads a line of a block mapping, "key: value" or "key:", with the key plain or
// quoted; the value comes back without a trailing comment. ok is false for anything else.
func yamlKey(text []byte) (key, value string, ok bool) {
	k, v, ok := yamlKeyBytes(text)
	return string(k), string(v), ok
}

// yamlKeyBytes is yamlKey with the key and the value as parts of text, so that nothing is
// copied; the value is nil when there is none.
func yamlKeyBytes(text []byte) (key, value []byte, ok bool) {
	var rest []byte
	switch text[0] {
	case '"', '\'':
		end := bytes.IndexByte(text[1:], text[0])
		if end < 0 || bytes.IndexByte(text[1:end+1], '\\') >= 0 {
			return nil, nil, false
		}
		key, rest = text[1:end+1], text[end+2:]
		if len(rest) == 0 || rest[0] != ':' {
			return nil, nil, false
		}
		rest = rest[1:]
	case '-', '?', '[', '{', '&', '*', '!', '|', '>', '%', '@', '`':
		return nil, nil, false
	default:
		i := bytes.Index(text, []byte(": "))
		switch {
		case i >= 0:
		case text[len(text)-1] == ':':
			i = len(text) - 1
		default:
			return nil, nil, false
		}
		key, rest = text[:i], text[i+1:]
	}
	if len(rest) > 0 && rest[0] != ' ' {
		return nil, nil, false
	}
	rest = bytes.TrimSpace(rest)
	if len(rest) == 0 || rest[0] == '#' {
		return key, nil, true
	}
	return key, rest, true
}

// yamlLine is one line of YAML text: as written, and its content without its indentation and
// the white space at its end.
type yamlLine struct {
	raw, text []byte
	indent    int
}

// blank reports whether the line holds nothing but white space or a comment.
func (l yamlLine) blank() bool { return len(l.text) == 0 || l.text[0] == '#' }

// yamlLines yields the lines of YAML text, in order.
func yamlLines(data []byte) iter.Seq[yamlLine] {
	return func(yield func(yamlLine) bool) {
		for rest := data; len(rest) > 0; {
			end := bytes.IndexByte(rest, '\n') + 1
			if end == 0 {
				end = len(rest)
			}
			line := rest[:end]
			rest = rest[end:]
			text := bytes.TrimLeft(line, " ")
			if !yield(yamlLine{raw: line, text: bytes.TrimSpace(text), indent: len(line) - len(text)}) {
				return
			}
		}
	}
}
