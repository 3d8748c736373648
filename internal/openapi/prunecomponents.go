package openapi

import (
	"bytes"
	"encoding/json"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// prunableSections are the sections of components whose entries are read only where a $ref
// names them. Security schemes are read by name from security requirements, and stay.
var prunableSections = map[string]bool{
	"schemas": true, "responses": true, "parameters": true, "examples": true, "requestBodies": true,
	"headers": true, "links": true, "callbacks": true, "pathItems": true,
}

// componentEntry is one entry of a prunable section of components: its section, its name and
// the bytes it spans in the document.
type componentEntry struct {
	section, name string
	group         int // which section of the document: sections may repeat a name
	start, end    int
}

// pruneComponents returns a JSON or YAML document without the entries of components that
// nothing it keeps refers to, directly or through other entries: once operations' responses are
// pruned, most of a large document's schemas and examples serve only them (Okta's document keeps
// 40% of its text). A reference is any text "#/components/SECTION/NAME", wherever it stands
// (a description too), so that every entry the library could resolve stays; a name read up to
// anything but a quote or a slash keeps every entry whose name starts with it. A document this
// scanner cannot follow (escapes that could spell a reference, YAML flow collections or quoted
// text over several lines in components, anchors) is returned as it is. Entries are removed
// whole, and nothing else changes, so the order the library reads from line numbers is kept.
func pruneComponents(data []byte) []byte {
	return pruneIndexedComponents(data, indexComponents(data))
}

// componentIndex lists the entries of a document's components.
type componentIndex struct {
	entries []componentEntry
	yaml    bool
	// ok is false when the scanner could not follow the document's components.
	ok bool
}

// indexComponents lists the entries of data's components, once for both pruneComponents and the
// answers, which read the entries their schemas refer to.
func indexComponents(data []byte) componentIndex {
	start := skipSpace(data, 0)
	idx := componentIndex{yaml: start == len(data) || data[start] != '{'}
	if idx.yaml {
		idx.entries, idx.ok = yamlComponentEntries(data)
	} else {
		idx.entries, idx.ok = jsonComponentEntries(data)
	}
	return idx
}

// pruneIndexedComponents is pruneComponents with data's components listed.
func pruneIndexedComponents(data []byte, idx componentIndex) []byte {
	if !idx.ok || len(idx.entries) == 0 || hidesReferences(data) {
		return data
	}
	keep, ok := referencedEntries(data, idx.entries, idx.yaml)
	if !ok {
		return data
	}
	if idx.yaml {
		return dropYAMLEntries(data, idx.entries, keep)
	}
	return dropJSONEntries(data, idx.entries, keep)
}

// hidesReferences reports whether the document holds an escape that could spell what starts a
// reference ("#/components/" and a section's name) in other characters: \/, \x, \U, or \u
// for #, / or an ASCII letter. An escape inside a name ends the name read, which is then a
// prefix.
func hidesReferences(data []byte) bool {
	for i := 0; i+1 < len(data); i++ {
		next := bytes.IndexByte(data[i:len(data)-1], '\\')
		if next < 0 {
			return false
		}
		i += next
		switch data[i+1] {
		case '/', 'x', 'U':
			return true
		case 'u':
			if i+5 >= len(data) {
				return true
			}
			if code, err := strconv.ParseUint(string(data[i+2:i+6]), 16, 16); err == nil {
				if c := rune(code); c == '#' || c == '/' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
					return true
				}
			}
		}
		i++ // the escaped character
	}
	return false
}

// componentRef is one "#/components/..." text: where it stands, what it names, and whether the
// name was read up to its end (a quote or a slash) or may go on (prefix).
type componentRef struct {
	at            int
	section, name string
	prefix        bool
}

