package tokenrequest

import (
	"fmt"
	"strings"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/text"
)

// findRequest finds a request by its path, "Folder/Request", or by its name alone.
func findRequest(all []postman.AppliedRequest, name string) (*postman.AppliedRequest, error) {
	var byPath, byName []int
	for i, r := range all {
		if r.Name() == name {
			byPath = append(byPath, i)
		}
		if len(r.Path) > 0 && r.Path[len(r.Path)-1] == name {
			byName = append(byName, i)
		}
	}
	matches := byPath
	if len(matches) == 0 {
		matches = byName
	}
	switch len(matches) {
	case 1:
		return &all[matches[0]], nil
	case 0:
		names := make([]string, 0, len(all))
		for _, r := range all {
			names = append(names, r.Name())
		}
		return nil, &input.Error{Field: "request", Value: name, Reason: "the collection has no such request; it has " + quoteNames(names)}
	}
	names := make([]string, 0, len(matches))
	for _, i := range matches {
		names = append(names, all[i].Name())
	}
	return nil, &input.Error{Field: "request", Value: name,
		Reason: "more than one request has this name: " + quoteNames(names) + "; give it as Folder/Request"}
}

// quoteNames lists request names for a message, the first ten of them.
func quoteNames(names []string) string {
	if len(names) == 0 {
		return "no requests"
	}
	const shown = 10
	q := make([]string, 0, min(len(names), shown))
	for i, n := range names {
		if i == shown {
			break
		}
		q = append(q, fmt.Sprintf("%q", text.OneLine(n, 80)))
	}
	out := strings.Join(q, ", ")
	if len(names) > shown {
		out += fmt.Sprintf(" and %d more", len(names)-shown)
	}
	return out
}
