package verify

import "github.com/gen-postman/gen-postman/internal/redact"

// What a server sends is hidden as it comes in: the client secret and the token never reach
// the report, whatever the server echoes. The checks, though, must not read hidden text against
// values as given: a short secret ("e", "1") stands inside ordinary values, and
// "https://api.e[REDACTED]ample.test" is not the audience asked for. So a check compares like
// with like: the server's strings hidden, against the values they are checked against hidden
// the same way (see expectations), while claim names, numbers and booleans stay as sent, since
// the checks look claims up by name and read dates as numbers. The report shows copies in which
// everything is hidden.

// checkedValues returns a copy of m for the checks: strings hidden by red, everything else as
// it is.
func checkedValues(red redact.Redactor, m map[string]any) map[string]any {
	out, _ := mapStrings(m, red.Visible).(map[string]any)
	return out
}

// shownValues returns a copy of m for the report: names and values hidden by red.
func shownValues(red redact.Redactor, m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := mapStrings(m, func(s string) string { return s }).(map[string]any)
	red.Values(out)
	return out
}

// mapStrings returns a copy of v, its maps and lists copied, each string through f.
func mapStrings(v any, f func(string) string) any {
	switch v := v.(type) {
	case string:
		return f(v)
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = mapStrings(x, f)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = mapStrings(x, f)
		}
		return out
	}
	return v
}

// hiddenAll returns each value hidden by red, as the server's values it is compared with are.
func hiddenAll(red redact.Redactor, values []string) []string {
	if values == nil {
		return nil
	}
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = red.Visible(v)
	}
	return out
}