// referencedEntries marks the entries that the text outside every entry refers to, directly or
// through the entries it refers to. Entries that refer to what no entry is (a $ref to nothing,
// which the library warns of wherever it stands) are kept as if referred to, and so is, in
// YAML, each section's first entry, which stays when none of its section does (see
// dropYAMLEntries). ok is false when a reference cannot be read.
func referencedEntries(data []byte, entries []componentEntry, yaml bool) (keep []bool, ok bool) {
	refs, ok := componentRefs(data)
	if !ok {
		return nil, false
	}
	// entries are in document order; owner finds the entry a reference stands in, or -1.
	owner := func(at int) int {
		i := sort.Search(len(entries), func(i int) bool { return entries[i].end > at })
		if i < len(entries) && entries[i].start <= at {
			return i
		}
		return -1
	}
	bySection := map[string][]int{}
	byName := map[[2]string][]int{}
	for i, e := range entries {
		bySection[e.section] = append(bySection[e.section], i)
		key := [2]string{e.section, e.name}
		byName[key] = append(byName[key], i)
	}
	// named lists the entries a reference may name.
	named := func(r componentRef) []int {
		forms, cut := refForms(r.name)
		if !r.prefix {
			var out []int
			for _, f := range forms {
				out = append(out, byName[[2]string{r.section, f}]...)
			}
			return out
		}
		var out []int
		for _, i := range bySection[r.section] {
			for _, f := range forms {
				if cut || strings.HasPrefix(entries[i].name, f) {
					out = append(out, i)
					break
				}
			}
		}
		return out
	}
	inside := make([][]int, len(entries))
	keep = make([]bool, len(entries))
	var todo []int
	// An entry kept keeps every entry of its name in its section: a document that repeats a
	// name reads as one of them, which pruning must not choose.
	seed := func(i int) {
		for _, j := range byName[[2]string{entries[i].section, entries[i].name}] {
			if !keep[j] {
				keep[j] = true
				todo = append(todo, j)
			}
		}
	}
	for _, r := range refs {
		targets := named(r)
		o := owner(r.at)
		switch {
		case o < 0:
			for _, i := range targets {
				seed(i)
			}
		case len(targets) == 0:
			seed(o)
		default:
			inside[o] = append(inside[o], targets...)
		}
	}
	if yaml {
		for i, e := range entries {
			if i == 0 || entries[i-1].group != e.group {
				seed(i)
			}
		}
	}
	for len(todo) > 0 {
		i := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		for _, t := range inside[i] {
			seed(t)
		}
	}
	return keep, true
}

// refForms returns the names a reference's name may stand for: as written, with JSON pointer
// escapes decoded, and then percent-decoded. cut is true when the name stops inside a percent
// escape, so that no prefix of a name can be told.
func refForms(name string) (forms []string, cut bool) {
	forms = []string{name}
	decoded := strings.ReplaceAll(strings.ReplaceAll(name, "~1", "/"), "~0", "~")
	if decoded != name {
		forms = append(forms, decoded)
	}
	u, err := url.PathUnescape(decoded)
	switch {
	case err != nil:
		cut = true
	case u != decoded:
		forms = append(forms, u)
	}
	return forms, cut
}

// componentRefs lists every "#/components/SECTION/NAME" text of the document. ok is false when
// one does not name its section up to a slash.
func componentRefs(data []byte) ([]componentRef, bool) {
	const marker = "#/components/"
	var refs []componentRef
	for at := 0; ; {
		i := bytes.Index(data[at:], []byte(marker))
		if i < 0 {
			return refs, true
		}
		at += i
		p := at + len(marker)
		s := p
		for p < len(data) && data[p] != '/' && !endsName(data[p]) {
			p++
		}
		if p == len(data) || data[p] != '/' {
			return nil, false
		}
		r := componentRef{at: at, section: string(data[s:p])}
		p++
		s = p
		for p < len(data) && data[p] != '/' && !endsName(data[p]) {
			p++
		}
		r.name = string(data[s:p])
		r.prefix = p == len(data) || data[p] != '/' && data[p] != '"' && data[p] != '\''
		refs = append(refs, r)
		at = p
	}
}

