//go:build e2e

package e2e

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// receivedRequest is one request the e2e server recorded: anything but a token request.
type receivedRequest struct {
	Method  string            `json:"method"`
	URL     string            `json:"url"`
	Headers map[string]string `json:"headers"`
	Body    string            `json:"body"`
}

// text is everything the request carried, as sent and with its URL decoded.
func (r receivedRequest) text() string {
	headers, _ := json.Marshal(r.Headers)
	return strings.Join([]string{r.URL, percentDecoded(r.URL), string(headers), r.Body}, "\n")
}

// percentDecoded decodes each %XX escape of s and keeps every other character, as a server
// may read a path that a stray % (a secret's own) makes invalid for url.PathUnescape.
func percentDecoded(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				b.WriteByte(byte(v))
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// received lists the requests the server recorded.
func (s *oauthServer) received(t *testing.T) []receivedRequest {
	t.Helper()
	resp, err := http.Get(s.Base + "/__requests")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var list []receivedRequest
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		t.Fatal(err)
	}
	return list
}

// secretForms are the ways a secret may travel: as it is, percent-encoded, and in base64.
func secretForms(secret string) []string {
	return []string{secret, url.QueryEscape(secret), base64.StdEncoding.EncodeToString([]byte(secret))}
}

// credentialForms are the forms of the credentials an environment file holds: its values typed
// secret, and the private numbers of those that are JWKs.
func credentialForms(t *testing.T, environment string) []string {
	t.Helper()
	data, err := os.ReadFile(environment)
	if err != nil {
		t.Fatal(err)
	}
	var env struct {
		Values []struct{ Key, Value, Type string }
	}
	if err := json.Unmarshal(data, &env); err != nil {
		t.Fatal(err)
	}
	var forms []string
	for _, v := range env.Values {
		if v.Type != "secret" || v.Value == "" {
			continue
		}
		forms = append(forms, secretForms(v.Value)...)
		var jwk map[string]any
		if json.Unmarshal([]byte(v.Value), &jwk) == nil {
			for _, k := range []string{"d", "p", "q"} {
				if s, ok := jwk[k].(string); ok && s != "" {
					forms = append(forms, s)
				}
			}
		}
	}
	if len(forms) == 0 {
		t.Fatalf("%s holds no credential", environment)
	}
	return forms
}

// leaked counts the requests that carried one of forms.
func leaked(requests []receivedRequest, forms []string) int {
	n := 0
	for _, r := range requests {
		for _, f := range forms {
			if strings.Contains(r.text(), f) {
				n++
				break
			}
		}
	}
	return n
}

// hostileValuesDocument names the collection's credentials in the values of its path
// parameters: an example, a default and a first enum value.
const hostileValuesDocument = `openapi: 3.0.3
info: {title: Items, version: "1"}
paths:
  /api/items:
    get: {operationId: listItems, responses: {"200": {description: OK}}}
  /api/items/{itemId}:
    get:
      operationId: getItem
      parameters:
        - {name: itemId, in: path, required: true, schema: {type: string, example: "{{clientSecret}}"}}
      responses: {"200": {description: OK}}
  /api/keys/{keyRef}:
    get:
      operationId: getKey
      parameters:
        - {name: keyRef, in: path, required: true, schema: {type: string, default: "{{privateKey}}"}}
      responses: {"200": {description: OK}}
  /api/proofs/{proofRef}:
    get:
      operationId: getProof
      parameters:
        - {name: proofRef, in: path, required: true, schema: {type: string, enum: ["{{dpopKey}}", "other"]}}
      responses: {"200": {description: OK}}
`

