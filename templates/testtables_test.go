package templates

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// TestReadTestScriptRoundTrip reads the tables back from scripts TestScript wrote, with and
// without contract tests, and writes the same script from them.
func TestReadTestScriptRoundTrip(t *testing.T) {
	answers := map[string][]Fill{"item-1": {{Variable: "appId", Fields: []string{"id", "appId"}, Created: true}}}
	contracts := Contracts{
		Responses: map[string][]ListedResponse{"item-1": {{Status: "201", ContentTypes: []string{"application/json"}, Schema: "App"}}, "item-2": {{Status: "204"}}},
		Schemas:   map[string]json.RawMessage{"App": json.RawMessage(`{"type":"object","required":["id"],"pattern":"</script>"}`)},
	}
	for _, c := range []struct {
		name      string
		answers   map[string][]Fill
		contracts Contracts
	}{
		{"contracts", answers, contracts},
		{"no contract tests", answers, Contracts{}},
		{"empty tables", nil, Contracts{}},
		{"contracts without answers", nil, contracts},
	} {
		t.Run(c.name, func(t *testing.T) {
			script, err := TestScript(c.answers, c.contracts)
			if err != nil {
				t.Fatal(err)
			}
			// As the collection holds it: one line per element of exec, no final newline.
			tables, err := ReadTestScript(strings.TrimSuffix(script, "\n"))
			if err != nil {
				t.Fatalf("ReadTestScript: %v", err)
			}
			if tables.Contracts != (len(c.contracts.Responses) > 0) {
				t.Errorf("Contracts %v, want %v", tables.Contracts, len(c.contracts.Responses) > 0)
			}
			if len(tables.Answers) != len(c.answers) || len(tables.Responses) != len(c.contracts.Responses) {
				t.Errorf("read %d answers and %d responses, want %d and %d", len(tables.Answers), len(tables.Responses), len(c.answers), len(c.contracts.Responses))
			}
			again, err := tables.Script()
			if err != nil {
				t.Fatal(err)
			}
			if again != script {
				t.Errorf("the script written from the tables read differs:\n%s\nwant\n%s", again, script)
			}
		})
	}
}

// TestReadTestScriptEdited refuses a script whose code differs from the template's anywhere but
// in the tables, and a table that is not a JSON object.
func TestReadTestScriptEdited(t *testing.T) {
	script, err := TestScript(map[string][]Fill{"item-1": {{Variable: "appId", Fields: []string{"id"}}}},
		Contracts{Responses: map[string][]ListedResponse{"item-1": {{Status: "200"}}}})
	if err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(string) string{
		"a line added": func(s string) string { return s + "\nconsole.log('mine');" },
		"a line changed": func(s string) string {
			return strings.Replace(s, "pm.response.code >= 200", "pm.response.code >= 201", 1)
		},
		"contract code removed": func(s string) string { return s[:strings.Index(s, "// gen-postman: contract tests.")] },
		"a table broken":        func(s string) string { return strings.Replace(s, `const schemas = {}`, `const schemas = {"A":`, 1) },
		"a table an array":      func(s string) string { return strings.Replace(s, `const schemas = {}`, `const schemas = []`, 1) },
		"a second table":        func(s string) string { return s + "\nconst answers = {};" },
	} {
		t.Run(name, func(t *testing.T) {
			edited := edit(script)
			if edited == script {
				t.Fatal("the edit changed nothing")
			}
			if _, err := ReadTestScript(edited); !errors.Is(err, ErrNotOwnTestScript) {
				t.Errorf("ReadTestScript: %v, want ErrNotOwnTestScript", err)
			}
		})
	}
}

// A collection's test script is untrusted: whatever it holds, SplitTestScript never panics, and
// the tables of a script read as gen-postman's own write a script that reads back the same.
func FuzzReadTestScript(f *testing.F) {
	script, err := TestScript(map[string][]Fill{"item-1": {{Variable: "appId", Fields: []string{"id"}}}},
		Contracts{Responses: map[string][]ListedResponse{"item-1": {{Status: "200", Schema: "A"}}}, Schemas: map[string]json.RawMessage{"A": json.RawMessage(`{"type":"object"}`)}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(script)
	f.Add(strings.Replace(script, `const schemas = {"A":`, `const schemas = {"A":{"x":"\n"},"B":`, 1))
	f.Add("const answers = {};\r\nconst contracts = null;")
	f.Add(strings.Replace(script, `const contracts = {"item-1":[["200","A"]]}`, `const contracts = {}`, 1))
	f.Fuzz(func(t *testing.T, script string) {
		if _, _, err := SplitTestScript(script); err != nil {
			return
		}
		tables, err := ReadTestScript(script)
		if err != nil {
			return
		}
		again, err := tables.Script()
		if err != nil {
			t.Fatalf("writing the tables read: %v", err)
		}
		read, err := ReadTestScript(again)
		if err != nil {
			t.Fatalf("the script written from the tables read is not gen-postman's own: %v", err)
		}
		if len(read.Answers) != len(tables.Answers) || len(read.Responses) != len(tables.Responses) || len(read.Schemas) != len(tables.Schemas) {
			t.Errorf("read back %d, %d, %d entries, want %d, %d, %d", len(read.Answers), len(read.Responses), len(read.Schemas),
				len(tables.Answers), len(tables.Responses), len(tables.Schemas))
		}
	})
}
