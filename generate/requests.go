package generate

import (
	"fmt"
	"strings"

	postman "github.com/rbretecher/go-postman-collection"

	"github.com/gen-postman/gen-postman/templates"
)

// addFolders adds each folder of ready requests to c. Requests carry no auth of their own, so
// they inherit the collection's.
func addFolders(c *postman.Collection, folders []templates.Folder) error {
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
	u, err := requestURL(r.Path)
	if err != nil {
		return nil, fmt.Errorf("request %q: %w", r.Name, err)
	}
	req := &postman.Request{URL: u}
	if err := setMethod(req, r.Method); err != nil {
		return nil, fmt.Errorf("request %q: %w", r.Name, err)
	}
	if r.Description != "" {
		req.Description = r.Description
	}
	return &postman.Item{Name: r.Name, Request: req}, nil
}

// requestURL builds {{baseUrl}}PATH in Postman's structured form. Variable is set so that
// go-postman-collection encodes the URL as a JSON object, escaped, rather than pasting Raw
// between quotes.
func requestURL(path string) (*postman.URL, error) {
	if !strings.HasPrefix(path, "/") {
		return nil, fmt.Errorf("path %q does not start with /", path)
	}
	for _, r := range path {
		if r <= ' ' || r > '~' || strings.ContainsRune(`"\#{}<>|^`+"`", r) {
			return nil, fmt.Errorf("path %q has a character that must be escaped", path)
		}
	}
	u := &postman.URL{Raw: "{{baseUrl}}" + path, Host: []string{"{{baseUrl}}"}, Variable: []any{}}
	rest, query, _ := strings.Cut(strings.TrimPrefix(path, "/"), "?")
	if rest != "" {
		u.Path = strings.Split(rest, "/")
	}
	if query != "" {
		u.Query = queryParams(query)
	}
	return u, nil
}

type queryParam struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

func queryParams(query string) []queryParam {
	var params []queryParam
	for _, pair := range strings.Split(query, "&") {
		k, v, _ := strings.Cut(pair, "=")
		params = append(params, queryParam{Key: k, Value: v})
	}
	return params
}

// setMethod sets req's method from its name; go-postman-collection keeps the type unexported.
func setMethod(req *postman.Request, method string) error {
	switch strings.ToUpper(method) {
	case "GET":
		req.Method = postman.Get
	case "POST":
		req.Method = postman.Post
	case "PUT":
		req.Method = postman.Put
	case "PATCH":
		req.Method = postman.Patch
	case "DELETE":
		req.Method = postman.Delete
	case "HEAD":
		req.Method = postman.Head
	case "OPTIONS":
		req.Method = postman.Options
	default:
		return fmt.Errorf("unsupported method %q", method)
	}
	return nil
}
