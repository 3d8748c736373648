package openapi

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/pb33f/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/gen-postman/gen-postman/internal/apimodel"
)

// answersYAML is a document whose answers show each rule: component schemas and responses by
// $ref, OpenAPI 3.0's nullable and boolean bounds, oneOf, writeOnly, patterns, descriptions and
// examples that must not reach the schemas (a property called description must), and statuses
// written as codes, ranges and default.
const answersYAML = `openapi: 3.0.3
info: {title: Answers, version: "1"}
paths:
  /items:
    get:
      responses:
        "200":
          description: |
            The items.
            example: not a keyword, a line of a description
          content:
            application/json:
              schema:
                type: array
                items: {$ref: '#/components/schemas/Item'}
              example: [{id: "1"}]
        4XX:
          $ref: '#/components/responses/Problem'
        default:
          description: Anything else.
    post:
      responses:
        "201":
          description: Created.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Item'}
        "204":
          description: Nothing.
        x-note: not a status
  /items/{id}:
    delete:
      responses:
        "204": {description: Gone.}
components:
  responses:
    Problem:
      $ref: '#/components/responses/ProblemBody'
    ProblemBody:
      description: A problem.
      content:
        application/problem+json:
          schema:
            type: object
            required: [title]
            properties:
              title: {type: string}
  schemas:
    Item:
      type: object
      description: An item.
      required: [id, secret, description]
      properties:
        id: {type: string, pattern: '^[a-z0-9]+$', format: uuid}
        description: {type: string, nullable: true}
        secret: {type: string, writeOnly: true}
        size: {type: integer, minimum: 0, exclusiveMinimum: true}
        kind:
          oneOf:
            - {type: string, enum: [a, b]}
            - {type: string}
        slashed: {type: string, pattern: '/^x$/'}
        owner: {$ref: '#/components/schemas/Owner'}
    Owner:
      type: object
      nullable: true
      properties:
        name: {type: string}
    Unused:
      type: string
`

func TestAnswersFollowTheRules(t *testing.T) {
	for _, form := range []string{"yaml", "json"} {
		t.Run(form, func(t *testing.T) {
			data := []byte(answersYAML)
			if form == "json" {
				data = yamlToJSON(t, data)
			}
			doc, err := Parse(data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]apimodel.Response{}
			for _, f := range doc.Folders {
				for _, r := range f.Requests {
					got[r.Method+" "+r.Path] = r.Responses
				}
			}
			want := map[string][]apimodel.Response{
				"GET /items": {
					{Status: "200", ContentTypes: []string{"application/json"}, Schema: "get-items-200"},
					{Status: "4XX", ContentTypes: []string{"application/problem+json"}, Schema: "get-items-4XX"},
					{Status: "default"},
				},
				"POST /items": {
					{Status: "201", ContentTypes: []string{"application/json"}, Schema: "Item"},
					{Status: "204"},
				},
				"DELETE /items/{id}": {{Status: "204"}},
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("responses\n got  %+v\n want %+v", got, want)
			}
			wantSchemas := map[string]string{
				"get-items-200": `{"items":{"$ref":"#/definitions/Item"},"type":"array"}`,
				"get-items-4XX": `{"properties":{"title":{"type":"string"}},"required":["title"],"type":"object"}`,
				"Item": `{"properties":{"description":{"type":["string","null"]},"id":{"pattern":"^[a-z0-9]+$","type":"string"},` +
					`"kind":{"anyOf":[{"enum":["a","b"],"type":"string"},{"type":"string"}]},"owner":{"$ref":"#/definitions/Owner"},` +
					`"secret":{"type":"string"},"size":{"exclusiveMinimum":0,"type":"integer"},"slashed":{"type":"string"}},` +
					`"required":["id","description"],"type":"object"}`,
				"Owner": `{"properties":{"name":{"type":"string"}},"type":["object","null"]}`,
			}
			gotSchemas := map[string]string{}
			for name, s := range doc.Schemas {
				gotSchemas[name] = string(s)
			}
			if !reflect.DeepEqual(gotSchemas, wantSchemas) {
				t.Errorf("schemas\n got  %v\n want %v", gotSchemas, wantSchemas)
			}
		})
	}
}

