package openapi

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestPruneResponses(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"operation responses emptied",
			`{"paths": {"/a": {"get": {"summary": "s", "responses": {"200": {"description": "ok", "content": {"x": [1, "}"]}}}, "tags": ["t"]}}}}`,
			`{"paths": {"/a": {"get": {"summary": "s", "responses": {}, "tags": ["t"]}}}}`},
		{"line breaks kept",
			"{\"paths\": {\n\"/a\": {\n\"get\": {\"responses\": {\n\"200\": {}\n}},\n\"post\": {}}}}",
			"{\"paths\": {\n\"/a\": {\n\"get\": {\"responses\": {}},\n\"post\": {}}}}"},
		{"other responses untouched",
			`{"components": {"responses": {"NotFound": {"description": "x"}}}, "paths": {"/a": {"parameters": [{"responses": 1}]}}}`,
			`{"components": {"responses": {"NotFound": {"description": "x"}}}, "paths": {"/a": {"parameters": [{"responses": 1}]}}}`},
		{"escaped quotes in strings", `{"paths": {"/a\"b": {"get": {"description": "\"{[", "responses": {"a": "\\"}}}}}`,
			`{"paths": {"/a\"b": {"get": {"description": "\"{[", "responses": {}}}}}`},
		{"YAML responses emptied",
			"openapi: 3.0.0\npaths:\n  /a:\n    parameters:\n    - name: id\n      in: path\n    get:\n      summary: s\n      responses:\n        '200':\n          description: ok\n\n          content: {}\n      tags: [t]\n    \"post\":\n      responses:   # all of them\n        default: {}\ncomponents:\n  responses:\n    X: {}\n",
			"openapi: 3.0.0\npaths:\n  /a:\n    parameters:\n    - name: id\n      in: path\n    get:\n      summary: s\n      responses: {}\n      tags: [t]\n    \"post\":\n      responses: {}\ncomponents:\n  responses:\n    X: {}\n"},
		{"YAML responses in flow style kept", "paths:\n  /a:\n    get:\n      responses: {'200': {}}\n", "paths:\n  /a:\n    get:\n      responses: {'200': {}}\n"},
		{"YAML text that looks like responses kept",
			"paths:\n  /a:\n    get:\n      description: |\n        responses:\n          x\n      summary: >-\n        a\n    responses:\n      x: 1\n",
			"paths:\n  /a:\n    get:\n      description: |\n        responses:\n          x\n      summary: >-\n        a\n    responses:\n      x: 1\n"},
		{"YAML deeper responses kept",
			"paths:\n  /a:\n    get:\n      requestBody:\n        responses:\n          a: 1\n",
			"paths:\n  /a:\n    get:\n      requestBody:\n        responses:\n          a: 1\n"},
		{"YAML with an anchor left whole",
			"paths:\n  /a:\n    get:\n      responses: &r\n        '200': {}\n  /b:\n    get:\n      responses: *r\n",
			"paths:\n  /a:\n    get:\n      responses: &r\n        '200': {}\n  /b:\n    get:\n      responses: *r\n"},
		{"broken JSON is left alone", `{"paths": {"/a": {"get": {"responses": {"200": `, `{"paths": {"/a": {"get": {"responses": {"200": `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(pruneResponses([]byte(tt.in))); got != tt.want {
				t.Errorf("pruneResponses\n got  %s\n want %s", got, tt.want)
			}
		})
	}
}

// Pruning keeps valid JSON valid, and changes nothing but operations' responses.
func FuzzPruneResponses(f *testing.F) {
	f.Add([]byte(`{"paths": {"/a": {"get": {"responses": {"200": {}}}}}}`))
	f.Add([]byte(`{"paths": {"/a": {"get": {"responses": "x", "a": [1, {"b": null}]}}}, "x": true}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		out := pruneResponses(data)
		if !json.Valid(data) {
			return
		}
		var before, after any
		if err := json.Unmarshal(out, &after); err != nil {
			t.Fatalf("valid input %q became invalid %q: %v", data, out, err)
		}
		_ = json.Unmarshal(data, &before)
		clearResponses(before)
		clearResponses(after)
		if !reflect.DeepEqual(before, after) {
			t.Fatalf("pruning %q changed more than responses: %q", data, out)
		}
	})
}

// clearResponses empties every operation's responses in a decoded document, as pruning does.
func clearResponses(doc any) {
	root, _ := doc.(map[string]any)
	paths, _ := root["paths"].(map[string]any)
	for _, item := range paths {
		ops, _ := item.(map[string]any)
		for _, op := range ops {
			if o, ok := op.(map[string]any); ok {
				if _, has := o["responses"]; has {
					o["responses"] = map[string]any{}
				}
			}
		}
	}
}
