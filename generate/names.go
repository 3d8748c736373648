package generate

import (
	"fmt"

	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
)

// ownVariables are the collection variables gen-postman writes and its scripts read and set,
// besides those of the token request's settings.
var ownVariables = []string{postman.VarAccessToken, postman.VarRenewAt, postman.VarAccessTokenFor, postman.VarTokenError, postman.VarPathError}

// variableNames names the collection variables that the requests' path parameters stand for.
// A name the collection already has for its own settings (a document's {client_secret} means
// clientSecret, its {audience} audience) would send that setting as the parameter, or shadow it
// with an empty value: such a variable is renamed, and the warnings say so.
func variableNames(p *profile.Profile) (map[string]string, []string) {
	taken := map[string]bool{}
	for _, s := range settings(p) {
		taken[s.key] = true
	}
	for _, name := range ownVariables {
		taken[name] = true
	}
	for _, v := range p.Variables {
		if !taken[v.Name] {
			taken[v.Name] = false // the API's own, kept as it is
		}
	}
	rename := map[string]string{}
	var warnings []string
	for _, v := range p.Variables {
		if own, ok := taken[v.Name]; !ok || !own {
			continue
		}
		name := v.Name + "Param"
		for n := 2; hasKey(taken, name); n++ {
			name = fmt.Sprintf("%sParam%d", v.Name, n)
		}
		taken[name] = true
		rename[v.Name] = name
		warnings = append(warnings, fmt.Sprintf("the API's path parameters use a variable named %s, as the collection's own setting is: it is %s in this collection", v.Name, name))
	}
	return rename, warnings
}

func hasKey(m map[string]bool, k string) bool { _, ok := m[k]; return ok }

// variableName is the collection variable an API variable is written as.
func variableName(rename map[string]string, name string) string {
	if to, ok := rename[name]; ok {
		return to
	}
	return name
}
