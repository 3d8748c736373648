package verify

import (
	"encoding/json"
	"strings"

	"github.com/gen-postman/gen-postman/templates"
)

// collectFolders lists the collection's requests under {{baseUrl}}: each top-level folder with
// the requests anywhere inside it, and the top-level requests in a folder of their own.
func collectFolders(items []pmItem, vars *variables) []templates.Folder {
	var folders []templates.Folder
	top := templates.Folder{Name: "Requests"}
	for _, item := range items {
		if item.Item != nil {
			f := templates.Folder{Name: item.Name}
			collectRequests(&f, item.Item, vars, 0)
			if len(f.Requests) > 0 {
				folders = append(folders, f)
			}
			continue
		}
		if r, ok := readRequest(item, vars); ok {
			top.Requests = append(top.Requests, r)
		}
	}
	if len(top.Requests) > 0 {
		folders = append([]templates.Folder{top}, folders...)
	}
	return folders
}

// maxItemDepth bounds folder nesting.
const maxItemDepth = 32

func collectRequests(f *templates.Folder, items []pmItem, vars *variables, depth int) {
	if depth > maxItemDepth {
		return
	}
	for _, item := range items {
		if item.Item != nil {
			collectRequests(f, item.Item, vars, depth+1)
		} else if r, ok := readRequest(item, vars); ok {
			f.Requests = append(f.Requests, r)
		}
	}
}

// readRequest reads a request whose URL is {{baseUrl}} followed by a path.
func readRequest(item pmItem, vars *variables) (templates.Request, bool) {
	if len(item.Request) == 0 {
		return templates.Request{}, false
	}
	var req pmRequest
	var rawURL string
	if s, err := rawString(item.Request); err == nil {
		rawURL = s
	} else if json.Unmarshal(item.Request, &req) == nil {
		rawURL = req.url()
	}
	rest, ok := strings.CutPrefix(rawURL, "{{baseUrl}}")
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
	method := strings.ToUpper(req.Method)
	if method == "" {
		method = "GET"
	}
	return templates.Request{Name: item.Name, Method: method, Path: path, Description: req.description()}, true
}
