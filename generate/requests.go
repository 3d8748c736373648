package generate

import (
	"fmt"

	gpc "github.com/rbretecher/go-postman-collection"

	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/templates"
)

// addFolders adds each folder of ready requests to c. Requests carry no auth of their own, so
// they inherit the collection's, unless they are public: those are written with noauth.
func addFolders(c *postman.Collection, folders []templates.Folder) error {
	for _, folder := range folders {
		group := c.AddFolder(folder.Name)
		if err := group.SetDescription(folder.Description); err != nil {
			return fmt.Errorf("folder %q: %w", folder.Name, err)
		}
		for _, r := range folder.Requests {
			item, err := newItem(r)
			if err != nil {
				return fmt.Errorf("folder %q: %w", folder.Name, err)
			}
			if _, err := group.AddItem(item); err != nil {
				return fmt.Errorf("folder %q: %w", folder.Name, err)
			}
		}
	}
	return nil
}

func newItem(r templates.Request) (*postman.Item, error) {
	u, err := requestURL(r)
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
	for _, h := range r.Headers {
		req.Header = append(req.Header, &gpc.Header{Key: h.Key, Value: h.Value, Description: h.Description, Disabled: h.Disabled})
	}
	if r.Body != "" {
		if r.ContentType != "" {
			req.Header = append(req.Header, &gpc.Header{Key: "Content-Type", Value: r.ContentType})
		}
		req.Body = &gpc.Body{Mode: "raw", Raw: r.Body}
	}
	if r.Public {
		req.Auth = &postman.Auth{Type: gpc.NoAuth}
	}
	return &postman.Item{Name: r.Name, Request: req}, nil
}

// requestURL builds {{baseUrl}}PATH with the request's path variables and query parameters.
func requestURL(r templates.Request) (*postman.URL, error) {
	if len(r.PathVariables) == 0 && len(r.Query) == 0 {
		return postman.VariableURL(postman.VarBaseURL, r.Path)
	}
	vars := make([]postman.PathVariable, 0, len(r.PathVariables))
	for _, v := range r.PathVariables {
		vars = append(vars, postman.PathVariable{Key: v.Key, Value: v.Value, Description: v.Description})
	}
	query := make([]postman.QueryParam, 0, len(r.Query))
	for _, q := range r.Query {
		query = append(query, postman.QueryParam{Key: q.Key, Value: q.Value, Description: q.Description, Disabled: q.Disabled})
	}
	return postman.TemplateURL(postman.VarBaseURL, r.Path, vars, query)
}
