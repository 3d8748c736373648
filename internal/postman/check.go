package postman

import (
	"encoding/json"
	"fmt"

	"github.com/gen-postman/gen-postman/internal/text"
)

// check reads what gen-postman reads of a collection, so that a file it cannot use is refused
// when it is read, not when it is used: info, variables, scripts, and every item's name,
// auth and request.
func check(c *Collection) error {
	var info struct {
		Name string `json:"name"`
	}
	if err := c.obj.Decode("info", &info); err != nil {
		return fmt.Errorf("%w: %s", ErrNotCollection, text.OneLine(err.Error(), 120))
	}
	if _, err := c.Variables(); err != nil {
		return fmt.Errorf("%w: %s", ErrNotCollection, text.OneLine(err.Error(), 120))
	}
	var events []json.RawMessage
	if err := c.obj.Decode("event", &events); err != nil {
		return fmt.Errorf("%w: %s", ErrNotCollection, text.OneLine(err.Error(), 120))
	}
	if _, err := c.Auth(); err != nil {
		return fmt.Errorf("collection auth: %w", err)
	}
	return checkItems(c.items)
}

func checkItems(items []*Node) error {
	for _, n := range items {
		var name string
		if err := n.obj.Decode("name", &name); err != nil {
			return fmt.Errorf("%w: an item's %s", ErrNotCollection, text.OneLine(err.Error(), 120))
		}
		if n.folder {
			if _, err := n.Auth(); err != nil {
				return fmt.Errorf("folder %q: %w", text.OneLine(name, 120), err)
			}
			if err := checkItems(n.items); err != nil {
				return err
			}
			continue
		}
		if _, err := n.Request(); err != nil {
			return fmt.Errorf("request %q: %w", text.OneLine(name, 120), err)
		}
	}
	return nil
}
