package verifytest

import (
	"maps"
	"net/http"
)

// introspect serves RFC 7662 token introspection to the one client, authenticated as at the
// token endpoint: an opaque token it issued is active, with what it stands for; any other
// token, and every token with the InactiveToken defect, is not.
func (idp *IdP) introspect(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", "the body is not a form", "", "")
		return
	}
	id, secret, method, ok := clientCredentials(r)
	o := idp.opts
	if !ok || id != o.ClientID || secret != o.ClientSecret || (o.ClientAuth != "" && method != o.ClientAuth) {
		oauthError(w, http.StatusUnauthorized, "invalid_client", "client authentication failed", "", "")
		return
	}
	idp.mu.Lock()
	claims, issued := idp.opaque[r.PostForm.Get("token")]
	idp.mu.Unlock()
	if !issued || o.Defect == InactiveToken {
		writeJSON(w, http.StatusOK, map[string]any{"active": false})
		return
	}
	answer := maps.Clone(claims)
	answer["active"] = true
	answer["client_id"] = o.ClientID
	if o.Defect == WrongClient {
		answer["client_id"] = "someone-else"
	}
	answer["token_type"] = "Bearer"
	writeJSON(w, http.StatusOK, answer)
}
