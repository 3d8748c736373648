package update

import (
	"encoding/json"
	"fmt"
	"io"
)

// Report says what an update did.
type Report struct {
	// Baseline is false when the collection had no record of its last generation: every
	// difference was then kept as the user's.
	Baseline bool `json:"baseline"`
	// Changed is false when the collection is left as it was, byte for byte.
	Changed bool `json:"changed"`
	// Added lists the requests of operations new to the document, as Folder/Request.
	Added []string `json:"added"`
	// Updated lists the requests that took one or more of the document's changes.
	Updated []string `json:"updated"`
	// Unchanged counts the requests the document did not change, or whose changes the user's
	// edits kept out.
	Unchanged int `json:"unchanged"`
	// Removed lists the requests of operations gone from the document, removed as untouched
	// (or by Options.Prune).
	Removed []string `json:"removed"`
	// Kept lists the requests of operations gone from the document, kept because the user
	// edited them.
	Kept []string `json:"kept"`
	// Deleted counts the operations still in the document whose requests the user deleted:
	// they are not brought back.
	Deleted int `json:"deleted"`
	// DeletedRequests names those requests, as Folder/Request in the document.
	DeletedRequests []string `json:"deletedRequests"`
	// Conflicts lists the parts the user edited and the document changed: the user's stay.
	Conflicts []Conflict `json:"conflicts"`
	// PathRenamed lists the path variables the document renamed on the same operation: the
	// value the user gave the old name is the new name's.
	PathRenamed []PathRename `json:"pathRenamed"`
	// FoldersAdded and FoldersRemoved list the folders made for new tags and the folders left
	// empty by removals.
	FoldersAdded   []string `json:"foldersAdded"`
	FoldersRemoved []string `json:"foldersRemoved"`
	// VariablesAdded lists the collection variables new requests use; VariablesSet those whose
	// values the flags set.
	VariablesAdded []string `json:"variablesAdded"`
	VariablesSet   []string `json:"variablesSet"`
	// VariablesRenamed lists the user's variables that new requests would have used: each new
	// request uses a variable of its own name instead.
	VariablesRenamed []VariableRename `json:"variablesRenamed"`
	// ScriptTables says what became of the tables of the collection's test script (ids from
	// answers, contract tests): TablesRefreshed, TablesUnchanged or TablesEdited.
	ScriptTables string `json:"scriptTables"`
	// ContractTests says whether the test script, refreshed or unchanged, checks answers
	// against the document: false for a collection generated without contract tests.
	ContractTests bool `json:"contractTests"`
	// Warnings say what of the collection could not be read as gen-postman wrote it.
	Warnings []string `json:"warnings"`
}

// Conflict is one part of one request that both the user and the document changed.
type Conflict struct {
	Request string `json:"request"`
	Part    string `json:"part"`
}

// VariableRename is a variable of the user's that a new request would have used, and the name
// of the variable the request uses instead.
type VariableRename struct {
	Variable string `json:"variable"`
	Renamed  string `json:"renamed"`
	// Request is the first new request that uses it, as Folder/Request.
	Request string `json:"request"`
}

// newReport is a report whose lists are written as [] rather than null.
func newReport() *Report {
	return &Report{Added: []string{}, Updated: []string{}, Removed: []string{}, Kept: []string{}, DeletedRequests: []string{},
		Conflicts: []Conflict{}, PathRenamed: []PathRename{}, FoldersAdded: []string{}, FoldersRemoved: []string{},
		VariablesAdded: []string{}, VariablesSet: []string{}, VariablesRenamed: []VariableRename{}, Warnings: []string{}}
}

// WriteText writes the counts, then a line per conflict, removal, kept request and added
// folder.
func (r *Report) WriteText(w io.Writer) error {
	var err error
	line := func(format string, args ...any) {
		if err == nil {
			_, err = fmt.Fprintf(w, format+"\n", args...)
		}
	}
	line("gen-postman update: added %d, updated %d, unchanged %d, removed %d, kept %d (gone from the document, edited), conflicts %d, deleted by you %d",
		len(r.Added), len(r.Updated), r.Unchanged, len(r.Removed), len(r.Kept), len(r.Conflicts), r.Deleted)
	for _, w := range r.Warnings {
		line("  warning: %s", w)
	}
	if !r.Baseline {
		line("  note: the collection has no record of its last generation (variable genPostmanBaseline): every difference is kept as yours")
	}
	for _, f := range r.FoldersAdded {
		line("  added folder   %s", f)
	}
	for _, c := range r.Conflicts {
		line("  conflict       %s: %s changed in the document and edited by you; yours is kept", c.Request, c.Part)
	}
	for _, p := range r.PathRenamed {
		line("  renamed path   %s: path variable %s is now %s, with your value", p.Request, p.From, p.To)
	}
	for _, k := range r.Removed {
		line("  removed        %s", k)
	}
	for _, k := range r.Kept {
		line("  kept           %s: gone from the document, kept because you edited it (--prune removes it)", k)
	}
	for _, f := range r.FoldersRemoved {
		line("  removed folder %s", f)
	}
	for _, d := range r.DeletedRequests {
		line("  deleted by you %s: in the document, and not brought back", d)
	}
	for _, v := range r.VariablesAdded {
		line("  added variable %s", v)
	}
	for _, v := range r.VariablesSet {
		line("  set variable   %s", v)
	}
	for _, v := range r.VariablesRenamed {
		line("  own variable   %s: yours, so the new request %s uses %s", v.Variable, v.Request, v.Renamed)
	}
	switch r.ScriptTables {
	case TablesRefreshed:
		if r.ContractTests {
			line("  test script    tables refreshed: ids from answers and contract tests as the document says, for the requests the collection holds")
		} else {
			line("  test script    tables refreshed: ids from answers as the document says, for the requests the collection holds; " +
				"it has no contract tests (generated with --no-contract-tests, or by an older gen-postman without an OpenAPI document): generate it again to have them")
		}
	case TablesEdited:
		added := ""
		switch n := len(r.Added); {
		case n == 1:
			added = "; the request added fills no ids and has no contract tests"
		case n > 1:
			added = fmt.Sprintf("; the %d requests added fill no ids and have no contract tests", n)
		}
		line("  test script    not refreshed: you edited it (or an older gen-postman wrote it), so it is kept as it is, with the tables "+
			"(ids from answers, contract tests) of the last generation%s. To refresh them, generate the collection again, "+
			"or put back the test script of a collection generated now and update again", added)
	}
	if !r.Changed {
		line("  no change: the collection is left as it was")
	}
	return err
}

// WriteJSON writes the report as one JSON object.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
