package postman

import "encoding/json"

// descriptionText reads a description: a string, or an object's content.
func descriptionText(raw json.RawMessage) string {
	var d struct {
		Content string `json:"content"`
	}
	if json.Unmarshal(raw, &d) == nil && d.Content != "" {
		return d.Content
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return ""
}
