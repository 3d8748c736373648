package postman

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Encode returns v as Postman writes files: tab-indented JSON with a final newline.
// Characters such as < and & are kept as they are, which JSON allows.
func Encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "\t")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encoding JSON: %w", err)
	}
	return buf.Bytes(), nil
}
