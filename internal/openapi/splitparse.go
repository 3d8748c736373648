package openapi

import (
	"bytes"
	"runtime"
	"slices"
	"sync"

	"github.com/pb33f/go-yaml"
	"github.com/pb33f/libopenapi"
	"github.com/pb33f/libopenapi/datamodel"
	"github.com/pb33f/libopenapi/utils"
)

// minSplitYAML is the size of YAML text from which its largest sections are parsed at once:
// below it, starting workers costs more than it saves.
const minSplitYAML = 256 << 10

// splitSections are the top-level sections that may be parsed on their own: they say nothing of
// the document's version or kind, which the library reads from the rest.
var splitSections = map[string]bool{"paths": true, "components": true, "webhooks": true, "x-webhooks": true}

// readSpecInfo reads the document's version and tree as libopenapi.NewDocumentWithConfiguration
// does. Parsing YAML is most of the time of reading a large document and uses one processor, so
// in a large YAML document in block style each top-level section of paths or components that
// is a quarter of the text or more is parsed by a worker of its own (unless one part would still
// be three quarters of the text), while the library reads the rest, with each such section's lines left blank, so that every line keeps its number. The
// sections' trees are then put back in the document's tree, in the order of their lines. A
// document this does not follow (anchors, flow style or quoted text at the top level, a
// section that does not parse on its own) is read whole.
func readSpecInfo(data []byte, cfg *datamodel.DocumentConfiguration) (*datamodel.SpecInfo, error) {
	sections := splitPoints(data)
	if len(sections) == 0 {
		return readWhole(data, cfg)
	}
	header := make([]byte, 0, len(data))
	at := 0
	for _, s := range sections {
		header = append(header, data[at:s.start]...)
		header = append(header, bytes.Repeat([]byte{'\n'}, bytes.Count(data[s.start:s.end], []byte{'\n'}))...)
		at = s.end
	}
	header = append(header, data[at:]...)

	trees := make([]*yaml.Node, len(sections))
	var wg sync.WaitGroup
	for i, s := range sections {
		wg.Go(func() {
			defer func() { _ = recover() }() // a panic reads the document whole instead
			chunk := make([]byte, 0, s.end)
			chunk = append(chunk, bytes.Repeat([]byte{'\n'}, bytes.Count(data[:s.start], []byte{'\n'}))...)
			chunk = append(chunk, data[s.start:s.end]...)
			var doc yaml.Node
			if yaml.Unmarshal(chunk, &doc) != nil || doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
				return
			}
			m := doc.Content[0]
			if m.Kind != yaml.MappingNode || len(m.Content) != 2 || m.Content[0].Value != s.key {
				return
			}
			trees[i] = m
		})
	}
	info, err := readWhole(header, cfg)
	wg.Wait()
	if err != nil || info == nil || info.RootNode == nil || len(info.RootNode.Content) != 1 || slices.Contains(trees, nil) {
		return readWhole(data, cfg)
	}
	root := info.RootNode.Content[0]
	if root.Kind != yaml.MappingNode || len(root.Content)%2 != 0 {
		return readWhole(data, cfg)
	}
	content := make([]*yaml.Node, 0, len(root.Content)+2*len(trees))
	content = append(content, root.Content...)
	for _, t := range trees {
		content = append(content, t.Content...)
	}
	pairs := make([][2]*yaml.Node, 0, len(content)/2)
	for i := 0; i < len(content); i += 2 {
		pairs = append(pairs, [2]*yaml.Node{content[i], content[i+1]})
	}
	slices.SortStableFunc(pairs, func(a, b [2]*yaml.Node) int { return a[0].Line - b[0].Line })
	root.Content = content[:0]
	for _, p := range pairs {
		root.Content = append(root.Content, p[0], p[1])
	}
	info.SpecBytes = &data
	info.OriginalIndentation = utils.DetermineWhitespaceLengthBytes(data)
	return info, nil
}

// readWhole reads a document as the library does.
func readWhole(data []byte, cfg *datamodel.DocumentConfiguration) (*datamodel.SpecInfo, error) {
	doc, err := libopenapi.NewDocumentWithConfiguration(data, cfg)
	if err != nil {
		return nil, err
	}
	return doc.GetSpecInfo(), nil
}

// splitSection is a top-level section of a YAML document: its key and the bytes of its lines.
type splitSection struct {
	key        string
	start, end int
}

// splitPoints lists the sections of a YAML document that readSpecInfo parses on their own:
// none when the document is small, not YAML in block style, or when only one processor runs.
func splitPoints(data []byte) []splitSection {
	start := skipSpace(data, 0)
	if len(data) < minSplitYAML || runtime.GOMAXPROCS(0) < 2 || start == len(data) || data[start] == '{' ||
		hasYAMLAliasing(data) || bytes.IndexByte(data, '\t') >= 0 {
		return nil
	}
	var all []splitSection
	first := true
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n') + 1
		if end == 0 {
			end = len(data) - off
		}
		line := data[off : off+end]
		lineStart := off
		off += end
		if len(line) == 0 || line[0] == ' ' || line[0] == '#' || line[0] == '\n' || line[0] == '\r' {
			continue
		}
		text := bytes.TrimSpace(line)
		if first && string(text) == "---" {
			first = false
			continue
		}
		first = false
		l := readBlockLine(text)
		quote, ok := l.flowValue(text)
		if quote || !ok {
			return nil
		}
		if l.dash == 0 && string(text) != "---" {
			continue // an item of the section's sequence, which may start at its key's column
		}
		if !l.isKey || l.dash >= 0 {
			return nil
		}
		if len(all) > 0 {
			all[len(all)-1].end = lineStart
		}
		all = append(all, splitSection{key: string(l.key), start: lineStart, end: len(data)})
	}
	var out []splitSection
	rest := len(data)
	largest := 0
	for i, s := range all {
		if size := s.end - s.start; i > 0 && splitSections[s.key] && size*4 >= len(data) {
			out = append(out, s)
			rest -= size
			largest = max(largest, size)
		}
	}
	if max(largest, rest)*4 > len(data)*3 {
		return nil // one part is most of the work: nothing to share
	}
	return out
}
