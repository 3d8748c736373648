package update

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/gen-postman/gen-postman/internal/baseline"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/templates"
)

// The collection's test script holds tables built from the document: what each request's
// answer fills (ids from answers) and, with contract tests, the responses each request's
// operation lists and their schemas. When the script is gen-postman's own but for those tables,
// the update writes it anew with the fresh collection's tables, for the requests the collection
// holds after the merge, under their ids there: the tables are then those generate writes for
// the newer document. A script the user edited is left as it is.

// What became of the test script's tables, as Report.ScriptTables says it.
const (
	// TablesRefreshed: the script was written anew with the newer document's tables.
	TablesRefreshed = "refreshed"
	// TablesUnchanged: the script already held the newer document's tables.
	TablesUnchanged = "unchanged"
	// TablesEdited: the script is not gen-postman's own (edited or removed; or written by a
	// version of gen-postman that kept no record of it, before this one's code): it is left as
	// it is, its tables with it.
	TablesEdited = "edited"
)

// testScript is the collection's test script as update finds it.
type testScript struct {
	// at is the index of the test event among the collection's events; -1 when it has none.
	at     int
	source string
	// tables are its tables, nil when the script is not gen-postman's own.
	tables *templates.TestTables
}

// readTestScript finds the collection's test script and reads its tables when it is gen-postman's
// own: its code is the one this gen-postman writes, or the one rec, the record of the last
// generation, says was generated (by another version). rec may be nil.
func readTestScript(c *postman.Collection, rec *baseline.Record) *testScript {
	s := &testScript{at: -1}
	raw, ok := c.Member("event")
	var events []struct {
		Listen string `json:"listen"`
		Script struct {
			Exec execSource `json:"exec"`
		} `json:"script"`
	}
	if !ok || json.Unmarshal(raw, &events) != nil {
		return s
	}
	for i, e := range events {
		if e.Listen != postman.ListenTest {
			continue
		}
		if s.at >= 0 {
			return &testScript{at: -1} // two test scripts: not one gen-postman wrote
		}
		s.at, s.source = i, string(e.Script.Exec)
	}
	if s.at < 0 {
		return s
	}
	code, tables, err := templates.SplitTestScript(s.source)
	if err == nil && (templates.IsTestScriptCode(code) || rec != nil && rec.TestScript != "" && baseline.Hash(code) == rec.TestScript) {
		s.tables = tables
	}
	return s
}

// execSource is a script's source, read from its exec: a list of lines, or one text.
type execSource string

// UnmarshalJSON reads a list of lines or one text; anything else reads as no source.
func (e *execSource) UnmarshalJSON(data []byte) error {
	var lines []string
	if json.Unmarshal(data, &lines) == nil {
		*e = execSource(strings.Join(lines, "\n"))
		return nil
	}
	var text string
	_ = json.Unmarshal(data, &text)
	*e = execSource(text)
	return nil
}

// ChecksContracts reports whether the update brings the newer document's answers into the
// collection: its test script is gen-postman's own and carries the contract tests. When it is
// not, the collection gets no contract tests from the update, and the document's answers need
// not be read.
func (c *Collection) ChecksContracts() bool {
	return c.script.tables != nil && c.script.tables.Contracts
}

// refreshTestScript writes the collection's test script anew with the fresh collection's
// tables, for the requests the collection holds after the merge.
func (m *merger) refreshTestScript() error {
	cur := m.cur.script
	if cur.tables == nil {
		m.report.ScriptTables = TablesEdited
		return nil
	}
	fresh, err := freshTables(m.fresh)
	if err != nil {
		return err
	}
	// The script keeps its contract tests, or their absence, whatever the requests list.
	tables := &templates.TestTables{Answers: map[string]json.RawMessage{}, Contracts: cur.tables.Contracts}
	m.report.ContractTests = tables.Contracts
	if tables.Contracts {
		tables.Responses, tables.Schemas = map[string]json.RawMessage{}, fresh.Schemas
	}
	for _, f := range m.ops {
		n, ok := m.placed[f.op.Key]
		if !ok {
			continue
		}
		id, freshID := stringMember(n, "id"), f.op.ItemID()
		if id == "" {
			continue
		}
		if fills, ok := fresh.Answers[freshID]; ok {
			if tables.Answers[id], err = m.ownFills(fills); err != nil {
				return fmt.Errorf("the answers' fills of %q: %w", m.ix.label(n), err)
			}
		}
		if responses, ok := fresh.Responses[freshID]; ok && tables.Contracts {
			tables.Responses[id] = responses
		}
	}
	script, err := tables.Script()
	if err != nil {
		return fmt.Errorf("writing the test script: %w", err)
	}
	script = strings.TrimSuffix(script, "\n")
	if script == cur.source {
		m.report.ScriptTables = TablesUnchanged
		return nil
	}
	if err := m.setTestScript(script); err != nil {
		return err
	}
	m.report.ScriptTables = TablesRefreshed
	m.changed = true
	return nil
}

// errNoFreshTables reports a fresh collection whose test script generate did not write.
var errNoFreshTables = errors.New("the generated collection's test script holds no tables")

// freshTables reads the tables of the fresh collection's test script.
func freshTables(fresh *postman.Collection) (*templates.TestTables, error) {
	s := readTestScript(fresh, nil)
	if s.tables == nil {
		return nil, errNoFreshTables
	}
	return s.tables, nil
}

// ownFills is a request's fills, a variable of the user's that new requests use under a name of
// their own filled under that name: an answer never sets a variable of the user's.
func (m *merger) ownFills(raw json.RawMessage) (json.RawMessage, error) {
	if len(m.ownVars) == 0 {
		return raw, nil
	}
	var fills []templates.Fill
	if err := json.Unmarshal(raw, &fills); err != nil {
		return nil, err
	}
	renamed := false
	for i, f := range fills {
		if name, ok := m.ownVars[f.Variable]; ok {
			fills[i].Variable, renamed = name, true
		}
	}
	if !renamed {
		return raw, nil
	}
	return json.Marshal(fills) // as TestScript writes its tables
}

// setTestScript puts source in place of the test script's lines, leaving every other member of
// the event and its script as it was.
func (m *merger) setTestScript(source string) error {
	s := m.cur.script
	raw, _ := m.cur.col.Member("event")
	var events []json.RawMessage
	if err := json.Unmarshal(raw, &events); err != nil || s.at >= len(events) {
		return fmt.Errorf("the collection's test script: %w", err)
	}
	var event, script postman.Object
	if err := json.Unmarshal(events[s.at], &event); err != nil {
		return fmt.Errorf("the collection's test script: %w", err)
	}
	raw, _ = event.Get("script")
	if err := json.Unmarshal(raw, &script); err != nil {
		return fmt.Errorf("the collection's test script: %w", err)
	}
	if err := script.Set("exec", postman.NewScript(source).Exec, nil); err != nil {
		return err
	}
	data, err := script.MarshalJSON()
	if err != nil {
		return err
	}
	event.SetRaw("script", data, nil)
	if events[s.at], err = event.MarshalJSON(); err != nil {
		return err
	}
	if raw, err = postman.Marshal(events); err != nil {
		return err
	}
	m.cur.col.SetMember("event", raw)
	s.source = source
	return nil
}
