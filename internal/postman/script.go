package postman

import "strings"

// Script listeners.
const (
	ListenPreRequest = "prerequest"
	ListenTest       = "test"
)

// NewScript splits JavaScript source into the lines Postman stores in exec.
func NewScript(source string) Script {
	return Script{Type: "text/javascript", Exec: strings.Split(strings.TrimSuffix(source, "\n"), "\n")}
}
