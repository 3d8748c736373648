package update

import (
	"fmt"
	"testing"
)

// sdkShape reshapes a collection file as a load and toJSON of Postman's collection SDK does
// (postman-collection 5.3.1): url.raw dropped, descriptions as objects, ids given to items
// without one, empty query, variable, event and response lists written, path variables typed
// "any", form fields' type "text" dropped. The end-to-end suite
// checks the same with the SDK itself.
func sdkShape(t testing.TB, data []byte) []byte {
	t.Helper()
	n := 0
	describe := func(m tree) {
		if d, ok := m["description"].(string); ok {
			m["description"] = tree{"content": d, "type": "text/plain"}
		}
	}
	var walk func(items []any)
	walk = func(items []any) {
		for _, it := range items {
			item := it.(tree)
			if _, ok := item["id"]; !ok {
				n++
				item["id"] = fmt.Sprintf("00000000-0000-4000-8000-%012d", n)
			}
			describe(item)
			if sub, ok := item["item"].([]any); ok {
				walk(sub)
				continue
			}
			for _, key := range []string{"event", "response"} {
				if _, ok := item[key]; !ok {
					item[key] = []any{}
				}
			}
			req, _ := item["request"].(tree)
			if req == nil {
				continue
			}
			describe(req)
			if body, ok := req["body"].(tree); ok {
				for _, mode := range []string{"urlencoded", "formdata"} {
					fields, _ := body[mode].([]any)
					for _, f := range fields {
						if f := f.(tree); f["type"] == "text" {
							delete(f, "type")
						}
					}
				}
			}
			if u, ok := req["url"].(tree); ok {
				delete(u, "raw")
				for _, key := range []string{"query", "variable"} {
					if _, ok := u[key]; !ok {
						u[key] = []any{}
					}
					for _, p := range u[key].([]any) {
						describe(p.(tree))
						if key == "variable" {
							p.(tree)["type"] = "any"
						}
					}
				}
			}
		}
	}
	return edited(t, data, func(c tree) {
		walk(c["item"].([]any))
		for _, v := range c["variable"].([]any) {
			describe(v.(tree))
		}
	})
}

func TestMergeReadsTheSDKShape(t *testing.T) {
	v1 := encode(t, fresh(t, readDoc(t, "pets-v1.yaml")))
	shaped := sdkShape(t, v1)
	if _, report := update(t, shaped, readDoc(t, "pets-v1.yaml"), Options{}); report.Changed || len(report.Updated) != 0 {
		t.Errorf("the same document changed a collection the SDK reshaped: %+v", report)
	}
	_, want := update(t, edited(t, v1, userEdits), readDoc(t, "pets-v2.yaml"), Options{})
	_, got := update(t, sdkShape(t, edited(t, v1, userEdits)), readDoc(t, "pets-v2.yaml"), Options{})
	got.Changed, want.Changed = true, true
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("reshaped by the SDK, the update reports\n%+v\nwant, as without the SDK,\n%+v", got, want)
	}
}