// endsName reports whether c cannot be read as part of a reference's name: quotes, white space,
// a backslash, and the punctuation that closes JSON or YAML values.
func endsName(c byte) bool {
	switch c {
	case '"', '\'', '\\', ',', '}', ']', ')', ' ', '\t', '\n', '\r', '\f':
		return true
	}
	return false
}

// jsonMember is one member of a JSON object: its key, decoded, and where it and its value stand.
type jsonMember struct {
	key                  string
	keyStart, valueStart int
	valueEnd             int
}

// jsonMembers lists the members of the JSON object that opens at data[open]. ok is false for
// anything this scanner does not follow.
func jsonMembers(data []byte, open int) (members []jsonMember, end int, ok bool) {
	i := skipSpace(data, open+1)
	if i < len(data) && data[i] == '}' {
		return nil, i + 1, true
	}
	for i < len(data) && data[i] == '"' {
		keyEnd := stringEnd(data, i)
		if keyEnd < 0 {
			return nil, 0, false
		}
		var key string
		if bytes.IndexByte(data[i:keyEnd], '\\') < 0 {
			key = string(data[i+1 : keyEnd-1])
		} else if json.Unmarshal(data[i:keyEnd], &key) != nil {
			return nil, 0, false
		}
		colon := skipSpace(data, keyEnd)
		if colon == len(data) || data[colon] != ':' {
			return nil, 0, false
		}
		value := skipSpace(data, colon+1)
		valueEnd := valueEnd(data, value)
		if valueEnd < 0 || valueEnd == value {
			return nil, 0, false
		}
		members = append(members, jsonMember{key: key, keyStart: i, valueStart: value, valueEnd: valueEnd})
		i = skipSpace(data, valueEnd)
		switch {
		case i < len(data) && data[i] == ',':
			i = skipSpace(data, i+1)
		case i < len(data) && data[i] == '}':
			return members, i + 1, true
		default:
			return nil, 0, false
		}
	}
	return nil, 0, false
}

// jsonComponentEntries lists the entries of the prunable sections of a JSON document's
// components, in document order.
func jsonComponentEntries(data []byte) ([]componentEntry, bool) {
	root, end, ok := jsonMembers(data, skipSpace(data, 0))
	if !ok || skipSpace(data, end) != len(data) {
		return nil, false
	}
	var components *jsonMember
	for i := range root {
		if root[i].key == "components" {
			if components != nil {
				return nil, false
			}
			components = &root[i]
		}
	}
	if components == nil || data[components.valueStart] != '{' {
		return nil, false
	}
	sections, _, ok := jsonMembers(data, components.valueStart)
	if !ok {
		return nil, false
	}
	var entries []componentEntry
	for group, s := range sections {
		if !prunableSections[s.key] || data[s.valueStart] != '{' {
			continue
		}
		members, _, ok := jsonMembers(data, s.valueStart)
		if !ok {
			return nil, false
		}
		for _, m := range members {
			entries = append(entries, componentEntry{section: s.key, name: m.key, group: group, start: m.keyStart, end: m.valueEnd})
		}
	}
	return entries, true
}

// dropJSONEntries removes the entries not kept, each with the comma that separates it from the
// one before it (the one after it for a first entry), so that the JSON stays valid.
func dropJSONEntries(data []byte, entries []componentEntry, keep []bool) []byte {
	type span struct{ start, end int }
	var drop []span
	for first := 0; first < len(entries); {
		last := first
		for last+1 < len(entries) && entries[last+1].group == entries[first].group {
			last++
		}
		// entries[first..last] are one section's members, in order.
		firstKept := -1
		for i := first; i <= last; i++ {
			if keep[i] {
				firstKept = i
				break
			}
		}
		switch {
		case firstKept < 0:
			drop = append(drop, span{entries[first].start, entries[last].end})
		default:
			if firstKept > first {
				drop = append(drop, span{entries[first].start, entries[firstKept].start})
			}
			for i := firstKept + 1; i <= last; i++ {
				if !keep[i] {
					drop = append(drop, span{entries[i-1].end, entries[i].end})
				}
			}
		}
		first = last + 1
	}
	out := make([]byte, 0, len(data))
	at := 0
	for _, d := range drop {
		out = append(out, data[at:d.start]...)
		at = d.end
	}
	return append(out, data[at:]...)
}