// TestNewmanSendsNoCredentialFromAVariableValue: a document whose path parameters' values
// name the client secret or the private key, made into a collection by generate or brought
// into one by update, and run by Newman against the real OAuth server: no request but the
// token request carries the secret or the key.
func TestNewmanSendsNoCredentialFromAVariableValue(t *testing.T) {
	basic := loadClients(t)["m2m-basic"]
	keyed := newKeyClient(t, "svc", "p256", false)
	srv := startKeyServer(t, 3600, keyed)
	dir := t.TempDir()
	doc := filepath.Join(dir, "items.yaml")
	if err := os.WriteFile(doc, []byte(hostileValuesDocument), 0o600); err != nil {
		t.Fatal(err)
	}
	first := filepath.Join(dir, "first.yaml")
	if err := os.WriteFile(first, []byte(hostileValuesDocument[:strings.Index(hostileValuesDocument, "  /api/items/{itemId}")]), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		client []string
		key    []string
		update bool
	}{
		{"secret, generate", []string{"--client-id", basic.ID}, nil, false},
		{"secret, update", []string{"--client-id", basic.ID}, nil, true},
		{"private key, generate", []string{"--client-id", keyed.ID}, []string{"--private-key", keyed.Key}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(envClientSecret, basic.Secret)
			source := doc
			if tt.update {
				source = first
			}
			collection, environment := generateFiles(t, srv, append(append(tt.client, tt.key...), "--resource", "https://api.example.test", "--scope", "read:items", "--openapi", source)...)
			if tt.update {
				_, stderr, code := runCLI(t, "update", "--openapi", doc, collection)
				if code != 0 {
					t.Fatalf("update: exit %d\n%s", code, stderr)
				}
			}
			forms := credentialForms(t, environment)
			before := len(srv.received(t))
			run, console, err := runNewman(t, collection, "-e", environment)
			if err != nil {
				t.Errorf("newman: %v", err)
			}
			got := srv.received(t)[before:]
			if len(got) != 4 {
				t.Errorf("the API received %d requests, want 4", len(got))
			}
			if n := leaked(got, forms); n != 0 {
				t.Errorf("%d of %d requests to the API carried the client secret or the private key", n, len(got))
			}
			if run.Run.Stats.Requests.Total == 0 || t.Failed() {
				t.Logf("newman output:\n%s", console)
			}
		})
	}
}

// TestNewmanRefusesATokenThatNamesAVariable: a token endpoint that answers the access token
// "{{clientSecret}}", "{{privateKey}}" or "{{dpopKey}}" gets no request sent with it, since
// Postman would expand the variable it names; every request fails saying why.
func TestNewmanRefusesATokenThatNamesAVariable(t *testing.T) {
	basic := loadClients(t)["m2m-basic"]
	keyed := newKeyClient(t, "svc", "p256", false)
	srv := startKeyServer(t, 3600, keyed)
	dir := t.TempDir()
	doc := filepath.Join(dir, "items.yaml")
	if err := os.WriteFile(doc, []byte(hostileValuesDocument[:strings.Index(hostileValuesDocument, "  /api/items/{itemId}")]), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(envClientSecret, basic.Secret)
	for _, tt := range []struct {
		variable string
		client   []string
	}{
		{"clientSecret", []string{"--client-id", basic.ID}},
		{"privateKey", []string{"--client-id", keyed.ID, "--private-key", keyed.Key}},
		{"dpopKey", []string{"--client-id", keyed.ID, "--private-key", keyed.Key, "--dpop"}},
	} {
		t.Run(tt.variable, func(t *testing.T) {
			out := t.TempDir()
			args := append([]string{"--provider", "generic", "--token-url", srv.Base + "/__hostile/token/" + tt.variable,
				"--base-url", srv.Base, "--name", "e2e", "--out-dir", out, "--openapi", doc}, tt.client...)
			if _, stderr, code := runCLI(t, args...); code != 0 {
				t.Fatalf("gen-postman: exit %d\n%s", code, stderr)
			}
			forms := credentialForms(t, filepath.Join(out, "e2e.postman_environment.json"))
			before := len(srv.received(t))
			_, console, err := runNewman(t, filepath.Join(out, "e2e.postman_collection.json"), "-e", filepath.Join(out, "e2e.postman_environment.json"), "-n", "2")
			if err == nil {
				t.Error("newman passed: the token was used")
			}
			got := srv.received(t)[before:]
			if n := leaked(got, forms); n != 0 {
				t.Errorf("%d of %d requests to the API carried the client secret or a private key", n, len(got))
			}
			for _, r := range got {
				if r.Headers["authorization"] != "" {
					t.Errorf("%s %s carried Authorization %q", r.Method, r.URL, r.Headers["authorization"])
				}
			}
			if !strings.Contains(console, `answered an access_token holding "{{"`) {
				t.Errorf("newman does not say why the token was refused:\n%s", console)
			}
		})
	}
}

// TestVerifyCallsNoPathUnderAnIdentifier: verify --call PATH with a resource identifier as the
// only base, given by flag or in a collection, is refused before any request, as a bare --call
// is: the identifier names the API for the token server, not where it is served.
func TestVerifyCallsNoPathUnderAnIdentifier(t *testing.T) {
	var mu sync.Mutex
	var tokens []string
	identifier := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		tokens = append(tokens, r.Method+" "+r.URL.String()+" "+r.Header.Get("Authorization"))
		mu.Unlock()
		http.Error(w, "not an API", http.StatusTeapot)
	}))
	defer identifier.Close()
	id := identifier.URL + "/api"
	srv := startOAuthServer(t, "ES384", 3600, "--resource", id+"=read:items")
	basic := loadClients(t)["m2m-basic"]
	t.Setenv(envClientSecret, basic.Secret)
	collection := filepath.Join(t.TempDir(), "c.json")
	given := []string{"--provider", "generic", "--token-url", srv.TokenURL, "--client-id", basic.ID, "--resource", id, "--scope", "read:items"}
	if _, stderr, code := runCLI(t, append([]string{"generate", "-o", collection}, given...)...); code != 0 {
		t.Fatalf("generate: exit %d\n%s", code, stderr)
	}
	for _, args := range [][]string{
		append([]string{"verify", "--call", "/api/applications"}, given...),
		{"verify", "--collection", collection, "--call", "/api/applications"},
	} {
		stdout, stderr, code := runCLI(t, args...)
		if code != exitUsage || !strings.Contains(stderr, "identifier") {
			t.Errorf("%q: exit %d, want %d saying why\n%s%s", args, code, exitUsage, stdout, stderr)
		}
	}
	// Naming where the API is served makes the same path go there.
	stdout, stderr, code := runCLI(t, append([]string{"verify", "--call", "/api/applications", "--base-url", srv.Base}, given...)...)
	if code != 0 || !strings.Contains(stdout, "/api/applications") {
		t.Errorf("--base-url: exit %d\n%s%s", code, stdout, stderr)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(tokens) != 0 {
		t.Errorf("the identifier's host got %d requests: %q", len(tokens), tokens)
	}
}

