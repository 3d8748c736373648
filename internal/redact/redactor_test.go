package redact

import (
	"reflect"
	"strings"
	"testing"
)

func TestRedactor(t *testing.T) {
	r := New([]string{"p@ss w/<x>"}, []string{"id:p%40ss+w%2F%3Cx%3E"})
	in := `raw p@ss w/<x>, form p%40ss+w%2F%3Cx%3E, path p@ss%20w%2F%3Cx%3E, json p@ss w/\u003cx\u003e, basic aWQ6cCU0MHNzK3clMkYlM0N4JTNF`
	got := r.String(in)
	if strings.Contains(got, "p@ss") || strings.Contains(got, "p%40ss") || strings.Contains(got, "aWQ6") {
		t.Errorf("String(%q) = %q", in, got)
	}
	if n := strings.Count(got, Placeholder); n != 5 {
		t.Errorf("%d redactions in %q, want 5", n, got)
	}
	if got := (Redactor{}).String("as is"); got != "as is" {
		t.Errorf("the zero Redactor changed its input: %q", got)
	}
}

func TestRedactorValuesHidesSecretsInDecodedJSON(t *testing.T) {
	red := New([]string{"s3cret"}, nil)
	claims := map[string]any{
		"sub":    "app s3cret",
		"nested": map[string]any{"deep": []any{"x", "s3cret", 3.0}},
		"n":      1.0,
	}
	red.Values(claims)
	want := map[string]any{
		"sub":    "app " + Placeholder,
		"nested": map[string]any{"deep": []any{"x", Placeholder, 3.0}},
		"n":      1.0,
	}
	if !reflect.DeepEqual(claims, want) {
		t.Errorf("Values() = %v, want %v", claims, want)
	}
}

func TestContains(t *testing.T) {
	red := New([]string{"s3cret"}, nil)
	for s, want := range map[string]bool{"no secret here": false, `{"x":"s3\u0063ret"}`: true, "s%33cret": true, "": false} {
		if got := red.Contains(s); got != want {
			t.Errorf("Contains(%q) = %v, want %v", s, got, want)
		}
	}
	if (Redactor{}).Contains("anything") {
		t.Error("the zero Redactor found a secret")
	}
}
