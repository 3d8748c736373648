package profile

import (
	"strings"
	"unicode"
)

// SanitizeName makes a name read from a file, such as a collection's, usable as Options.Name:
// control characters and / \ : * ? " < > | become -, and it is trimmed to what a name may hold.
// It returns "" when nothing usable is left.
func SanitizeName(name string) string {
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, strings.ToValidUTF8(name, ""))
	name = strings.TrimSpace(name)
	for len(name) > maxNameLength {
		r := []rune(name)
		name = strings.TrimSpace(string(r[:len(r)-1]))
	}
	if name == "." || name == ".." {
		return ""
	}
	return name
}