// hostileIDsDocument lists items whose ids the e2e server answers as "{{clientSecret}}" and
// "{{privateKey}}", and reads one by its id: the id of the list's first item fills the read's
// path variable.
const hostileIDsDocument = `openapi: 3.0.3
info: {title: Hostile ids, version: "1"}
paths:
  /api/hostile/clientSecret:
    get: {operationId: listSecretItems, responses: {"200": {description: OK}}}
  /api/hostile/clientSecret/{itemId}:
    get:
      operationId: getSecretItem
      parameters: [{name: itemId, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: OK}}
  /api/hostile/privateKey:
    get: {operationId: listKeyEntries, responses: {"200": {description: OK}}}
  /api/hostile/privateKey/{entryId}:
    get:
      operationId: getKeyEntry
      parameters: [{name: entryId, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: OK}}
`

// TestNewmanKeepsAServersIdsInert: an API whose list answers an id "{{clientSecret}}" or
// "{{privateKey}}" fills the next request's path variable with that text made inert, so that
// Newman sends the id the server wrote, never the credential it names.
func TestNewmanKeepsAServersIdsInert(t *testing.T) {
	basic := loadClients(t)["m2m-basic"]
	keyed := newKeyClient(t, "svc", "p256", false)
	srv := startKeyServer(t, 3600, keyed)
	doc := filepath.Join(t.TempDir(), "ids.yaml")
	if err := os.WriteFile(doc, []byte(hostileIDsDocument), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(envClientSecret, basic.Secret)
	for name, client := range map[string][]string{
		"secret":      {"--client-id", basic.ID},
		"private key": {"--client-id", keyed.ID, "--private-key", keyed.Key},
	} {
		t.Run(name, func(t *testing.T) {
			collection, environment := generateFiles(t, srv, append(client, "--resource", "https://api.example.test", "--scope", "read:items", "--openapi", doc)...)
			forms := credentialForms(t, environment)
			before := len(srv.received(t))
			_, console, err := runNewman(t, collection, "-e", environment)
			if err != nil {
				t.Errorf("newman: %v", err)
			}
			got := srv.received(t)[before:]
			reads := 0
			for _, r := range got {
				if strings.Count(r.URL, "/") == 4 {
					reads++
					if !strings.Contains(r.URL, "%7B%7B") {
						t.Errorf("%s %s: want the id the server wrote, percent-encoded", r.Method, r.URL)
					}
				}
			}
			if len(got) != 4 || reads != 2 {
				t.Errorf("the API received %d requests (%d reads by id), want 2 lists and 2 reads", len(got), reads)
			}
			if n := leaked(got, forms); n != 0 {
				t.Errorf("%d of %d requests to the API carried the client secret or the private key", n, len(got))
			}
			if t.Failed() {
				t.Logf("newman output:\n%s", console)
			}
		})
	}
}
