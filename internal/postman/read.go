package postman

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/gen-postman/gen-postman/internal/text"
)

// MaxFileSize bounds a collection or environment file that is read.
const MaxFileSize = 10 << 20

// MaxFolderDepth bounds how deep folders nest in a collection that is read. The app's own
// exports stay far below it; it keeps reading, walking and writing a collection bounded.
const MaxFolderDepth = 256

// ReadCollection reads a collection as the Postman app imports it: v2.1.0 or v2.0.0, with auth
// as a key/value array or an object, requests as a string or an object, and descriptions as
// a string or an object. Every member is kept, known or not, so that [Encode] writes back what
// was read. Errors match the sentinels of this package.
func ReadCollection(r io.Reader) (*Collection, error) {
	data, err := readFile(r)
	if err != nil {
		return nil, err
	}
	if err := checkJSON(data); err != nil {
		return nil, err
	}
	c := &Collection{}
	rd := itemReader{dec: json.NewDecoder(bytes.NewReader(data))}
	if err := rd.object(&c.obj, &c.itemList, 0, "the file"); err != nil {
		return nil, err
	}
	if !c.obj.Has("info") {
		if _, ok := c.obj.Get("values"); ok {
			return nil, ErrIsEnvironment
		}
		return nil, fmt.Errorf("%w: it has no info", ErrNotCollection)
	}
	if err := check(c); err != nil {
		return nil, err
	}
	return c, nil
}

// readFile reads at most MaxFileSize bytes, without the UTF-8 byte order mark that some
// editors and exports put first, which JSON does not allow.
func readFile(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading: %w", err)
	}
	if len(data) > MaxFileSize {
		return nil, ErrTooLarge
	}
	return bytes.TrimPrefix(data, byteOrderMark), nil
}

// byteOrderMark is U+FEFF in UTF-8.
var byteOrderMark = []byte("\xef\xbb\xbf")

// checkJSON reports data that is not one JSON value.
func checkJSON(data []byte) error {
	if json.Valid(data) {
		return nil
	}
	var raw json.RawMessage
	err := json.Unmarshal(data, &raw)
	if err == nil {
		err = errors.New("invalid JSON")
	}
	return fmt.Errorf("%w: %s", ErrNotJSON, text.OneLine(err.Error(), 120))
}

// itemReader reads a collection in one pass: objects member by member, keeping each value's
// text, and lists of items as nodes.
type itemReader struct {
	dec *json.Decoder
}

// object reads the object that comes next into obj, and its "item" member, when it is a list,
// into items. depth is how deep in folders the object is: 0 for the collection.
func (r *itemReader) object(obj *Object, items *itemList, depth int, what string) error {
	tok, err := r.dec.Token()
	if err != nil {
		return fmt.Errorf("%w: %s", ErrNotJSON, err)
	}
	if tok != json.Delim('{') {
		return fmt.Errorf("%w: %s is not a JSON object", ErrNotCollection, what)
	}
	for r.dec.More() {
		tok, err := r.dec.Token()
		if err != nil {
			return fmt.Errorf("%w: %s", ErrNotJSON, err)
		}
		key, _ := tok.(string)
		if key == "item" {
			if err := r.items(obj, items, depth); err != nil {
				return err
			}
			continue
		}
		var value json.RawMessage
		if err := r.dec.Decode(&value); err != nil {
			return fmt.Errorf("%w: %s", ErrNotJSON, err)
		}
		obj.members = append(obj.members, member{key: key, value: value})
	}
	if _, err := r.dec.Token(); err != nil {
		return fmt.Errorf("%w: %s", ErrNotJSON, err)
	}
	return nil
}

// items reads the value of an "item" member: a list of items, or null.
func (r *itemReader) items(obj *Object, items *itemList, depth int) error {
	tok, err := r.dec.Token()
	if err != nil {
		return fmt.Errorf("%w: %s", ErrNotJSON, err)
	}
	switch tok {
	case nil:
		obj.members = append(obj.members, member{key: "item", value: json.RawMessage("null")})
		return nil
	case json.Delim('['):
	default:
		return fmt.Errorf("%w: an item list is not a JSON array", ErrNotCollection)
	}
	if depth > MaxFolderDepth {
		return ErrTooDeep
	}
	obj.members = append(obj.members, member{key: "item"})
	items.folder, items.items = true, nil
	for r.dec.More() {
		n := &Node{}
		if err := r.object(&n.obj, &n.itemList, depth+1, "an item"); err != nil {
			return err
		}
		items.items = append(items.items, n)
	}
	if _, err := r.dec.Token(); err != nil {
		return fmt.Errorf("%w: %s", ErrNotJSON, err)
	}
	return nil
}
