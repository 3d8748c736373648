package openapi

import (
	"slices"
	"strings"

	"github.com/gen-postman/gen-postman/internal/apimodel"
)

// itemOf is the collection an item path belongs to: /api/applications/{id} is an item of
// /api/applications, and its last parameter's variable is the one a list or a create of that
// collection fills.
type itemOf struct {
	variable, name string
	collection     string // the path of the collection the item is in
}

// flow orders each folder's requests so that a run goes list, create, read, update, delete,
// says which variables each list and create fills from its answer (never a selector, a
// variable whose parameter the document gives a fixed list of values), and orders the folders so
// that one whose requests need a variable another folder fills comes after it; see the package
// documentation.
func flow(folders []Folder, selectors map[string]bool) []Folder {
	items := map[string]itemOf{}
	for _, f := range folders {
		for _, r := range f.Requests {
			if len(r.PathParams) == 0 {
				continue
			}
			last := r.PathParams[len(r.PathParams)-1]
			path := pathOnly(r.Path)
			if collection, ok := strings.CutSuffix(path, "/{"+last.Name+"}"); ok && collection != "" && !selectors[last.Variable] {
				if _, seen := items[collectionKey(collection)]; !seen {
					items[collectionKey(collection)] = itemOf{variable: last.Variable, name: last.Name, collection: collection}
				}
			}
		}
	}
	for i := range folders {
		reqs := folders[i].Requests
		for j := range reqs {
			r := &reqs[j]
			it, ok := items[collectionKey(pathOnly(r.Path))]
			if !ok || (r.Method != "GET" && r.Method != "POST") {
				continue
			}
			if !fills(r, it.variable) { // a link of the document's says it first
				r.Fills = append(r.Fills, apimodel.Fill{Variable: it.variable, Fields: idFields(it.name, it.collection), Created: r.Method == "POST"})
			}
		}
		slices.SortStableFunc(reqs, func(a, b Request) int { return compareFlow(flowKey(a), flowKey(b)) })
	}
	return orderFolders(folders)
}

// orderFolders places each folder after the folders that fill the variables its requests need
// and it does not fill itself, keeping the document's order where nothing needs another: the
// first folder whose needs are met goes next; when none is (folders that need each other), the
// first left goes.
func orderFolders(folders []Folder) []Folder {
	fills := make([]map[string]bool, len(folders))
	fillers := map[string]int{} // how many folders not yet placed fill a variable
	for i, f := range folders {
		fills[i] = map[string]bool{}
		for _, r := range f.Requests {
			for _, fill := range r.Fills {
				if !fills[i][fill.Variable] {
					fills[i][fill.Variable] = true
					fillers[fill.Variable]++
				}
			}
		}
	}
	needs := make([][]string, len(folders))
	for i, f := range folders {
		seen := map[string]bool{}
		for _, r := range f.Requests {
			for _, p := range r.PathParams {
				if !fills[i][p.Variable] && !seen[p.Variable] {
					seen[p.Variable] = true
					needs[i] = append(needs[i], p.Variable)
				}
			}
		}
	}
	out := make([]Folder, 0, len(folders))
	placed := make([]bool, len(folders))
	for len(out) < len(folders) {
		next := -1
		for i := range folders {
			if placed[i] {
				continue
			}
			if next < 0 {
				next = i // the first left, if none is ready
			}
			ready := true
			for _, v := range needs[i] {
				if fillers[v] > 0 {
					ready = false
					break
				}
			}
			if ready {
				next = i
				break
			}
		}
		placed[next] = true
		out = append(out, folders[next])
		for v := range fills[next] {
			fillers[v]--
		}
	}
	return out
}

// collectionKey names a collection path whatever the number of its last segment: Kinde creates
// a user with POST /api/v1/user and reads one at /api/v1/users/{user_id}.
func collectionKey(path string) string {
	i := strings.LastIndexByte(path, '/')
	return path[:i+1] + strings.ToLower(singular(path[i+1:]))
}

// pathOnly is a request path without the query it may end in.
func pathOnly(path string) string {
	p, _, _ := strings.Cut(path, "?")
	return p
}

// idFields are the names under which an answer may hold the value of the path parameter name
// of an item of collection: the name itself, camelCased, its last word (code, for org_code), for
// a parameter named id the collection's item with _id and camelCased (client_id and clientId,
// for /clients/{id}: Ory Hydra's clients answer client_id), and id.
func idFields(name, collection string) []string {
	out := []string{name}
	add := func(f string) {
		if f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	m := camelCase(name)
	add(m)
	if _, tail := splitName(m); tail != "" {
		add(strings.ToLower(tail[:1]) + tail[1:])
	}
	// A parameter named id alone says nothing of what it is: the collection does.
	if item := singular(collection[strings.LastIndexByte(collection, '/')+1:]); strings.EqualFold(name, "id") && item != "" && !strings.ContainsAny(item, "{}") {
		add(item + "_id")
		add(camelCase(item + "_id"))
	}
	add("id")
	return out
}

// flowKey places a request in a run: first what reads or adds (lists, then creates, then reads
// of one item, fewer path parameters first), then updates, then deletes, the deepest paths
// first so that what belongs to a resource goes before it.
func flowKey(r Request) [3]int {
	params := len(r.PathParams)
	switch r.Method {
	case "PUT", "PATCH":
		return [3]int{1, params, 0}
	case "DELETE":
		// More path parameters first, then the longer path: /organizations/{id}/flags goes
		// before /organizations/{id}, which would leave the flags nothing to belong to.
		return [3]int{2, -params, -strings.Count(r.Path, "/")}
	case "POST":
		return [3]int{0, params, 1}
	case "GET":
		if len(r.Fills) > 0 || params == 0 {
			return [3]int{0, params, 0}
		}
	}
	return [3]int{0, params, 2}
}

func compareFlow(a, b [3]int) int {
	for i := range a {
		if a[i] != b[i] {
			return a[i] - b[i]
		}
	}
	return 0
}

// fills reports whether r's answer fills variable.
func fills(r *Request, variable string) bool {
	for _, f := range r.Fills {
		if f.Variable == variable {
			return true
		}
	}
	return false
}
