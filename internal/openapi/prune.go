package openapi

// pruneResponses returns a JSON document with each operation's responses emptied: gen-postman
// writes no saved responses, and in real documents they are most of the text (57% of Logto's),
// so the library builds a model half the size. Everything else is copied byte for byte, line
// breaks included, so that the order the library reads from line numbers is kept. Input that is
// not a JSON object, or that this scanner cannot follow, is returned as it is: the library
// reports what is wrong with it.
func pruneResponses(data []byte) []byte {
	start := skipSpace(data, 0)
	if start == len(data) || data[start] != '{' {
		return data
	}
	type frame struct {
		object    bool
		expectKey bool
		key       string
	}
	var stack []frame
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == '"':
			end := stringEnd(data, i)
			if end < 0 {
				return data
			}
			out = append(out, data[i:end]...)
			isKey := len(stack) > 0 && stack[len(stack)-1].object && stack[len(stack)-1].expectKey
			key := data[i+1 : end-1]
			i = end
			if !isKey {
				continue
			}
			top := &stack[len(stack)-1]
			top.expectKey = false
			if len(stack) <= 3 {
				top.key = string(key)
			}
			// paths → path item → operation → responses
			if len(stack) == 4 && string(key) == "responses" && stack[0].key == "paths" {
				j := skipSpace(data, i)
				if j == len(data) || data[j] != ':' {
					return data
				}
				out = append(out, data[i:j+1]...)
				k := skipSpace(data, j+1)
				out = append(out, data[j+1:k]...)
				end := valueEnd(data, k)
				if end < 0 {
					return data
				}
				out = append(out, '{', '}')
				i = end
			}
			continue
		case c == '{':
			stack = append(stack, frame{object: true, expectKey: true})
		case c == '[':
			stack = append(stack, frame{})
		case c == '}' || c == ']':
			if len(stack) == 0 {
				return data
			}
			stack = stack[:len(stack)-1]
		case c == ',':
			if len(stack) > 0 && stack[len(stack)-1].object {
				stack[len(stack)-1].expectKey = true
			}
		}
		out = append(out, c)
		i++
	}
	return out
}

// skipSpace returns the index of the first byte at or after i that is not JSON white space.
func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// stringEnd returns the index just past the JSON string that starts at data[i], or -1.
func stringEnd(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// valueEnd returns the index just past the JSON value that starts at data[i], or -1.
func valueEnd(data []byte, i int) int {
	if i >= len(data) {
		return -1
	}
	switch data[i] {
	case '"':
		return stringEnd(data, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(data); j++ {
			switch data[j] {
			case '"':
				end := stringEnd(data, j)
				if end < 0 {
					return -1
				}
				j = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return -1
	}
	j := i
	for j < len(data) && data[j] != ',' && data[j] != '}' && data[j] != ']' && data[j] != ' ' && data[j] != '\n' && data[j] != '\r' && data[j] != '\t' {
		j++
	}
	return j
}