// yamlComponentEntries lists the entries of the prunable sections of a YAML document's
// components, in block style, each as its lines up to the next entry's (comment and blank lines
// included). The lines that go on a scalar value (plain or block) are skipped, as
// pruneYAMLResponses does; any other line that opens a flow collection or quoted text and does
// not close it makes it give up, as such text may go on over lines indented less than its own.
func yamlComponentEntries(data []byte) ([]componentEntry, bool) {
	if hasYAMLAliasing(data) || bytes.IndexByte(data, '\t') >= 0 {
		return nil, false
	}
	var entries []componentEntry
	open := -1 // index in entries of the entry whose lines are being read
	closeEntry := func(at int) {
		if open >= 0 {
			entries[open].end = at
			open = -1
		}
	}
	inComponents, seen := false, false
	sectionIndent, entryIndent, scalarIndent := -1, -1, -1
	section, group, prunable := "", 0, false
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n') + 1
		if end == 0 {
			end = len(data) - off
		}
		line := data[off : off+end]
		lineStart := off
		off += end
		text := bytes.TrimLeft(line, " ")
		indent := len(line) - len(text)
		text = bytes.TrimSpace(text)
		if len(text) == 0 || text[0] == '#' {
			continue
		}
		if scalarIndent >= 0 {
			if indent > scalarIndent {
				continue
			}
			scalarIndent = -1
		}
		l := readBlockLine(text)
		quote, ok := l.flowValue(text)
		if !ok {
			return nil, false
		}
		if quote {
			// The quoted text goes on to its closing quote, whatever the lines' indentation;
			// nothing but a comment may follow it on its line.
			start := cap(data) - cap(text) + l.value // text is a part of data
			end := quotedEnd(data, start)
			if end < 0 {
				return nil, false
			}
			next := bytes.IndexByte(data[end:], '\n')
			if next < 0 {
				next = len(data) - end
			}
			rest := data[end : end+next]
			if trimmed := bytes.TrimSpace(rest); len(trimmed) > 0 && (trimmed[0] != '#' || rest[0] != ' ') {
				return nil, false
			}
			off = end + next + 1
			if off > len(data) {
				off = len(data)
			}
		} else if column, ok := l.scalarColumn(text); ok {
			scalarIndent = indent + column
		}
		if indent == 0 {
			closeEntry(lineStart)
			inComponents = l.isKey && l.dash < 0 && string(l.key) == "components"
			if inComponents {
				if seen || l.value != len(text) {
					return nil, false
				}
				seen = true
			}
			continue
		}
		if !inComponents {
			continue
		}
		if sectionIndent < 0 {
			sectionIndent = indent
		}
		switch {
		case indent < sectionIndent:
			return nil, false
		case indent == sectionIndent:
			closeEntry(lineStart)
			if !l.isKey || l.dash >= 0 {
				return nil, false
			}
			section = string(l.key)
			prunable, entryIndent = prunableSections[section] && l.value == len(text), -1
			group++
			continue
		case !prunable:
			continue
		}
		if entryIndent < 0 {
			entryIndent = indent
		}
		switch {
		case indent < entryIndent:
			return nil, false
		case indent == entryIndent:
			closeEntry(lineStart)
			if !l.isKey || l.dash >= 0 {
				return nil, false
			}
			entries = append(entries, componentEntry{section: section, name: string(l.key), group: group, start: lineStart})
			open = len(entries) - 1
		}
	}
	closeEntry(len(data))
	return entries, true
}

