package generate

import (
	"fmt"
	"maps"

	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
)

// ownVariables are the collection variables gen-postman writes and its scripts read and set,
// besides those of the token request's settings.
var ownVariables = []string{postman.VarAccessToken, postman.VarRenewAt, postman.VarAccessTokenFor, postman.VarTokenError, postman.VarPathError, postman.VarCreatedIDs, postman.VarChangeExisting}

// variableNames names the collection variables that the requests' path parameters stand for.
// A name the collection already has for its own settings (a document's {client_secret} means
// clientSecret, its {audience} audience) would send that setting as the parameter, or shadow it
// with an empty value: such a variable is renamed, and the warnings say so.
func variableNames(p *profile.Profile) (map[string]string, []string) {
	own := map[string]bool{}
	for _, s := range settings(p) {
		own[s.key] = true
	}
	for _, name := range ownVariables {
		own[name] = true
	}
	used := maps.Clone(own)
	for _, v := range p.Variables {
		used[v.Name] = true
	}
	rename := map[string]string{}
	var warnings []string
	for _, v := range p.Variables {
		if !own[v.Name] {
			continue
		}
		name := v.Name + "Param"
		for n := 2; used[name]; n++ {
			name = fmt.Sprintf("%sParam%d", v.Name, n)
		}
		used[name] = true
		rename[v.Name] = name
		warnings = append(warnings, fmt.Sprintf("the API's path parameters use a variable named %s, as the collection's own setting is: it is %s in this collection", v.Name, name))
	}
	return rename, warnings
}

// variableName is the collection variable an API variable is written as.
func variableName(rename map[string]string, name string) string {
	if to, ok := rename[name]; ok {
		return to
	}
	return name
}
