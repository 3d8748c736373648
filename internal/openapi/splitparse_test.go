package openapi

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pb33f/go-yaml"
	"github.com/pb33f/libopenapi/datamodel"
)

// largeYAML is a document of n paths and n schemas, large enough to be split.
func largeYAML(n int) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\n# a comment\ninfo:\n  title: t\n  version: '1'\npaths:\n")
	for i := range n {
		fmt.Fprintf(&b, "  /items%d/{id}:\n    get:\n      summary: 'item %d'\n      description: >-\n        text\n        more\n      parameters:\n      - name: id\n        in: path\n        required: true\n        schema: {type: string}\n      requestBody:\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/S%d'\n      responses: {}\n", i, i, i)
	}
	b.WriteString("tags:\n- name: a\ncomponents:\n  schemas:\n")
	for i := range n {
		fmt.Fprintf(&b, "    S%d:\n      type: object\n      properties:\n        name: {type: string, example: \"n %d\"}\n        count:\n          type: integer\n          example: %d\n", i, i, i)
	}
	b.WriteString("security:\n- oauth: []\n")
	return []byte(b.String())
}

// TestReadSpecInfoSplit holds the parse of a document's sections by workers to the parse of the
// whole document: the same tree, node by node, lines and columns included.
func TestReadSpecInfoSplit(t *testing.T) {
	data := largeYAML(1500)
	if len(splitPoints(data)) != 2 {
		t.Fatalf("a %d-byte document with large paths and components is not split: %v", len(data), splitPoints(data))
	}
	checkSplitSameTree(t, data)
}

// checkSplitSameTree fails when readSpecInfo's tree differs from the library's own.
func checkSplitSameTree(t *testing.T, data []byte) {
	t.Helper()
	cfg := datamodel.NewDocumentConfiguration()
	cfg.SkipJSONConversion = true
	split, err := readSpecInfo(data, cfg)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := readWhole(data, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if split.Version != whole.Version || split.SpecFormat != whole.SpecFormat || split.NumLines != whole.NumLines ||
		split.OriginalIndentation != whole.OriginalIndentation {
		t.Errorf("spec info differs: %s %s %d %d, want %s %s %d %d", split.Version, split.SpecFormat, split.NumLines,
			split.OriginalIndentation, whole.Version, whole.SpecFormat, whole.NumLines, whole.OriginalIndentation)
	}
	if path := diffTrees(split.RootNode, whole.RootNode, "$"); path != "" {
		t.Errorf("trees differ at %s", path)
	}
}

// diffTrees returns where two trees first differ, or "".
func diffTrees(a, b *yaml.Node, path string) string {
	if a == nil || b == nil {
		if a != b {
			return path
		}
		return ""
	}
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor ||
		a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) {
		return fmt.Sprintf("%s (line %d/%d, %q/%q)", path, a.Line, b.Line, a.Value, b.Value)
	}
	for i := range a.Content {
		if d := diffTrees(a.Content[i], b.Content[i], fmt.Sprintf("%s[%d]", path, i)); d != "" {
			return d
		}
	}
	return ""
}

func TestSplitPointsRefuses(t *testing.T) {
	big := string(largeYAML(1500))
	for name, doc := range map[string]string{
		"small":                    "openapi: 3.0.3\npaths:\n  /a:\n    get: {}\n",
		"an anchor":                big + "x-a: &a 1\nx-b: *a\n",
		"quoted text at top level": strings.Replace(big, "openapi: 3.0.3\n", "openapi: 3.0.3\nx-text: 'a\nb'\n", 1),
		"flow style at top level":  strings.Replace(big, "openapi: 3.0.3\n", "openapi: 3.0.3\nx-list: [a,\n  b]\n", 1),
		"a second document":        big + "---\nopenapi: 3.0.3\n",
		"JSON":                     "{" + strings.Repeat(" ", minSplitYAML) + "}",
	} {
		if got := splitPoints([]byte(doc)); got != nil {
			t.Errorf("%s: split at %v", name, got)
		}
	}
}
