package benchdoc

import (
	"encoding/json"
	"testing"
)

func TestMultiply(t *testing.T) {
	doc := `{"openapi": "3.0.1", "paths": {"/a": {"get": {}}, "/b/{id}": {"put": {}}}, "components": {}}`
	out, err := Multiply([]byte(doc), 3)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Paths      map[string]any `json:"paths"`
		Components map[string]any `json:"components"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	for _, p := range []string{"/a", "/b/{id}", "/c2/a", "/c2/b/{id}", "/c3/a", "/c3/b/{id}"} {
		if got.Paths[p] == nil {
			t.Errorf("no path %s in %s", p, out)
		}
	}
	if len(got.Paths) != 6 || got.Components == nil {
		t.Errorf("got %s", out)
	}
	for _, bad := range []string{`[]`, `{"openapi": "3.0.1"}`} {
		if _, err := Multiply([]byte(bad), 2); err == nil {
			t.Errorf("Multiply(%s) gave no error", bad)
		}
	}
}
