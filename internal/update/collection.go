package update

import (
	"encoding/json"
	"errors"
	"slices"

	"github.com/gen-postman/gen-postman/internal/baseline"
	"github.com/gen-postman/gen-postman/internal/postman"
)

// ErrNotGenerated reports a collection gen-postman did not write: one with neither the record
// of a generation nor the variable its scripts keep the token's renewal time in.
var ErrNotGenerated = errors.New("the collection was not made by gen-postman")

// Collection is a collection to update, its variables and record read once, when it is
// opened.
type Collection struct {
	col *postman.Collection
	// vars are the collection's variables as the file writes each, and keys their keys.
	vars []json.RawMessage
	keys []string
	// record is the record of the last generation, nil when there is none; recordErr says why
	// the one there cannot be read.
	record    *baseline.Record
	recordErr error
	// script is its test script and the tables it holds.
	script *testScript
}

// Open reads what update needs of a collection read with postman.ReadCollection. It refuses
// with [ErrNotGenerated] a collection gen-postman did not write.
func Open(c *postman.Collection) (*Collection, error) {
	vars, err := variableList(c.Member("variable"))
	if err != nil {
		return nil, err
	}
	u := &Collection{col: c, vars: vars, keys: make([]string, len(vars))}
	for i, raw := range vars {
		u.keys[i] = keyOf(raw)
	}
	if !slices.Contains(u.keys, baseline.VarName) && !slices.Contains(u.keys, postman.VarRenewAt) {
		return nil, ErrNotGenerated
	}
	u.record, u.recordErr = recordOf(vars)
	u.script = readTestScript(c, u.record)
	return u, nil
}
