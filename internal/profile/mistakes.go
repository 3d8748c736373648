package profile

import (
	"fmt"
	"strings"

	"github.com/gen-postman/gen-postman/internal/input"
	"github.com/gen-postman/gen-postman/internal/setting"
)

// trimPresetPath corrects a base URL that already ends with a path the preset appends to it,
// as an issuer (https://auth.example.com/oidc for Logto) or a token URL pasted as --endpoint,
// which would otherwise give .../oidc/oidc/token. It says what it did in p's warnings.
func (r *resolver) trimPresetPath(p *Profile, endpoint string) string {
	suffix := ""
	for _, pattern := range []string{r.preset.TokenURL, r.preset.JWKSURL, r.preset.Issuer} {
		s, ok := strings.CutPrefix(pattern, "{base}")
		s = strings.TrimRight(s, "/")
		if !ok || s == "" || strings.ContainsRune(s, '{') {
			continue
		}
		if strings.HasSuffix(endpoint, s) && len(s) > len(suffix) {
			suffix = s
		}
	}
	if suffix == "" {
		return endpoint
	}
	base := strings.TrimSuffix(endpoint, suffix)
	if _, err := r.opts.URLPolicy.Parse(base); err != nil || strings.HasSuffix(base, "/") {
		return endpoint
	}
	p.Warnings = append(p.Warnings, fmt.Sprintf("%s %s ends with %s, which the %s preset adds itself; using %s as the base URL",
		input.Flag(setting.Endpoint), endpoint, suffix, r.preset.Name, base))
	return base
}

// scopeWarnings remarks on a scope that is probably not what the user meant: one with commas,
// which separate nothing in OAuth (RFC 6749 §3.3 separates scopes with spaces), and an empty
// one given explicitly, which requests no scope at all.
func scopeWarnings(scope string, given bool, presetScope string) []string {
	var out []string
	if given && scope == "" {
		if presetScope != "" {
			out = append(out, fmt.Sprintf("the scope is empty, so the preset's scope %q is not requested", presetScope))
		} else {
			out = append(out, "the scope is empty: the token request asks for no scope")
		}
	}
	for _, tok := range strings.Fields(scope) {
		if strings.Contains(tok, ",") {
			spaced := strings.Join(strings.FieldsFunc(scope, func(r rune) bool { return r == ',' || r == ' ' }), " ")
			out = append(out, fmt.Sprintf("scope %q holds a comma, which the server takes as part of a scope's name; "+
				"scopes are separated by spaces: %q", scope, spaced))
			break
		}
	}
	return out
}
