package verifytest

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// EntraTenant is the tenant ID of an Entra server when Options.Tenant is empty.
const EntraTenant = "9188040d-6c67-4c5b-b112-36a304b66dad"

// GraphAPI is Microsoft Graph as a scope names it (https://graph.microsoft.com/.default).
const GraphAPI = "https://graph.microsoft.com"

// EntraIssuer is the iss of an Entra v1.0 token for tenant.
func EntraIssuer(tenant string) string { return "https://sts.windows.net/" + tenant + "/" }

func (idp *IdP) tenant() string {
	if idp.opts.Tenant != "" {
		return idp.opts.Tenant
	}
	return EntraTenant
}

// entraAPIs are the APIs a scope names as API/.default, Entra ID's way; a request naming none
// gets a token for Microsoft Graph.
func entraAPIs(scope string) []string {
	var apis []string
	for _, s := range strings.Fields(scope) {
		if api, ok := strings.CutSuffix(s, "/.default"); ok && api != "" {
			apis = append(apis, api)
		}
	}
	if len(apis) == 0 {
		apis = []string{GraphAPI}
	}
	return apis
}

// entraClaims are an Entra ID v1.0 access token's claims for an app: the client in appid, the
// app's application permissions in roles, no scope.
func (idp *IdP) entraClaims(api string, now time.Time) jwt.MapClaims {
	o, d := idp.opts, idp.opts.Defect
	iat := now.Truncate(time.Second)
	if d == Expired {
		iat = iat.Add(-o.TTL - time.Hour)
	}
	client := o.ClientID
	if d == WrongClient {
		client = "someone-else"
	}
	aud := api
	if d == WrongAudience {
		aud = "https://wrong.example/api"
	}
	iss := EntraIssuer(idp.tenant())
	if d == WrongIssuer {
		iss = EntraIssuer("00000000-0000-0000-0000-000000000000")
	}
	roles := []string{}
	if o.Scopes != nil {
		roles = append(roles, o.Scopes...)
	}
	return jwt.MapClaims{
		"aud": aud, "iss": iss, "iat": iat.Unix(), "nbf": iat.Unix(), "exp": iat.Add(o.TTL).Unix(),
		"appid": client, "appidacr": "1", "idtyp": "app", "tid": idp.tenant(), "ver": "1.0",
		"oid": "c2a7f0d4-1b3e-4f5a-8c9d-0e1f2a3b4c5d", "sub": "c2a7f0d4-1b3e-4f5a-8c9d-0e1f2a3b4c5d",
		"roles": roles,
	}
}

// signEntra signs an Entra token. One for Microsoft Graph gets a nonce header, and its signature
// covers the header with the nonce's SHA-256 hash instead: Graph checks it that way, and anyone
// else who checks the token as sent finds the signature wrong.
func (idp *IdP) signEntra(claims jwt.MapClaims, d Defect, secret string) (string, error) {
	if claims["aud"] != GraphAPI {
		return idp.sign(claims, "JWT", d, secret)
	}
	nonce := randomString(32)
	hashed := sha256.Sum256([]byte(nonce))
	signed, err := idp.signWithHeader(claims, map[string]any{"typ": "JWT", "nonce": hex.EncodeToString(hashed[:])})
	if err != nil {
		return "", err
	}
	// The token as sent carries the nonce itself.
	header, payloadAndSig, _ := strings.Cut(signed, ".")
	raw, err := base64.RawURLEncoding.DecodeString(header)
	if err != nil {
		return "", fmt.Errorf("verifytest: decoding the header it made: %w", err)
	}
	var fields map[string]any
	if err := json.Unmarshal(raw, &fields); err != nil {
		return "", fmt.Errorf("verifytest: reading the header it made: %w", err)
	}
	fields["nonce"] = nonce
	out, err := json.Marshal(fields)
	if err != nil {
		return "", fmt.Errorf("verifytest: writing the header: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(out) + "." + payloadAndSig, nil
}

// signWithHeader signs claims with the server's key, its kid and the extra header fields.
func (idp *IdP) signWithHeader(claims jwt.MapClaims, extra map[string]any) (string, error) {
	idp.mu.Lock()
	method, key, kid := jwt.GetSigningMethod(idp.alg), any(idp.key), idp.kid
	idp.mu.Unlock()
	tok := jwt.NewWithClaims(method, claims)
	tok.Header["kid"] = kid
	for k, v := range extra {
		tok.Header[k] = v
	}
	s, err := tok.SignedString(key)
	if err != nil {
		return "", fmt.Errorf("verifytest: signing token: %w", err)
	}
	return s, nil
}

// entraPaths serve an Entra ID tenant's token endpoint and keys as
// login.microsoftonline.com does: /TENANT/oauth2/v2.0/token and /TENANT/discovery/v2.0/keys.
func (idp *IdP) entraPaths(mux *http.ServeMux) {
	t := url.PathEscape(idp.tenant())
	mux.HandleFunc("POST /"+t+"/oauth2/v2.0/token", idp.token)
	mux.HandleFunc("GET /"+t+"/discovery/v2.0/keys", idp.keys)
}
