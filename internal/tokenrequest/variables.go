package tokenrequest

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/text"
)

// variable is one named value.
type variable struct{ key, value string }

// variables resolves {{name}} the way Postman does for a collection run: enabled environment
// values first, then collection variables.
type variables struct {
	env, col []variable
	haveEnv  bool
}

var varRef = regexp.MustCompile(`\{\{([^{}]+)\}\}`)

// maxVarDepth bounds variables that refer to variables, and maxExpanded what one value may
// grow to: a few variables that each repeat the last would otherwise grow to gigabytes long
// before they are deep.
const (
	maxVarDepth = 8
	maxExpanded = 64 << 10
)

// get is the value of name: the environment's, else the collection's, and within each the
// last of a duplicated key, as Newman, which fills each scope in file order, reads it.
func (v *variables) get(name string) (string, bool) {
	for _, list := range [][]variable{v.env, v.col} {
		for i := len(list) - 1; i >= 0; i-- {
			if list[i].key == name {
				return list[i].value, true
			}
		}
	}
	return "", false
}

// credentials are the variables that hold a credential. Only the auth's client secret field
// may use one: a collection whose base URL, scope or request URL names {{clientSecret}} would
// have verify send the secret where it sends those.
var credentials = []string{postman.VarClientSecret, postman.VarPrivateKey, postman.VarDPoPKey}

// expand replaces every {{name}} in s, failing on one that is not defined, and on a credential
// variable anywhere but in the auth's client secret.
func (v *variables) expand(field, s string) (string, error) {
	for depth := 0; strings.Contains(s, "{{"); depth++ {
		if depth == maxVarDepth {
			return "", collectionError(fmt.Sprintf("%s: variables refer to each other more than %d deep", field, maxVarDepth))
		}
		missing, credential, size := "", "", len(s)
		next := varRef.ReplaceAllStringFunc(s, func(ref string) string {
			if size > maxExpanded {
				return ""
			}
			name := ref[2 : len(ref)-2]
			if field != postman.AuthClientSecret && slices.Contains(credentials, name) && credential == "" {
				credential = ref
			}
			value, ok := v.get(name)
			if !ok && missing == "" {
				missing = ref
			}
			size += len(value) - len(ref)
			return value
		})
		if credential != "" {
			return "", collectionError(fmt.Sprintf("%s uses %s, which holds a credential: it goes only into the token request's client authentication",
				field, credential))
		}
		if size > maxExpanded {
			return "", collectionError(fmt.Sprintf("%s: its variables expand to more than %d KiB", field, maxExpanded>>10))
		}
		if missing != "" {
			reason := fmt.Sprintf("%s uses %s, which neither the environment nor the collection defines", field, text.OneLine(missing, 80))
			if !v.haveEnv {
				reason = fmt.Sprintf("%s uses %s, which the collection does not define; pass its environment with %s", field, text.OneLine(missing, 80), input.Flag("environment"))
			}
			return "", collectionError(reason)
		}
		if next == s {
			break
		}
		s = next
	}
	return s, nil
}

// expandOptional is expand for a value the caller may supply instead: an undefined variable,
// or a credential where none belongs, leaves it empty.
func (v *variables) expandOptional(field, s string) string {
	out, err := v.expand(field, s)
	if err != nil {
		return ""
	}
	return out
}
