package update

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// TestReportFieldsDocumented holds docs/update.md's list of update --json's fields to the
// report's: each key the report writes is named there, and no name there is one it does not.
func TestReportFieldsDocumented(t *testing.T) {
	data, err := os.ReadFile("../../docs/update.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	start := strings.Index(text, "prints the same on stdout as one object:")
	end := strings.Index(text[start+1:], "`--dry-run`")
	if start < 0 || end < 0 {
		t.Fatal("docs/update.md has no list of --json's fields")
	}
	listed := map[string]bool{}
	for _, m := range regexp.MustCompile("`([a-zA-Z]+)`").FindAllStringSubmatch(text[start:start+1+end], -1) {
		listed[m[1]] = true
	}
	written := map[string]bool{}
	var walk func(reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Slice || typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct {
			return
		}
		for i := range typ.NumField() {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			written[name] = true
			walk(f.Type)
		}
	}
	walk(reflect.TypeOf(Report{}))
	for name := range written {
		if !listed[name] {
			t.Errorf("update --json writes %q, which docs/update.md does not list", name)
		}
	}
	for name := range listed {
		if !written[name] && name != "json" {
			t.Errorf("docs/update.md lists %q, which update --json does not write", name)
		}
	}
}
