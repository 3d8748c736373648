package generate

import (
	"fmt"

	gpc "github.com/rbretecher/go-postman-collection"

	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/templates"
)

// addFolders adds each folder of ready requests to c. Requests carry no auth of their own, so
// they inherit the collection's.
func addFolders(c *gpc.Collection, folders []templates.Folder) error {
	for _, folder := range folders {
		group := c.AddItemGroup(folder.Name)
		for _, r := range folder.Requests {
			item, err := newItem(r)
			if err != nil {
				return fmt.Errorf("folder %q: %w", folder.Name, err)
			}
			group.AddItem(item)
		}
	}
	return nil
}

func newItem(r templates.Request) (*postman.Item, error) {
	u, err := postman.VariableURL(postman.VarBaseURL, r.Path)
	if err != nil {
		return nil, fmt.Errorf("request %q: %w", r.Name, err)
	}
	req := &postman.Request{URL: u}
	if err := postman.SetMethod(req, r.Method); err != nil {
		return nil, fmt.Errorf("request %q: %w", r.Name, err)
	}
	if r.Description != "" {
		req.Description = r.Description
	}
	return &postman.Item{Name: r.Name, Request: req}, nil
}
