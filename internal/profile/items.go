package profile

import (
	"strings"

	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/templates"
)

// collectFolders lists the collection's requests under {{baseUrl}}: each top-level folder with
// the requests anywhere inside it, and the top-level requests in a folder of their own.
func collectFolders(items []postman.Items, vars *variables) []templates.Folder {
	var folders []templates.Folder
	top := templates.Folder{Name: "Requests"}
	for _, item := range items {
		switch it := item.(type) {
		case *postman.ItemGroup:
			f := templates.Folder{Name: it.Name}
			collectRequests(&f, it.Items, vars)
			if len(f.Requests) > 0 {
				folders = append(folders, f)
			}
		case *postman.Item:
			if r, ok := readRequest(it, vars); ok {
				top.Requests = append(top.Requests, r)
			}
		}
	}
	if len(top.Requests) > 0 {
		folders = append([]templates.Folder{top}, folders...)
	}
	return folders
}

func collectRequests(f *templates.Folder, items []postman.Items, vars *variables) {
	for _, item := range items {
		switch it := item.(type) {
		case *postman.ItemGroup:
			collectRequests(f, it.Items, vars)
		case *postman.Item:
			if r, ok := readRequest(it, vars); ok {
				f.Requests = append(f.Requests, r)
			}
		}
	}
}

// readRequest reads a request whose URL is {{baseUrl}} followed by a path.
func readRequest(item *postman.Item, vars *variables) (templates.Request, bool) {
	req := item.Request
	if req == nil || req.URL == nil {
		return templates.Request{}, false
	}
	rest, ok := strings.CutPrefix(req.URL.Raw, postman.Ref(postman.VarBaseURL))
	if !ok {
		return templates.Request{}, false
	}
	if rest == "" || strings.HasPrefix(rest, "?") {
		rest = "/" + rest
	}
	path, err := vars.expand("", rest)
	if err != nil || !strings.HasPrefix(path, "/") {
		return templates.Request{}, false
	}
	method := strings.ToUpper(string(req.Method))
	if method == "" {
		method = "GET"
	}
	description, _ := req.Description.(string)
	return templates.Request{Name: item.Name, Method: method, Path: path, Description: description}, true
}
