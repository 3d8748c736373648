package openapi

import (
	"strconv"
	"strings"
	"unicode"

	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
)

// maxNameLen caps a request name, in runes.
const maxNameLen = 200

// requestName is the summary, else the operationId, else "METHOD /path",
// on one line.
func requestName(op *v3.Operation, method, path string) string {
	for _, s := range []string{op.Summary, op.OperationId} {
		if s = oneLine(s); s != "" {
			return s
		}
	}
	return method + " " + oneLine(path)
}

// oneLine folds white space, line breaks included, into single spaces and
// caps the length.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > maxNameLen {
		s = string(r[:maxNameLen])
	}
	return s
}

// nameSet hands out unique names: "X", then "X (2)", "X (3)".
type nameSet map[string]bool

func (n nameSet) unique(name string) string {
	out := name
	for i := 2; n[out]; i++ {
		out = name + " (" + strconv.Itoa(i) + ")"
	}
	n[out] = true
	return out
}

// camelCase joins the words of s, split at anything that is not a letter or
// digit, as lowerCamelCase. Inner capitals are kept (userId stays userId);
// a word in capitals only is lowered first (ID becomes id, or Id inside).
func camelCase(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var sb strings.Builder
	for i, w := range words {
		if strings.ToUpper(w) == w {
			w = strings.ToLower(w)
		}
		r := []rune(w)
		if i == 0 {
			r[0] = unicode.ToLower(r[0])
		} else {
			r[0] = unicode.ToUpper(r[0])
		}
		sb.WriteString(string(r))
	}
	return sb.String()
}

// singular turns an English plural path segment into its singular with a
// few suffix rules: policies -> policy, statuses -> status, boxes -> box,
// users -> user. Words that do not look plural are kept.
func singular(w string) string {
	lw := strings.ToLower(w)
	switch {
	case strings.HasSuffix(lw, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(lw, "sses"), strings.HasSuffix(lw, "uses"),
		strings.HasSuffix(lw, "xes"), strings.HasSuffix(lw, "ches"),
		strings.HasSuffix(lw, "shes"), strings.HasSuffix(lw, "zzes"):
		return w[:len(w)-2]
	case strings.HasSuffix(lw, "ss"), strings.HasSuffix(lw, "us"), strings.HasSuffix(lw, "is"):
		return w
	case strings.HasSuffix(lw, "s") && len(w) > 1:
		return w[:len(w)-1]
	}
	return w
}
