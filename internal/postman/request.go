package postman

import (
	"encoding/json"
	"fmt"
	"strings"

	postman "github.com/rbretecher/go-postman-collection"
)

// QueryParam is one query parameter of a structured URL.
type QueryParam struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// VariableURL builds {{variable}}PATH in Postman's structured form. path starts with / and may
// carry a ?query. Variable is set so that go-postman-collection encodes the URL as a JSON
// object, escaped, rather than pasting Raw between quotes.
func VariableURL(variable, path string) (*URL, error) {
	if !strings.HasPrefix(path, "/") {
		return nil, fmt.Errorf("path %q does not start with /", path)
	}
	for _, r := range path {
		if r <= ' ' || r > '~' || strings.ContainsRune(`"\#{}<>|^`+"`", r) {
			return nil, fmt.Errorf("path %q has a character that must be escaped", path)
		}
	}
	host := Ref(variable)
	u := &URL{Raw: host + path, Host: []string{host}, Variable: []any{}}
	rest, query, _ := strings.Cut(strings.TrimPrefix(path, "/"), "?")
	if rest != "" {
		u.Path = strings.Split(rest, "/")
	}
	if query != "" {
		var params []QueryParam
		for _, pair := range strings.Split(query, "&") {
			k, v, _ := strings.Cut(pair, "=")
			params = append(params, QueryParam{Key: k, Value: v})
		}
		u.Query = params
	}
	return u, nil
}

// SetMethod sets req's method from its name, in any case. go-postman-collection keeps the
// method's type unexported, so only its constants can be assigned.
func SetMethod(req *Request, method string) error {
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

// setAnyMethod sets a method read from a file, which may be one go-postman-collection has no
// constant for (PROPFIND, PURGE, …): JSON is the one way to set its unexported type.
func setAnyMethod(req *Request, method string) {
	if SetMethod(req, method) == nil {
		return
	}
	data, err := json.Marshal(map[string]string{"method": strings.ToUpper(method)})
	if err == nil {
		_ = json.Unmarshal(data, req) // only the method field is present
	}
}
