package templates

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// ErrNotOwnTestScript reports a test script whose code is not the one TestScript writes: edited,
// or written by another version of gen-postman. Only its tables may differ from the template.
var ErrNotOwnTestScript = errors.New("the test script is not the one gen-postman writes")

// TestTables are the tables a test script holds, as their JSON text by key: what a request's
// answer fills and, with contract tests, the responses the document lists, by item id, and the
// schemas they name. They are read back from a script TestScript wrote, so that a collection's
// tables can be brought up to date with those of another generation.
type TestTables struct {
	Answers map[string]json.RawMessage
	// Contracts says the script checks answers: it carries the contract tests' code. Then
	// Responses and Schemas are its tables.
	Contracts bool
	Responses map[string]json.RawMessage
	Schemas   map[string]json.RawMessage
}

// tableLine is the line of a script that holds one table: its text before and after the
// marker, which the table's JSON, written on one line, replaces.
type tableLine struct {
	marker, prefix, suffix string
}

// tableLineOf finds the one line of script that holds marker.
func tableLineOf(script, marker string) (tableLine, error) {
	if strings.Count(script, marker) != 1 {
		return tableLine{}, fmt.Errorf("script: want one %q", marker)
	}
	at := strings.Index(script, marker)
	start := strings.LastIndexByte(script[:at], '\n') + 1
	end := strings.IndexByte(script[at:], '\n')
	if end < 0 {
		end = len(script) - at
	}
	return tableLine{marker: marker, prefix: script[start:at], suffix: script[at+len(marker) : at+end]}, nil
}

// ReadTestScript reads the tables of a test script TestScript wrote, with or without contract
// tests. It refuses with [ErrNotOwnTestScript] a script whose code is anything but the
// template's: each table is then left as it is by whoever reads it, since a script edited
// around it may read it otherwise.
func ReadTestScript(script string) (*TestTables, error) {
	code, tables, err := SplitTestScript(script)
	if err != nil {
		return nil, err
	}
	if !IsTestScriptCode(code) {
		return nil, ErrNotOwnTestScript
	}
	return tables, nil
}

// IsTestScriptCode reports whether code, a test script's code as SplitTestScript gives it, is
// the code TestScript writes, with or without contract tests.
func IsTestScriptCode(code string) bool {
	return code == strings.TrimSuffix(testScript, "\n") || code == testScript+"\n"+strings.TrimSuffix(contractScript, "\n")
}

// TestScriptCode is the code of a test script TestScript wrote: what SplitTestScript gives.
func TestScriptCode(script string) (string, error) {
	code, _, err := SplitTestScript(script)
	return code, err
}

// SplitTestScript splits a test script into its code, the script with the JSON of each table
// written as the template writes it before the tables go in, and its tables. The tables are
// found on the lines the template writes them on; one that is not a JSON object is refused with
// [ErrNotOwnTestScript]. A script with a table of the contract tests carries them.
func SplitTestScript(script string) (code string, tables *TestTables, err error) {
	script = strings.TrimSuffix(strings.ReplaceAll(script, "\r\n", "\n"), "\n")
	lines := strings.Split(script, "\n")
	answers, err := tableLineOf(testScript, answersMarker)
	if err != nil {
		return "", nil, err
	}
	contracts, err := tableLineOf(contractScript, contractsMarker)
	if err != nil {
		return "", nil, err
	}
	schemas, err := tableLineOf(contractScript, schemasMarker)
	if err != nil {
		return "", nil, err
	}
	t := &TestTables{}
	for i, line := range lines {
		for _, tl := range []struct {
			line tableLine
			into *map[string]json.RawMessage
		}{{answers, &t.Answers}, {contracts, &t.Responses}, {schemas, &t.Schemas}} {
			text, ok := strings.CutPrefix(line, tl.line.prefix)
			if !ok {
				continue
			}
			if text, ok = strings.CutSuffix(text, tl.line.suffix); !ok {
				continue
			}
			if text != "{}" {
				if err := json.Unmarshal([]byte(text), tl.into); err != nil || *tl.into == nil {
					return "", nil, fmt.Errorf("%w: its table %s is not a JSON object", ErrNotOwnTestScript, strings.TrimSpace(tl.line.prefix))
				}
			}
			lines[i] = tl.line.prefix + tl.line.marker + tl.line.suffix
			if tl.line.marker != answersMarker {
				t.Contracts = true
			}
		}
	}
	return strings.Join(lines, "\n"), t, nil
}

// Script writes the test script that holds the tables: TestScript's, with these tables in place
// of its own, and with the contract tests' code whenever Contracts says so, even when no
// request lists responses (TestScript then writes none).
func (t *TestTables) Script() (string, error) {
	return renderTestScript(
		table{answersMarker, "the answers' fills", t.Answers, len(t.Answers) == 0},
		t.Contracts,
		table{contractsMarker, "the listed responses", t.Responses, len(t.Responses) == 0},
		table{schemasMarker, "the response schemas", t.Schemas, len(t.Schemas) == 0},
	)
}
