package generate

import "strings"

// What an API description says is data, never a Postman template: Postman resolves {{name}}
// in URLs, headers and bodies at send time, so a document's example "{{clientSecret}}" would
// send the secret to the API. The writer makes every such text inert where it is written:

// inertURLPart percent-encodes the braces of a query parameter's name or value: the server gets
// the text the document wrote, and Postman sees no variable.
func inertURLPart(s string) string {
	if !strings.ContainsAny(s, "{}") {
		return s
	}
	return strings.NewReplacer("{", "%7B", "}", "%7D").Replace(s)
}

// inertJSON writes each { that follows another in JSON text as \u007b. In JSON, "{{" stands
// only inside a string, where the escape reads as the same character, so the server gets the
// same value and Postman sees no variable.
func inertJSON(s string) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '{' && i > 0 && s[i-1] == '{' {
			b.WriteString(`\u007b`)
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// holdsTemplate reports whether Postman would read part of s as a variable.
func holdsTemplate(s string) bool { return strings.Contains(s, "{{") }
