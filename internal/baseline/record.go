package baseline

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/text"
)

// VarName is the collection variable that holds the record.
const VarName = "genPostmanBaseline"

// VarDescription tells the user what the record is.
const VarDescription = "Kept by gen-postman update: a hash of each part of each request as it was generated, " +
	"to tell your edits from the API document's changes. Leave it as it is; without it, update keeps every difference as yours."

// header is the record's first line: its format and version.
const header = "gen-postman baseline 1"

// maxOps bounds the operations a record read from a file may list.
const maxOps = 100000

// ErrBadRecord reports a record variable that cannot be read.
var ErrBadRecord = errors.New("the genPostmanBaseline variable is not a record gen-postman wrote")

// Op is what the record keeps of one operation as generated: a hash of its key, of its folder,
// and of each part's name and canonical value.
type Op struct {
	Key    string
	Folder string
	Parts  map[string]string
}

// Record lists the operations of one generation, in the order they were written, and names the
// API they come from.
type Record struct {
	API API
	// TestScript is the hash of the code of the collection's test script as generated: its
	// text with its tables left out (templates.TestScriptCode), so that update tells a script
	// the user left as it was, from whichever version of gen-postman, from one they edited.
	// Empty in records written before it was kept.
	TestScript string
	Ops        []Op
}

// API names the API a collection was generated from, as its description gives it: its title
// and its server's host. The record keeps them as written, base64url-encoded, so that a document
// of another API can be told, and named, when the collection is updated.
type API struct {
	Title, Host string
}

// apiLine opens the line that names the API, and holds the hash of the test script's code. A
// reader of the first version takes it for an operation with no request, which it never finds;
// one that knows the API and not the script skips the field it does not know.
const apiLine = "api - "

func (r *Record) apiLine() string {
	enc := base64.RawURLEncoding.EncodeToString
	line := apiLine + "title=" + enc([]byte(text.OneLine(r.API.Title, 200))) + " host=" + enc([]byte(text.OneLine(r.API.Host, 200)))
	if r.TestScript != "" {
		line += " script=" + enc([]byte(text.OneLine(r.TestScript, 200)))
	}
	return line
}

// parseAPILine reads the line that names the API into r; false when the line is not one.
func (r *Record) parseAPILine(line string) bool {
	rest, ok := strings.CutPrefix(line, apiLine)
	if !ok {
		return false
	}
	var a API
	var script string
	for _, f := range strings.Fields(rest) {
		name, value, _ := strings.Cut(f, "=")
		text, err := base64.RawURLEncoding.DecodeString(value)
		if err != nil || len(text) > maxAPIText {
			return false
		}
		switch name {
		case "title":
			a.Title = string(text)
		case "host":
			a.Host = string(text)
		case "script":
			script = string(text)
		}
	}
	r.API, r.TestScript = a, script
	return true
}

// maxAPIText bounds the title and host a record read from a file may hold.
const maxAPIText = 1 << 10

// NewOp records the parts of an operation's request as generated.
func NewOp(key, folder string, parts map[PartID]Part) Op {
	op := Op{Key: Hash(key), Folder: Hash(folder), Parts: make(map[string]string, len(parts))}
	for id, p := range parts {
		op.Parts[Hash(id.String())] = Hash(p.Canon)
	}
	return op
}

// Hash is the short hash the record keeps of a text: 48 bits of its SHA-256, as 8 characters
// of base64url. A record compares a few thousand values at most, each with one other.
func Hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return base64.RawURLEncoding.EncodeToString(sum[:6])
}

// Part is the hash the record keeps of the part's value, and whether it has one.
func (o *Op) Part(id PartID) (string, bool) {
	h, ok := o.Parts[Hash(id.String())]
	return h, ok
}

// itemNamespace is the UUID namespace of request ids.
var itemNamespace = uuid.MustParse("9f0b6c1e-4d0a-5c8e-9a43-7d2c1f5e8b60")

// ItemID is the id of the request generated for the operation key: a UUID derived from the
// key's hash, so that the request keeps its identity however it is renamed or moved, and an
// operation the record lists by its hash alone can still be found.
func ItemID(key string) string { return itemID(Hash(key)) }

// ItemID is the id of the operation's request.
func (o *Op) ItemID() string { return itemID(o.Key) }

func itemID(keyHash string) string {
	return uuid.NewSHA1(itemNamespace, []byte(keyHash)).String()
}

// Key is an operation's identity: its operationId, else its method and path template.
func Key(operationID, method, path string) string {
	if operationID != "" {
		return operationID
	}
	return strings.ToUpper(method) + " " + path
}

// String writes the record: a header line, then a line per operation, "key folder
// name=value ...", with the parts sorted.
func (r *Record) String() string {
	var b strings.Builder
	b.WriteString(header)
	if r.API != (API{}) || r.TestScript != "" {
		b.WriteString("\n" + r.apiLine())
	}
	for _, op := range r.Ops {
		b.WriteString("\n" + op.Key + " " + op.Folder)
		for _, name := range slices.Sorted(maps.Keys(op.Parts)) {
			b.WriteString(" " + name + "=" + op.Parts[name])
		}
	}
	return b.String()
}

// Parse reads a record written by [Record.String].
func Parse(s string) (*Record, error) {
	lines := strings.Split(s, "\n")
	if lines[0] != header {
		return nil, ErrBadRecord
	}
	if len(lines)-1 > maxOps {
		return nil, fmt.Errorf("%w: over %d operations", ErrBadRecord, maxOps)
	}
	r := &Record{}
	for i, line := range lines[1:] {
		if i == 0 && r.parseAPILine(line) {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			return nil, fmt.Errorf("%w: line %d", ErrBadRecord, i+2)
		}
		op := Op{Key: fields[0], Folder: fields[1], Parts: make(map[string]string, len(fields)-2)}
		for _, f := range fields[2:] {
			name, value, ok := strings.Cut(f, "=")
			if !ok {
				return nil, fmt.Errorf("%w: line %d", ErrBadRecord, i+2)
			}
			op.Parts[name] = value
		}
		r.Ops = append(r.Ops, op)
	}
	return r, nil
}

// Variable is the collection variable that stores the record.
func (r *Record) Variable() postman.Variable {
	return postman.Variable{Key: VarName, Value: r.String(), Type: "string", Description: VarDescription}
}

// Read finds the record in a collection's variables: nil when it has none.
func Read(vars []postman.Variable) (*Record, error) {
	for i := len(vars) - 1; i >= 0; i-- {
		if vars[i].Name() == VarName {
			return Parse(vars[i].Value)
		}
	}
	return nil, nil
}