// blockLine is what a line of block-style YAML holds, past its indentation: its "- " item
// indicators, a mapping key if it has one, and where its value starts.
type blockLine struct {
	dash  int // column in the text of the last "- ", -1 when there is none
	key   []byte
	isKey bool
	value int // where the value starts in the text; len(text) when there is none
}

// readBlockLine reads a line of block-style YAML, without its indentation.
func readBlockLine(text []byte) blockLine {
	l := blockLine{dash: -1}
	at := 0
	for at+1 < len(text) && text[at] == '-' && text[at+1] == ' ' {
		l.dash = at
		at++
		for at < len(text) && text[at] == ' ' {
			at++
		}
	}
	if at == len(text)-1 && text[at] == '-' {
		l.dash, l.value = at, len(text)
		return l
	}
	key, value, ok := yamlKeyBytes(text[at:])
	switch {
	case !ok:
		l.value = at
	case value == nil:
		l.key, l.isKey, l.value = key, true, len(text)
	default:
		l.key, l.isKey, l.value = key, true, cap(text)-cap(value)
	}
	return l
}

// scalarColumn returns, for a line that holds a value (a mapping key's or a sequence item's),
// the column past which the lines after it go on that value: the key's column, or the dash's.
func (l blockLine) scalarColumn(text []byte) (int, bool) {
	switch {
	case l.value == len(text):
		return 0, false
	case l.isKey:
		return len(text) - len(l.keyAndRest(text)), true
	case l.dash >= 0:
		return l.dash, true
	}
	return 0, true
}

// keyAndRest is the text from the line's key on.
func (l blockLine) keyAndRest(text []byte) []byte {
	if !l.isKey || len(l.key) == 0 {
		return text
	}
	// A quoted key starts one byte before its name.
	start := cap(text) - cap(l.key)
	if start > 0 && (text[start-1] == '"' || text[start-1] == '\'') {
		start--
	}
	return text[start:]
}

// flowValue tells what a line's value is: plain (or a block scalar, or none), a flow
// collection or quoted text closed on its line, a quote that its line does not close (quoted
// text may go on over any lines), or something this scanner does not follow: a flow
// collection not closed on its line, which could go on in the same way, or a tag.
func (l blockLine) flowValue(text []byte) (quote, ok bool) {
	if l.value == len(text) {
		return false, true
	}
	value, last := text[l.value:], text[len(text)-1]
	switch value[0] {
	case '{':
		return false, last == '}'
	case '[':
		return false, last == ']'
	case '"', '\'':
		end := quotedEnd(value, 0)
		if end < 0 {
			return true, true
		}
		rest := bytes.TrimSpace(value[end:])
		return false, len(rest) == 0 || rest[0] == '#' && end < len(value) && value[end] == ' '
	case '!':
		return false, false
	}
	return false, true
}

// quotedEnd returns the index just past the YAML quoted text that starts at data[i] (single
// quotes escape themselves, double quotes take backslash escapes), or -1.
func quotedEnd(data []byte, i int) int {
	q := data[i]
	for j := i + 1; j < len(data); j++ {
		switch {
		case q == '"' && data[j] == '\\':
			j++
		case data[j] == q && q == '\'' && j+1 < len(data) && data[j+1] == '\'':
			j++
		case data[j] == q:
			return j + 1
		}
	}
	return -1
}

// dropYAMLEntries removes the lines of the entries not kept. Each section's first entry is kept
// (see referencedEntries), so that no section is left empty, which would make it null.
func dropYAMLEntries(data []byte, entries []componentEntry, keep []bool) []byte {
	out := make([]byte, 0, len(data))
	at := 0
	for i, e := range entries {
		if keep[i] {
			continue
		}
		out = append(out, data[at:e.start]...)
		at = e.end
	}
	return append(out, data[at:]...)
}
