package tokenrequest

import (
	"encoding/json"
	"strings"

	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/templates"
)

// scriptSettingsLine opens the line of gen-postman's pre-request script that holds its
// settings as JSON.
const scriptSettingsLine = "const settings = "

// notSigning reports whether the collection's pre-request script is gen-postman's and says its
// client does not sign (no private_key_jwt): its keyId variable, if any, is then the API's
// own path variable, not the kid of client assertions. A collection without that script says
// nothing, and its keyId is read as the kid.
func notSigning(col *postman.Collection) bool {
	events, _ := col.Events() // checked when the file is read
	for _, e := range events {
		if e.Listen != postman.ListenPreRequest {
			continue
		}
		for _, line := range e.Script.Exec {
			rest, ok := strings.CutPrefix(line, scriptSettingsLine)
			if !ok {
				continue
			}
			var s struct {
				ClientAuth *string `json:"clientAuth"`
			}
			if json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimSpace(rest), ";")), &s) != nil || s.ClientAuth == nil {
				return false
			}
			return *s.ClientAuth != templates.ClientAuthPrivateKeyJWT
		}
	}
	return false
}
