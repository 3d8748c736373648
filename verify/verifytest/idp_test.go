package verifytest_test

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/gen-postman/gen-postman/verify/verifytest"
)

func post(t *testing.T, srv *httptest.Server, form url.Values, basic string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/oidc/token", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if basic != "" {
		req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(basic)))
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	data, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(data, &body)
	return resp.StatusCode, body
}

func TestTokenEndpoint(t *testing.T) {
	idp, err := verifytest.NewIdP(verifytest.Options{ClientID: "a b", ClientSecret: "p%ss", Resources: []string{"https://api"}, Scopes: []string{"read"}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(idp)
	defer srv.Close()
	grant := url.Values{"grant_type": {"client_credentials"}, "resource": {"https://api"}, "scope": {"read write"}}
	tests := []struct {
		name   string
		form   url.Values
		basic  string
		status int
		error  string
	}{
		{name: "form-encoded Basic", form: grant, basic: "a+b:p%25ss", status: 200},
		{name: "raw Basic is not form-encoded", form: grant, basic: "a b:p%ss", status: 400, error: "invalid_request"},
		{name: "body", form: with(grant, "client_id", "a b", "client_secret", "p%ss"), status: 200},
		{name: "both", form: with(grant, "client_id", "a b", "client_secret", "p%ss"), basic: "a+b:p%25ss", status: 400, error: "invalid_request"},
		{name: "wrong secret", form: grant, basic: "a+b:nope", status: 401, error: "invalid_client"},
		{name: "unknown client", form: grant, basic: "c:p%25ss", status: 400, error: "invalid_client"},
		{name: "unknown resource", form: with(grant, "resource", "https://other"), basic: "a+b:p%25ss", status: 400, error: "invalid_target"},
		{name: "other grant", form: with(grant, "grant_type", "password"), basic: "a+b:p%25ss", status: 400, error: "unsupported_grant_type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := post(t, srv, tt.form, tt.basic)
			if status != tt.status || (tt.error != "" && body["error"] != tt.error) {
				t.Errorf("HTTP %d %v, want %d %s", status, body, tt.status, tt.error)
			}
			if status != 200 {
				return
			}
			if body["scope"] != "read" || body["token_type"] != "Bearer" || body["expires_in"] != 3600.0 {
				t.Errorf("answer %v: want scope read only (write is not held)", body)
			}
			claims := jwt.MapClaims{}
			if _, _, err := jwt.NewParser().ParseUnverified(body["access_token"].(string), claims); err != nil {
				t.Fatal(err)
			}
			if claims["sub"] != "a b" || claims["aud"] != "https://api" || claims["iss"] != srv.URL+"/oidc" || claims["scope"] != "read" {
				t.Errorf("claims %v", claims)
			}
		})
	}
	if got := len(idp.RequestsTo("/oidc/token")); got != len(tests) {
		t.Errorf("recorded %d token requests, want %d", got, len(tests))
	}
	if got := len(idp.Issued()); got != 2 {
		t.Errorf("issued %d tokens, want 2", got)
	}
}

func with(v url.Values, kv ...string) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	for i := 0; i < len(kv); i += 2 {
		out.Set(kv[i], kv[i+1])
	}
	return out
}

func TestDiscoveryAndKeys(t *testing.T) {
	for _, alg := range verifytest.Algs {
		idp, err := verifytest.NewIdP(verifytest.Options{Alg: alg})
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(idp)
		var doc map[string]any
		getJSON(t, srv.URL+"/oidc/.well-known/openid-configuration", &doc)
		if doc["token_endpoint"] != srv.URL+"/oidc/token" || doc["jwks_uri"] != srv.URL+"/oidc/jwks" || doc["issuer"] != srv.URL+"/oidc" {
			t.Errorf("%s: discovery %v", alg, doc)
		}
		var set struct {
			Keys []map[string]any `json:"keys"`
		}
		getJSON(t, srv.URL+"/oidc/jwks", &set)
		if len(set.Keys) != 1 || set.Keys[0]["alg"] != alg || set.Keys[0]["kid"] != idp.KeyID() || set.Keys[0]["d"] != nil {
			t.Errorf("%s: key set %v", alg, set)
		}
		srv.Close()
	}
}

func getJSON(t *testing.T, u string, v any) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}

func TestDefectNames(t *testing.T) {
	seen := map[string]bool{}
	for d := verifytest.None; ; d++ {
		name := d.String()
		if strings.HasPrefix(name, "Defect(") {
			if d < verifytest.EchoSecret {
				t.Errorf("defect %d has no name", int(d))
			}
			break
		}
		if seen[name] {
			t.Errorf("two defects are named %s", name)
		}
		seen[name] = true
	}
	if _, err := verifytest.NewIdP(verifytest.Options{Alg: "HS256"}); err == nil {
		t.Errorf("NewIdP took a symmetric algorithm")
	}
}
