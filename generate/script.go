package generate

import "strings"

// newScript splits JavaScript source into the lines Postman stores in exec.
func newScript(source string) Script {
	return Script{Type: "text/javascript", Exec: strings.Split(strings.TrimSuffix(source, "\n"), "\n")}
}
