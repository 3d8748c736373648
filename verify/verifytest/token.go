package verifytest

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// token serves the client credentials grant (RFC 6749 §4.4).
func (idp *IdP) token(w http.ResponseWriter, r *http.Request) {
	o, d := idp.opts, idp.opts.Defect
	switch d {
	case Redirect:
		if r.URL.Path == "/oidc/token" {
			to := o.RedirectTo
			if to == "" {
				to = base(r) + "/moved/token"
			}
			http.Redirect(w, r, to, http.StatusTemporaryRedirect)
			return
		}
	case Slow:
		select {
		case <-time.After(o.Delay):
		case <-r.Context().Done():
			return
		}
	case ServerError:
		http.Error(w, "internal server error", http.StatusInternalServerError)
		return
	case NotJSON:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte("<!doctype html><html><body><h1>Sign in</h1></body></html>\n"))
		return
	case HugeBody:
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"access_token":"` + strings.Repeat("a", 2<<20) + `","token_type":"Bearer"}`))
		return
	}
	if idp.hostileToken(w, r) {
		return
	}
	if err := r.ParseForm(); err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", "the body is not a form", "", "")
		return
	}
	form := r.PostForm
	if form.Get("grant_type") != "client_credentials" {
		oauthError(w, http.StatusBadRequest, "unsupported_grant_type", "only client_credentials is supported", "", "")
		return
	}
	id, secret, method, ok := clientCredentials(r)
	switch {
	case !ok:
		oauthError(w, http.StatusBadRequest, "invalid_request", "client authentication must use exactly one method", "", "")
		return
	case d == EchoSecret:
		echo := "client authentication failed for secret " + secret + " (form: " + url.QueryEscape(secret) + ")"
		oauthError(w, http.StatusUnauthorized, "invalid_client", echo, "oidc.invalid_client", echo)
		return
	case id != o.ClientID:
		oauthError(w, http.StatusBadRequest, "invalid_client", "client not found", "oidc.invalid_client", "Client not found.")
		return
	case d == InvalidClient || secret != o.ClientSecret || (o.ClientAuth != "" && method != o.ClientAuth):
		oauthError(w, http.StatusUnauthorized, "invalid_client", "client authentication failed", "oidc.invalid_client", "Client authentication failed.")
		return
	}
	apis := idp.audiences(form)
	if o.Entra {
		apis = entraAPIs(form.Get("scope"))
	}
	for _, api := range apis {
		if d == InvalidTarget || (len(o.Resources) > 0 && !slices.Contains(o.Resources, api)) {
			oauthError(w, http.StatusBadRequest, "invalid_target", "resource indicator is missing, or unknown",
				"oidc.invalid_target", "The resource indicator is missing, or unknown.")
			return
		}
	}
	if d == InvalidTarget && len(apis) == 0 {
		oauthError(w, http.StatusBadRequest, "invalid_target", "resource indicator is missing, or unknown",
			"oidc.invalid_target", "The resource indicator is missing, or unknown.")
		return
	}
	granted := idp.grant(strings.Fields(form.Get("scope")))
	if o.Entra {
		granted = nil
	}
	now := o.Now()
	var access string
	switch {
	case d == ChosenToken:
		access = o.Token
	case (len(apis) == 0 && !o.AudienceOnly && !o.Entra) || d == OpaqueToken || o.OpaqueTokens:
		access = randomString(32)
		idp.mu.Lock()
		if idp.opaque == nil {
			idp.opaque = map[string]jwt.MapClaims{}
		}
		idp.opaque[access] = idp.claims(base(r), apis, granted, now)
		idp.mu.Unlock()
	case o.Entra:
		tok, err := idp.signEntra(idp.entraClaims(apis[0], now), d, secret)
		if err != nil {
			oauthError(w, http.StatusInternalServerError, "server_error", err.Error(), "", "")
			return
		}
		access = tok
	default:
		tok, err := idp.sign(idp.claims(base(r), apis, granted, now), idp.typ(), d, secret)
		if err != nil {
			oauthError(w, http.StatusInternalServerError, "server_error", err.Error(), "", "")
			return
		}
		access = tok
	}
	idp.mu.Lock()
	idp.issued = append(idp.issued, access)
	idp.mu.Unlock()

	resp := map[string]any{"access_token": access, "token_type": "Bearer"}
	if d == TokenTypeMAC {
		resp["token_type"] = "mac"
	}
	expiresIn := int64(o.TTL / time.Second)
	if d == ExpiresInMismatch {
		expiresIn *= 2
	}
	resp["expires_in"] = expiresIn
	if o.ExpiresInString {
		resp["expires_in"] = strconv.FormatInt(expiresIn, 10)
	}
	if len(granted) > 0 {
		resp["scope"] = strings.Join(granted, " ")
	}
	if d == ControlChars {
		resp["scope"] = strings.Join(granted, " ") + " " + controlText
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, resp)
}

// clientCredentials reads the client's id and secret from HTTP Basic, form-decoding both as
// RFC 6749 §2.3.1 requires, or from the body. ok is false when both or neither are used.
func clientCredentials(r *http.Request) (id, secret, method string, ok bool) {
	bodyID, inBody := r.PostForm["client_id"]
	if user, pass, basic := r.BasicAuth(); basic {
		if inBody {
			return "", "", "", false
		}
		id, err1 := url.QueryUnescape(user)
		secret, err2 := url.QueryUnescape(pass)
		if err1 != nil || err2 != nil {
			return "", "", "", false
		}
		return id, secret, "header", true
	}
	if !inBody {
		return "", "", "", false
	}
	return bodyID[0], r.PostForm.Get("client_secret"), "body", true
}

// audiences are the APIs a token request names: resource, else audience; with AudienceOnly,
// each space-separated audience and never resource.
func (idp *IdP) audiences(form url.Values) []string {
	if idp.opts.AudienceOnly {
		return strings.Fields(form.Get("audience"))
	}
	for _, name := range []string{"resource", "audience"} {
		if v := form.Get(name); v != "" {
			return []string{v}
		}
	}
	return nil
}

// grant returns the requested scopes the client holds, less the first with DroppedScope.
func (idp *IdP) grant(requested []string) []string {
	var granted []string
	for _, s := range requested {
		if idp.opts.Scopes == nil || slices.Contains(idp.opts.Scopes, s) {
			granted = append(granted, s)
		}
	}
	if idp.opts.Defect == DroppedScope && len(granted) > 0 {
		granted = granted[1:]
	}
	return granted
}

func (idp *IdP) typ() string {
	if idp.opts.Defect == TypJWT {
		return "JWT"
	}
	return "at+jwt"
}

// claims are the access token's claims (RFC 9068 §2.2) with the defect applied.
func (idp *IdP) claims(baseURL string, apis []string, scopes []string, now time.Time) jwt.MapClaims {
	o, d := idp.opts, idp.opts.Defect
	iat := now.Truncate(time.Second)
	if d == IssuedInFuture {
		iat = iat.Add(10 * time.Minute)
	}
	if d == Expired {
		iat = iat.Add(-o.TTL - time.Hour)
	}
	c := jwt.MapClaims{
		"iss": Issuer(baseURL),
		"iat": iat.Unix(),
		"exp": iat.Add(o.TTL).Unix(),
		"jti": randomString(16),
	}
	if d == WrongIssuer {
		c["iss"] = baseURL + "/other"
	}
	if d == NoExpiry {
		delete(c, "exp")
	}
	if d == NotYetValid {
		c["nbf"] = iat.Add(10 * time.Minute).Unix()
	}
	aud := apis
	if d == WrongAudience {
		aud = []string{"https://wrong.example/api"}
	}
	switch {
	case o.AudienceArray || o.AudienceOnly:
		c["aud"] = append([]string{}, aud...)
	case len(aud) > 0:
		c["aud"] = aud[0]
	}
	if len(scopes) > 0 {
		if o.ScpArray {
			c["scp"] = scopes
		} else {
			c["scope"] = strings.Join(scopes, " ")
		}
	}
	switch d {
	case ControlChars:
		c["scope"] = strings.Join(scopes, " ") + " " + controlText
		c["note"+controlText] = controlText
	case EchoInToken:
		c[o.ClientSecret] = o.ClientSecret
	}
	client := o.ClientID
	if d == WrongClient {
		client = "someone-else"
	}
	switch o.ClientClaim {
	case "", "sub":
		c["sub"] = client
	case "azp":
		c["azp"] = client
	case "client_id":
		c["client_id"] = client
		c["sub"] = client
	case "auth0":
		c["azp"] = client
		c["sub"] = client + "@clients"
	}
	return c
}

// discovery serves OpenID Connect Discovery metadata.
func (idp *IdP) discovery(w http.ResponseWriter, r *http.Request) {
	b := base(r)
	tokenEndpoint, issuer := b+"/oidc/token", Issuer(b)
	switch idp.opts.Defect {
	case DiscoveryMismatch:
		tokenEndpoint = b + "/oidc/other-token"
	case EchoDiscoveryEndpoint:
		tokenEndpoint = b + "/oidc/token?" + idp.opts.ClientSecret
	case EchoDiscovery:
		issuer = Issuer(b) + "/" + idp.opts.ClientSecret
	}
	if idp.opts.CacheControl != "" {
		w.Header().Set("Cache-Control", idp.opts.CacheControl)
	}
	md := map[string]any{
		"issuer":                                issuer,
		"token_endpoint":                        tokenEndpoint,
		"jwks_uri":                              b + "/oidc/jwks",
		"grant_types_supported":                 []string{"client_credentials"},
		"token_endpoint_auth_methods_supported": []string{"client_secret_basic", "client_secret_post"},
	}
	switch {
	case idp.opts.Defect == IntrospectionElsewhere:
		md["introspection_endpoint"] = "https://introspection.elsewhere.example/introspect"
	case idp.opts.Introspection:
		md["introspection_endpoint"] = b + "/oidc/introspect"
	}
	writeJSON(w, http.StatusOK, md)
}

func (idp *IdP) keys(w http.ResponseWriter, _ *http.Request) {
	idp.mu.Lock()
	jwks := idp.jwks
	idp.mu.Unlock()
	w.Header().Set("Content-Type", "application/jwk-set+json")
	if idp.opts.CacheControl != "" {
		w.Header().Set("Cache-Control", idp.opts.CacheControl)
	}
	_, _ = w.Write(jwks)
}

// api answers 200 to a Bearer token the server issued, and 401 to anything else.
func (idp *IdP) api(w http.ResponseWriter, r *http.Request) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if ok && idp.opts.Defect == EchoTokenOnCall {
		// The token again where a client cuts what it keeps: half of it before 2 KiB, and
		// again just before 64 KiB.
		first := strings.Repeat("p", 2<<10-len(token)/2)
		second := strings.Repeat("q", 64<<10-6-len(first)-len(token))
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token", error_description="`+token+`"`)
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(first + token + second + token))
		return
	}
	if ok && slices.Contains(idp.Issued(), token) {
		writeJSON(w, http.StatusOK, map[string]any{"path": r.URL.Path})
		return
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="api", error="invalid_token"`)
	writeJSON(w, http.StatusUnauthorized, map[string]any{"error": "invalid_token"})
}

// oauthError writes an RFC 6749 §5.2 error, with Logto's code and message when given.
func oauthError(w http.ResponseWriter, status int, code, description, logtoCode, message string) {
	body := map[string]any{"error": code, "error_description": description}
	if logtoCode != "" {
		body["code"], body["message"] = logtoCode, message
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Basic realm="token"`)
	}
	writeJSON(w, status, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

func randomString(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
