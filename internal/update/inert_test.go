package update

import (
	"slices"
	"strings"
	"testing"
)

// TestAddedVariablesStayData: a newer document whose new path parameter's example names the
// collection's secret ({{clientSecret}}, {{privateKey}}) adds the variable with that text made
// inert, so that Newman sends the document's text, never the secret.
func TestAddedVariablesStayData(t *testing.T) {
	const v1 = `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /items:
    get: {operationId: listItems, responses: {"200": {description: OK}}}
`
	v2 := v1 + `  /items/{itemId}/keys/{keyRef}:
    get:
      operationId: getKey
      parameters:
        - {name: itemId, in: path, required: true, schema: {type: string, example: "{{clientSecret}}"}}
        - {name: keyRef, in: path, required: true, schema: {type: string, enum: ["{{privateKey}}", "other"]}}
      responses: {"200": {description: OK}}
`
	file := encode(t, fresh(t, []byte(v1)))
	out, report := update(t, file, []byte(v2), Options{})
	for _, name := range []string{"itemId", "keyRef"} {
		if !slices.Contains(report.VariablesAdded, name) {
			t.Errorf("variable %s not added: %+v", name, report.VariablesAdded)
		}
	}
	vars, err := load(t, out).Variables()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vars {
		if strings.Contains(v.Value, "{{") {
			t.Errorf("variable %s = %q: Newman would expand it", v.Key, v.Value)
		}
	}
	for _, want := range []string{`"%7B%7BclientSecret%7D%7D"`, `"%7B%7BprivateKey%7D%7D"`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the collection lacks the inert value %s", want)
		}
	}
}
