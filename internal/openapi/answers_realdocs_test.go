//go:build realdocs

package openapi

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestRealDocsAnswers reads the answers of every real document twice, from the text
// pruneResponses cuts and from the whole document decoded, and wants the same responses and
// schemas; and a draft-07 validator compiles every schema written.
func TestRealDocsAnswers(t *testing.T) {
	entries, err := os.ReadDir(realDocsDir())
	if err != nil {
		t.Fatalf("reading %s: %v", realDocsDir(), err)
	}
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if e.IsDir() || (ext != ".json" && ext != ".yaml" && ext != ".yml") {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			data := readRealDoc(t, e.Name())
			pruned, cut := cutResponses(data)
			fromCut, err := readAnswers(data, pruned, cut, indexComponents(pruned), true)
			if err != nil {
				t.Fatal(err)
			}
			src, err := wholeSource(data)
			if err != nil {
				t.Fatal(err)
			}
			fromWhole, err := newAnswerReader(src).read()
			if err != nil {
				t.Fatal(err)
			}
			if len(fromCut.byOperation) == 0 || len(fromCut.schemas) == 0 {
				t.Fatalf("%d operations with answers, %d schemas: want some", len(fromCut.byOperation), len(fromCut.schemas))
			}
			if cut != nil && !cut.swagger2 {
				compareAnswers(t, fromCut, fromWhole)
			}
			compileAnswers(t, fromCut.schemas)
			t.Logf("%d operations, %d schemas", len(fromCut.byOperation), len(fromCut.schemas))
		})
	}
}

// compareAnswers wants a and b to say the same of every operation: the same statuses, media
// types and schemas, whatever the names of the schemas written inline.
func compareAnswers(t *testing.T, a, b *answers) {
	t.Helper()
	if len(a.byOperation) != len(b.byOperation) {
		t.Errorf("%d operations with answers, and %d", len(a.byOperation), len(b.byOperation))
	}
	for key, ra := range a.byOperation {
		rb := b.byOperation[key]
		if len(ra) != len(rb) {
			t.Errorf("%s: %d responses, and %d", key, len(ra), len(rb))
			continue
		}
		for i := range ra {
			if ra[i].Status != rb[i].Status || !reflect.DeepEqual(ra[i].ContentTypes, rb[i].ContentTypes) {
				t.Errorf("%s: %+v, and %+v", key, ra[i], rb[i])
			}
			if string(a.schemas[ra[i].Schema]) != string(b.schemas[rb[i].Schema]) {
				t.Errorf("%s %s: schema\n %s\n and\n %s", key, ra[i].Status, a.schemas[ra[i].Schema], b.schemas[rb[i].Schema])
			}
		}
	}
}