// TestAnswersSchemasValidate holds the written schemas to what they promise: a validator of
// JSON Schema draft-07 compiles every one, and tells a documented answer from an empty one.
func TestAnswersSchemasValidate(t *testing.T) {
	doc, err := Parse([]byte(answersYAML), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkAnswers(t, doc.Schemas, []answerCase{
		{"Item", `{"id":"a1","description":null,"owner":null}`, true},
		{"Item", `{"id":"a1","description":"x","size":1,"kind":"z","owner":{"name":"n"}}`, true},
		{"Item", `{}`, false},
		{"Item", `{"id":"A!","description":null}`, false},
		{"Item", `{"id":"a1","description":null,"size":0}`, false},
		{"get-items-200", `[{"id":"a","description":"d"}]`, true},
		{"get-items-200", `[{}]`, false},
		{"get-items-4XX", `{}`, false},
	})
}

// compileAnswers compiles a document's answer schemas as one draft-07 document, as the
// collection's script does, and returns each definition's schema by name.
func compileAnswers(t *testing.T, schemas map[string]json.RawMessage) func(string) *jsonschema.Schema {
	t.Helper()
	defs := map[string]any{}
	for name, s := range schemas {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(string(s)))
		if err != nil {
			t.Fatalf("schema %s: %v", name, err)
		}
		defs[name] = v
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	if err := c.AddResource("answers.json", map[string]any{"definitions": defs}); err != nil {
		t.Fatal(err)
	}
	compiled := map[string]*jsonschema.Schema{}
	for name := range schemas {
		s, err := c.Compile("answers.json#/definitions/" + name)
		if err != nil {
			t.Fatalf("compiling %s: %v", name, err)
		}
		compiled[name] = s
	}
	return func(name string) *jsonschema.Schema {
		s, ok := compiled[name]
		if !ok {
			t.Fatalf("no schema %q", name)
		}
		return s
	}
}

func TestAnswersNoContracts(t *testing.T) {
	doc, err := Parse([]byte(answersYAML), Options{NoContracts: true})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Schemas != nil {
		t.Errorf("schemas %v, want none", doc.Schemas)
	}
	for _, f := range doc.Folders {
		for _, r := range f.Requests {
			if r.Responses != nil {
				t.Errorf("%s: responses %v, want none", r.Name, r.Responses)
			}
		}
	}
}

// TestAnswersFromSwagger2 reads a Swagger 2.0 document's answers: the schema in the response,
// the media types from the operation's produces, else the document's.
func TestAnswersFromSwagger2(t *testing.T) {
	const doc2 = `{"swagger":"2.0","info":{"title":"S","version":"1"},"host":"api.example.com","produces":["application/json"],
"paths":{"/a":{"get":{"responses":{"200":{"description":"ok","schema":{"$ref":"#/definitions/A"}},"404":{"$ref":"#/responses/NotFound"}}},
"post":{"produces":["text/plain"],"responses":{"200":{"description":"ok","schema":{"type":"string"}}}}}},
"responses":{"NotFound":{"description":"no","schema":{"type":"object","required":["code"],"properties":{"code":{"type":"integer","x-nullable":true}}}}},
"definitions":{"A":{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}}}`
	doc, err := Parse([]byte(doc2), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]apimodel.Response{}
	for _, f := range doc.Folders {
		for _, r := range f.Requests {
			got[r.Method] = r.Responses
		}
	}
	want := map[string][]apimodel.Response{
		"GET": {
			{Status: "200", ContentTypes: []string{"application/json"}, Schema: "A"},
			{Status: "404", ContentTypes: []string{"application/json"}, Schema: "get-a-404"},
		},
		"POST": {{Status: "200", ContentTypes: []string{"text/plain"}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("responses\n got  %+v\n want %+v", got, want)
	}
	if s := string(doc.Schemas["A"]); s != `{"properties":{"id":{"type":"string"}},"required":["id"],"type":"object"}` {
		t.Errorf("schema A: %s", s)
	}
	// Swagger 2.0 has no nullable; x-nullable, which its tools write, says the same.
	checkAnswers(t, doc.Schemas, []answerCase{
		{"get-a-404", `{"code":null}`, true},
		{"get-a-404", `{"code":404}`, true},
		{"get-a-404", `{"code":"404"}`, false},
	})
}

// TestAnswersRefsThatPointElsewhere: a $ref to another file, to another part of the document,
// to a schema that is not there, or through a keyword that is not kept allows any value; a
// $ref into a kept part of a schema points into its definition.
func TestAnswersRefsThatPointElsewhere(t *testing.T) {
	const doc = `{"openapi":"3.1.0","info":{"title":"R","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"ok",
"content":{"application/json":{"schema":{"type":"object","properties":{
"far":{"$ref":"other.json#/X"},"param":{"$ref":"#/components/parameters/P/schema"},"none":{"$ref":"#/components/schemas/Nope"},
"deep":{"$ref":"#/components/schemas/B/properties/n"},"example":{"$ref":"#/components/schemas/B/example"},
"both":{"type":["string","null"]}}}}}}}}}},
"components":{"parameters":{"P":{"name":"p","in":"query","schema":{"type":"string"}}},
"schemas":{"B":{"type":"object","example":{"n":1},"properties":{"n":{"type":"integer"}}}}}}`
	got, err := Parse([]byte(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"properties":{"both":{"type":["string","null"]},"deep":{"$ref":"#/definitions/B/properties/n"},"example":{},"far":{},"none":{},"param":{}},"type":"object"}`
	if s := string(got.Schemas["get-a-200"]); s != want {
		t.Errorf("schema\n got  %s\n want %s", s, want)
	}
	compileAnswers(t, got.Schemas)
}

// TestAnswersOfDocumentsNotCut: a document pruneResponses returns as it is (anchors) has its
// answers read from the whole document, the same as they are read from the cut text.
func TestAnswersOfDocumentsNotCut(t *testing.T) {
	withAnchor := strings.Replace(answersYAML, "info: {title: Answers, version: \"1\"}", "info: {title: Answers, version: \"1\"}\nx-anchor: &anchor {a: 1}", 1)
	_, cut := cutResponses([]byte(withAnchor))
	if cut != nil {
		t.Fatal("the document with an anchor was cut; the test needs one that is not")
	}
	whole, err := Parse([]byte(withAnchor), Options{})
	if err != nil {
		t.Fatal(err)
	}
	fromCut, err := Parse([]byte(answersYAML), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(whole.Schemas, fromCut.Schemas) {
		t.Errorf("schemas differ:\n whole %v\n cut   %v", whole.Schemas, fromCut.Schemas)
	}
}

func TestLeanYAMLKeepsNamesAndScalars(t *testing.T) {
	const in = `properties:
  description:
    type: string
    description: the description property
  example:
    type: integer
note: |
  description: inside a block scalar
  x-nope: too
required:
  - description
items:
  - description: an item's first key stays
    type: string
schema:
  type: object
  x-ext:
    deep: dropped
  example: {a: 1}
level:
  enum:
    - title: an enum's values are kept whole
      description: kept too
    - description: kept
  const:
    description: kept
  x-nullable: true
  x-other: dropped
`
	const want = `properties:
  description:
    type: string
  example:
    type: integer
note: |
  description: inside a block scalar
  x-nope: too
required:
  - description
items:
  - description: an item's first key stays
    type: string
schema:
  type: object
level:
  enum:
    - title: an enum's values are kept whole
      description: kept too
    - description: kept
  const:
    description: kept
  x-nullable: true
`
	if got := string(leanYAML([]byte(in))); got != want {
		t.Errorf("leanYAML\n got\n%s\n want\n%s", got, want)
	}
}

func TestPortablePattern(t *testing.T) {
	for p, want := range map[string]bool{
		`^[a-z]+$`:       true,
		`^(?:ab)+$`:      true,
		`^a(?=b)`:        false, // Go cannot compile it, so it cannot be checked here
		`/^x$/`:          false,
		`^\p{L}+$`:       false,
		`(?i)abc`:        false,
		`\Aabc\z`:        false,
		`(?P<name>x)`:    false,
		`[`:              false,
		`^\d{3}-\d{4}$`:  true,
		`^https?://\S+$`: true,
		`^(a+)+$`:        false,
		`^([a-z]*\d)*$`:  false,
		`^(ab){2,}$`:     true,
		`^(a{2})+$`:      true,
		`^(\w+\s?)*$`:    false,
		// Alternatives that overlap, which Go's parser merges or factors before it can be
		// seen: (a|a) reads as a, (\w|\d) as one class, (a|aa) as aa?.
		`^(a|a)*$`:                false,
		`^(\w|\d)+$`:              false,
		`^(a|aa)*$`:               false,
		`^(a?a?)*$`:               false,
		`^(?:x|y|xy){2,}$`:        false,
		`^(.*,){20}$`:             false,
		`^(\+|-)?\d+$`:            true,
		`^(https?|ftp)://\S+$`:    true,
		`^(\d{1,3}\.){3}\d{1,3}$`: true,
		`^[(|)*]+$`:               true,
		`^\(a|b\)*$`:              true,
		// Go's own syntax, which JavaScript reads as other text: a valid answer would fail.
		`^[[:alpha:]]+$`:    false,
		`^[a-z[:digit:]]+$`: false,
		`^\Qa.b\E$`:         false,
		`^\x{41}$`:          false,
		`^\x41[:]$`:         true,
	} {
		if got := portablePattern(p); got != want {
			t.Errorf("portablePattern(%q) = %v, want %v", p, got, want)
		}
	}
}

func yamlToJSON(t *testing.T, data []byte) []byte {
	t.Helper()
	var node yaml.Node
	if err := yaml.Unmarshal(data, &node); err != nil {
		t.Fatal(err)
	}
	v, err := answerNodeValue(&node, 0)
	if err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAnswersOfFlowStyleResponses: responses written in flow style are left in the document, not
// cut, and the answers are then read from the whole document: none is missed.
func TestAnswersOfFlowStyleResponses(t *testing.T) {
	const doc = `openapi: 3.0.3
info: {title: Flow, version: "1"}
paths:
  /a:
    get:
      responses: {"200": {description: OK, content: {application/json: {schema: {type: object, required: [id]}}}}}
  /b:
    get:
      responses:
        "204":
          description: Nothing.
  /c: {get: {responses: {"201": {description: Made}}}}
  /d: {}
`
	_, cut := cutResponses([]byte(doc))
	if cut == nil || !cut.partial {
		t.Fatalf("cut %+v: want one that says some responses were not cut", cut)
	}
	got, err := Parse([]byte(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	statuses := map[string]string{}
	for _, f := range got.Folders {
		for _, r := range f.Requests {
			for _, resp := range r.Responses {
				statuses[r.Path] += resp.Status + " " + resp.Schema
			}
		}
	}
	want := map[string]string{"/a": "200 get-a-200", "/b": "204 ", "/c": "201 "}
	if !reflect.DeepEqual(statuses, want) {
		t.Errorf("answers %v, want %v", statuses, want)
	}
}

// TestAnswersProtoProperty: a property or a schema named __proto__, which a JavaScript object
// literal reads as the object's prototype, is left out of the tables.
func TestAnswersProtoProperty(t *testing.T) {
	const doc = `{"openapi":"3.0.3","info":{"title":"P","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"ok",
"content":{"application/json":{"schema":{"$ref":"#/components/schemas/__proto__"}}}}}}}},
"components":{"schemas":{"__proto__":{"type":"object","required":["__proto__","id"],"properties":{"__proto__":{"type":"string"},"id":{"type":"string"}}}}}}`
	got, err := Parse([]byte(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"schema": `{"properties":{"id":{"type":"string"}},"required":["id"],"type":"object"}`}
	gotSchemas := map[string]string{}
	for name, s := range got.Schemas {
		gotSchemas[name] = string(s)
	}
	if !reflect.DeepEqual(gotSchemas, want) {
		t.Errorf("schemas %v, want %v", gotSchemas, want)
	}
}

// TestAnswersEmptyPathItemsAreCut: an empty path item or operation written {} (Okta's document
// has some) holds no responses, and does not keep the rest from being cut.
func TestAnswersEmptyPathItemsAreCut(t *testing.T) {
	const doc = `openapi: 3.0.3
info: {title: Empty, version: "1"}
paths:
  /a: {}
  /b:
    get: {}
    post:
      responses:
        "204":
          description: Nothing.
`
	_, cut := cutResponses([]byte(doc))
	if cut == nil || cut.partial || len(cut.ops) != 1 {
		t.Errorf("cut %+v: want the one operation's responses cut, and the cut whole", cut)
	}
}

// TestDecodeYAMLBatch: texts indented under keys of their own decode in one pass, each to its
// value; a text that is not indented cannot go under a key, and the batch gives way.
func TestDecodeYAMLBatch(t *testing.T) {
	got := decodeYAMLBatch([][]byte{[]byte("    '200':\n      description: x\n"), []byte("  a: [1, 2]\n  b: {c: null}\n")})
	want := []any{map[string]any{"200": nil}, map[string]any{"a": []any{json.Number("1"), json.Number("2")}, "b": map[string]any{"c": nil}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decodeYAMLBatch = %#v, want %#v", got, want)
	}
	if got := decodeYAMLBatch([][]byte{[]byte("  a: 1\n"), []byte("b: 2\n")}); got != nil {
		t.Errorf("decodeYAMLBatch of a text not indented = %#v, want nil", got)
	}
}

// linksYAML is a document whose answers say, with links, where ids come from: a create answers
// the new widget's uid (a field the path structure would not guess), a list links to a part by
// operationRef, and a link to a query parameter or from a header is not an id from the body.
// Only a create's own item is one the run created: not the part a create names, nor the widget a
// search finds.
const linksYAML = `openapi: 3.0.3
info: {title: Links, version: "1"}
paths:
  /widgets:
    post:
      operationId: createWidget
      responses:
        "201":
          description: Created.
          content:
            application/json:
              schema: {type: object, properties: {uid: {type: string}}}
          links:
            GetWidget:
              operationId: getWidget
              parameters: {widgetId: $response.body#/uid}
            Search:
              operationId: getWidget
              parameters: {query.q: $response.body#/uid, path.other: $response.header.Location}
            FirstPart:
              operationId: getPart
              parameters: {partNo: $response.body#/firstPart}
    get:
      operationId: listWidgets
      responses:
        "200":
          description: Widgets.
          links:
            Parts: {$ref: '#/components/links/Parts'}
  /widgets/search:
    post:
      operationId: searchWidgets
      responses:
        "200":
          description: The widgets found, which the run did not create.
          links:
            GetWidget:
              operationId: getWidget
              parameters: {widgetId: $response.body#/0/uid}
  /widgets/{widgetId}:
    get:
      operationId: getWidget
      parameters:
        - {name: widgetId, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: One.}
  /widgets/{widgetId}/parts/{partNo}:
    get:
      operationId: getPart
      parameters:
        - {name: widgetId, in: path, required: true, schema: {type: string}}
        - {name: partNo, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: One part.}
components:
  links:
    Parts:
      operationRef: '#/paths/~1widgets~1{widgetId}~1parts~1{partNo}/get'
      parameters: {partNo: '$response.body#/items/0/part_no'}
`

func TestLinksFillIds(t *testing.T) {
	for _, noContracts := range []bool{false, true} {
		doc, err := Parse([]byte(linksYAML), Options{NoContracts: noContracts})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string][]apimodel.Fill{}
		for _, f := range doc.Folders {
			for _, r := range f.Requests {
				if len(r.Fills) > 0 {
					got[r.Method+" "+r.Path] = r.Fills
				}
			}
		}
		want := map[string][]apimodel.Fill{
			// The link's field comes first; the path structure's guess for the same variable is
			// not added.
			"POST /widgets":        {{Variable: "partNo", Fields: []string{"firstPart"}}, {Variable: "widgetId", Fields: []string{"uid"}, Created: true}},
			"POST /widgets/search": {{Variable: "widgetId", Fields: []string{"uid"}}},
			"GET /widgets":         {{Variable: "partNo", Fields: []string{"part_no"}}, {Variable: "widgetId", Fields: []string{"widgetId", "id"}}},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("NoContracts %v: fills\n got  %+v\n want %+v", noContracts, got, want)
		}
	}
}

func TestBodyFieldAndOperationRef(t *testing.T) {
	for expr, want := range map[string]string{
		"$response.body#/id":          "id",
		"$response.body#/data/0/a~1b": "a/b",
		"$response.body#/items/0":     "",
		"$response.body":              "",
		"$request.path.id":            "",
		" $response.body#/uid ":       "uid",
	} {
		if got, _ := bodyField(expr); got != want {
			t.Errorf("bodyField(%q) = %q, want %q", expr, got, want)
		}
	}
	if m, p, ok := operationRef("#/paths/~1a~1{id}/delete"); !ok || m != "delete" || p != "/a/{id}" {
		t.Errorf("operationRef = %q %q %v", m, p, ok)
	}
	for _, ref := range []string{"other.yaml#/paths/~1a/get", "#/paths/~1a/fetch", "#/components/x"} {
		if _, _, ok := operationRef(ref); ok {
			t.Errorf("operationRef(%q) read, want refused", ref)
		}
	}
}

func TestMayLink(t *testing.T) {
	for text, want := range map[string]bool{
		"      links:\n        A: {}":          true,
		`{"responses":{"200":{"links" : {}}}}`: true,
		"      'links':\n":                     true,
		"  _links:\n    type: object":          false,
		"description: see the links: below":    false,
		"links":                                false,
		`{"x":"links"}`:                        false,
	} {
		if got := mayLink([]byte(text)); got != want {
			t.Errorf("mayLink(%q) = %v, want %v", text, got, want)
		}
	}
}

// inheritanceYAML is OpenAPI's polymorphism: a parent whose oneOf lists its children, each of
// which is the parent allOf its own properties. Read as JSON Schema, a child's allOf brings
// the parent's oneOf back to the child, without end.
const inheritanceYAML = `openapi: 3.0.3
info: {title: Pets, version: "1"}
paths:
  /pets/{id}:
    get:
      responses:
        "200":
          description: A pet.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
components:
  schemas:
    Pet:
      type: object
      required: [kind]
      properties:
        kind: {type: string}
      discriminator:
        propertyName: kind
      oneOf:
        - $ref: '#/components/schemas/Cat'
        - $ref: '#/components/schemas/Dog'
    Cat:
      allOf:
        - $ref: '#/components/schemas/Pet'
        - type: object
          required: [meows]
          properties:
            meows: {type: boolean}
    Dog:
      allOf:
        - $ref: '#/components/schemas/Pet'
        - type: object
          required: [barks]
          properties:
            barks: {type: boolean}
`

// TestAnswersInheritance checks that a child's allOf takes its parent's own keywords and not
// the parent's choice among its children: a cat is a pet, and a pet is a cat or a dog.
func TestAnswersInheritance(t *testing.T) {
	doc, err := Parse([]byte(inheritanceYAML), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkAnswers(t, doc.Schemas, []answerCase{
		{"Pet", `{"kind":"cat","meows":true}`, true},
		{"Pet", `{"kind":"dog","barks":false}`, true},
		{"Cat", `{"kind":"cat","meows":true}`, true},
		{"Pet", `{"kind":"cat"}`, false},
		{"Pet", `{"meows":true}`, false},
		{"Cat", `{"kind":"cat","barks":true}`, false},
	})
}

// TestAnswersNonFiniteNumbers checks that YAML's .inf and .nan, which JSON cannot write, do not
// cost a document its contract tests: a bound of .inf bounds nothing.
func TestAnswersNonFiniteNumbers(t *testing.T) {
	doc, err := Parse([]byte(`openapi: 3.0.3
info: {title: Bounds, version: "1"}
paths:
  /size:
    get:
      responses:
        "200":
          description: A size.
          content:
            application/json:
              schema:
                type: object
                properties:
                  size: {type: number, maximum: .inf, minimum: -.Inf}
                  ratio: {type: number, enum: [.nan, 1]}
`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range doc.Warnings {
		if strings.Contains(w, "contract tests") {
			t.Errorf("warning %q", w)
		}
	}
	got := string(doc.Schemas["get-size-200"])
	want := `{"properties":{"ratio":{"enum":[".nan",1],"type":"number"},"size":{"type":"number"}},"type":"object"}`
	if got != want {
		t.Errorf("schema\n got  %s\n want %s", got, want)
	}
}

// TestAnswersWriteOnlyByReference checks that a required property whose schema is a component
// marked writeOnly (Okta's ChildOrg requires admin, an OrgCreationAdmin) may be missing from an
// answer, as one marked so in place may.
func TestAnswersWriteOnlyByReference(t *testing.T) {
	doc, err := Parse([]byte(`openapi: 3.0.3
info: {title: Orgs, version: "1"}
paths:
  /orgs:
    post:
      responses:
        "200":
          description: The org.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Org'}
components:
  schemas:
    Org:
      type: object
      required: [name, admin]
      properties:
        name: {type: string}
        admin: {$ref: '#/components/schemas/Admin'}
    Admin:
      type: object
      writeOnly: true
      properties:
        password: {type: string}
`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkAnswers(t, doc.Schemas, []answerCase{
		{"Org", `{"name":"o"}`, true},
		{"Org", `{}`, false},
	})
}

// TestAnswersNullableReference checks that nullable beside a $ref allows null: OpenAPI 3.0 says
// a $ref's siblings are ignored, but documents write it so to mean a reference that may be null
// (Okta's GroupSchemaAttribute items), and a contract test should not fail the null they answer.
func TestAnswersNullableReference(t *testing.T) {
	doc, err := Parse([]byte(`openapi: 3.0.3
info: {title: Holders, version: "1"}
paths:
  /holder:
    get:
      responses:
        "200":
          description: The holder.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Holder'}
components:
  schemas:
    Holder:
      type: object
      required: [owner]
      properties:
        owner:
          $ref: '#/components/schemas/Owner'
          nullable: true
    Owner:
      type: object
      required: [id]
      properties:
        id: {type: string}
`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkAnswers(t, doc.Schemas, []answerCase{
		{"Holder", `{"owner":null}`, true},
		{"Holder", `{"owner":{"id":"o"}}`, true},
		{"Holder", `{"owner":{}}`, false},
		{"Holder", `{"owner":1}`, false},
	})
}

// TestAnswersPatternPropertiesAndPrefixItems checks two keywords that change what other keywords
// allow: patternProperties, which names properties that additionalProperties: false then does
// not refuse (PingOne's connector capabilities are keyed by number so), and OpenAPI 3.1's
// prefixItems, after which items is the schema of the rest.
func TestAnswersPatternPropertiesAndPrefixItems(t *testing.T) {
	doc, err := Parse([]byte(`openapi: 3.1.0
info: {title: Keyed, version: "1"}
paths:
  /keyed:
    get:
      responses:
        "200":
          description: Keyed.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Keyed'}
components:
  schemas:
    Keyed:
      type: object
      properties:
        byNumber:
          type: object
          additionalProperties: false
          patternProperties:
            "^[0-9]+$": {type: string}
        byStall:
          type: object
          additionalProperties: false
          patternProperties:
            "^(a|a)*$": {type: string}
        pair:
          type: array
          prefixItems:
            - {type: string}
          items: {type: number}
`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkAnswers(t, doc.Schemas, []answerCase{
		{"Keyed", `{"byNumber":{"1":"x","22":"y"}}`, true},
		{"Keyed", `{"byNumber":{"1":2}}`, false},
		{"Keyed", `{"byNumber":{"x":"y"}}`, false},
		{"Keyed", `{"byStall":{"aaa":"x","b":1}}`, true}, // a pattern not checked refuses nothing
		{"Keyed", `{"pair":["a",1,2]}`, true},
		{"Keyed", `{"pair":[1]}`, false},
		{"Keyed", `{"pair":["a","b"]}`, false},
	})
}

// TestAnswersNullableChoice checks that nullable beside a type and a oneOf or allOf allows null:
// Clerk's EmailAddress has verification {type: object, nullable: true, oneOf: [...]}, and its
// API answers null for an address not verified. Adding null to the type alone left the oneOf,
// whose members are objects, to refuse it.
func TestAnswersNullableChoice(t *testing.T) {
	doc, err := Parse([]byte(`openapi: 3.0.3
info: {title: Emails, version: "1"}
paths:
  /email:
    get:
      responses:
        "200":
          description: An email address.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Email'}
components:
  schemas:
    Email:
      type: object
      required: [verification, error]
      properties:
        verification:
          type: object
          nullable: true
          oneOf:
            - $ref: '#/components/schemas/Otp'
        error:
          type: object
          nullable: true
          allOf:
            - $ref: '#/components/schemas/Otp'
    Otp:
      type: object
      required: [code]
      properties:
        code: {type: string}
`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkAnswers(t, doc.Schemas, []answerCase{
		{"Email", `{"verification":null,"error":null}`, true},
		{"Email", `{"verification":{"code":"1"},"error":{"code":"2"}}`, true},
		{"Email", `{"verification":{},"error":null}`, false},
		{"Email", `{"verification":null,"error":{}}`, false},
		{"Email", `{"verification":"no","error":null}`, false},
	})
}

// TestAnswersSharedResponseConvertedOnce checks that a response many operations refer to has its
// schema converted and written once: a document of 1.6 MB whose 2,000 operations refer to one
// error response with an enum of 200,000 values took 80 s to generate, the enum written out
// again for each operation.
func TestAnswersSharedResponseConvertedOnce(t *testing.T) {
	var doc strings.Builder
	doc.WriteString("openapi: 3.0.3\ninfo: {title: Shared, version: \"1\"}\npaths:\n")
	const operations = 50
	for i := range operations {
		fmt.Fprintf(&doc, "  /r%d:\n    get:\n      responses:\n        \"400\": {$ref: '#/components/responses/Err'}\n", i)
	}
	doc.WriteString(`components:
  responses:
    Err:
      description: An error.
      content:
        application/json:
          schema:
            type: object
            properties:
              a: {type: string}
              b: {type: string}
              c: {type: string, enum: [x, y]}
`)
	for _, form := range []string{"yaml", "json"} {
		data := []byte(doc.String())
		if form == "json" {
			data = yamlToJSON(t, data)
		}
		pruned, cut := cutResponses(data)
		found, err := readAnswers(data, pruned, cut, indexComponents(pruned), true)
		if err != nil {
			t.Fatal(err)
		}
		if len(found.byOperation) != operations || len(found.schemas) != 1 {
			t.Fatalf("%s: %d operations with answers, %d schemas; want %d and 1", form, len(found.byOperation), len(found.schemas), operations)
		}
		src, err := wholeSource(data)
		if err != nil {
			t.Fatal(err)
		}
		r := newAnswerReader(src)
		if _, err := r.read(); err != nil {
			t.Fatal(err)
		}
		if r.schema.nodes > 10 {
			t.Errorf("%s: %d schema nodes converted for one schema of 4, referred to by %d operations", form, r.schema.nodes, operations)
		}
	}
}

// A pattern is untrusted, and ambiguousRepeat reads its text by hand: portablePattern never
// panics, whatever the text.
func FuzzPortablePattern(f *testing.F) {
	for _, p := range []string{`^(a|a)*$`, `^[a-z]+$`, `\`, `[`, `a{`, `a{2,`, `(a){1,3}?`, `[]a]*`, `^\x41[:]$`, `((a)(b|c))+`} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		portablePattern(p)
		ambiguousRepeat(p)
	})
}

// answerCase is an answer and whether the schema named allows it.
type answerCase struct {
	schema, answer string
	ok             bool
}

// checkAnswers compiles a document's answer schemas and checks each case's answer against the
// schema it names.
func checkAnswers(t *testing.T, schemas map[string]json.RawMessage, cases []answerCase) {
	t.Helper()
	validate := compileAnswers(t, schemas)
	for _, tt := range cases {
		var v any
		if err := json.Unmarshal([]byte(tt.answer), &v); err != nil {
			t.Fatal(err)
		}
		err := validate(tt.schema).Validate(v)
		if (err == nil) != tt.ok {
			t.Errorf("%s %s: valid %v, want %v (%v)", tt.schema, tt.answer, err == nil, tt.ok, err)
		}
	}
}
