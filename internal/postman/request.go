package postman

import (
	"encoding/json"
	"fmt"
	"strings"

	postman "github.com/rbretecher/go-postman-collection"
)

// QueryParam is one query parameter of a structured URL.
type QueryParam struct {
	Key         string `json:"key"`
	Value       string `json:"value"`
	Description string `json:"description,omitempty"`
	// Disabled keeps the parameter in the request without sending it.
	Disabled bool `json:"disabled,omitempty"`
}

// PathVariable is the value of one :name segment of a structured URL's path.
type PathVariable struct {
	Key         string `json:"key"`
	Value       string `json:"value"`
	Description string `json:"description,omitempty"`
}

// TemplateURL builds {{variable}}PATH like [VariableURL] from a path that may come from an API
// description: characters a URL cannot hold are percent-encoded, {{name}} references are kept,
// and a :name segment takes its value from pathVars. query is added after any query in path;
// disabled parameters stay out of the raw URL.
func TemplateURL(variable, path string, pathVars []PathVariable, query []QueryParam) (*URL, error) {
	path, rawQuery, _ := strings.Cut(path, "?")
	escaped := escapeTemplate(path, "/:@!$&'()*+,;=%")
	if rawQuery != "" {
		escaped += "?" + escapeTemplate(rawQuery, "/:@!$&'()*+,;=%?")
	}
	u, err := VariableURL(variable, escaped)
	if err != nil {
		return nil, err
	}
	if len(pathVars) > 0 {
		u.Variable = pathVars
	}
	if len(query) == 0 {
		return u, nil
	}
	params, _ := u.Query.([]QueryParam)
	var raw []string
	for _, q := range params {
		raw = append(raw, q.Key+"="+q.Value)
	}
	for _, q := range query {
		q.Key, q.Value = escapeTemplate(q.Key, "/:@!$'()*+,;%?"), escapeTemplate(q.Value, "/:@!$'()*+,;%?")
		params = append(params, q)
		if !q.Disabled {
			raw = append(raw, q.Key+"="+q.Value)
		}
	}
	u.Query = params
	u.Raw, _, _ = strings.Cut(u.Raw, "?")
	if len(raw) > 0 {
		u.Raw += "?" + strings.Join(raw, "&")
	}
	return u, nil
}

// escapeTemplate percent-encodes every byte of s that is neither unreserved (RFC 3986) nor in
// keep, leaving {{name}} variable references as they are.
func escapeTemplate(s, keep string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "{{") {
			if end := strings.Index(s[i+2:], "}}"); end > 0 && validVariableName(s[i+2:i+2+end]) {
				b.WriteString(s[i : i+4+end])
				i += 4 + end
				continue
			}
		}
		c := s[i]
		if isUnreserved(c) || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
		i++
	}
	return b.String()
}

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0
}

// validVariableName accepts the variable names gen-postman writes: letters, digits, - and _.
func validVariableName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; !(isUnreserved(c) && c != '.' && c != '~') {
			return false
		}
	}
	return true
}

// VariableURL builds {{variable}}PATH in Postman's structured form. path starts with / and may
// carry a ?query. Variable is set so that go-postman-collection encodes the URL as a JSON
// object, escaped, rather than pasting Raw between quotes.
func VariableURL(variable, path string) (*URL, error) {
	if !strings.HasPrefix(path, "/") {
		return nil, fmt.Errorf("path %q does not start with /", path)
	}
	if bad := strings.IndexFunc(stripVariableRefs(path), func(r rune) bool {
		return r <= ' ' || r > '~' || strings.ContainsRune(`"\#{}<>|^`+"`", r)
	}); bad >= 0 {
		return nil, fmt.Errorf("path %q has a character that must be escaped", path)
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

// stripVariableRefs removes the {{name}} references from s, for checking what is left.
func stripVariableRefs(s string) string {
	var b strings.Builder
	for {
		start := strings.Index(s, "{{")
		if start < 0 {
			break
		}
		end := strings.Index(s[start+2:], "}}")
		if end <= 0 || !validVariableName(s[start+2:start+2+end]) {
			break
		}
		b.WriteString(s[:start])
		s = s[start+4+end:]
	}
	b.WriteString(s)
	return b.String()
}
