package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/clientkey"
	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/setting"
	"github.com/gen-postman/gen-postman/templates"
)

// notCarried are the settings generate takes that a collection does not carry, and why: the
// round trip below covers every other one.
var notCarried = map[setting.Key]string{
	setting.Output:          "where the collection is written",
	setting.EnvOutput:       "where the environment is written",
	setting.OutDir:          "where both files are written",
	setting.OpenAPI:         "the document the requests come from: update takes the newer one",
	setting.ProviderOpenAPI: "the document the requests come from: update takes the newer one",
	setting.Verbose:         "how one run reports its HTTP exchanges",
	setting.ChangeExisting:  "the collection's changeExisting variable, which a run reads: no part of the token request",
	setting.NoContractTests: "whether the collection's test script checks answers against the document: no part of the token request",
}

// roundTrip is one setting given to generate, and what the token request verify reads back
// from the collection (and its environment) must then say.
type roundTrip struct {
	args []string
	// again are flags given again to update and verify: --allow-http, which no file may give.
	again []string
	want  func(t *testing.T, p *profile.Profile, key *clientkey.Key)
}

// generic is the smallest generate command line a case adds its setting to.
var generic = []string{"--provider", "generic", "--token-url", "https://id.example.com/token", "--client-id", "svc"}

func withGeneric(args ...string) []string { return append(slices.Clone(generic), args...) }

func roundTrips() map[setting.Key]roundTrip {
	expect := func(what, got, want string) func(*testing.T) {
		return func(t *testing.T) {
			t.Helper()
			if got != want {
				t.Errorf("%s %q, want %q", what, got, want)
			}
		}
	}
	param := func(p *profile.Profile, name string) string {
		for _, param := range p.Params {
			if param.Name == name {
				return param.Value
			}
		}
		return ""
	}
	okta := roundTrip{args: []string{"--provider", "okta", "--tenant", "dev-1.okta.com", "--client-id", "svc"},
		want: func(t *testing.T, p *profile.Profile, _ *clientkey.Key) {
			// The preset's own fields, filled with the tenant, are the collection's.
			expect("token URL", p.TokenURL, "https://dev-1.okta.com/oauth2/v1/token")(t)
			expect("issuer", p.Issuer, "https://dev-1.okta.com")(t)
			expect("key set", p.JWKSURL, "https://dev-1.okta.com/oauth2/v1/keys")(t)
			expect("introspection", p.IntrospectionURL, "https://dev-1.okta.com/oauth2/v1/introspect")(t)
			expect("client auth", string(p.ClientAuth), "header")(t)
		}}
	signed := func(args ...string) []string {
		return withGeneric(append([]string{"--private-key", "KEY"}, args...)...)
	}
	return map[setting.Key]roundTrip{
		setting.Provider: okta,
		setting.Tenant:   okta,
		setting.Endpoint: {args: []string{"--endpoint", "https://auth.example.com", "--client-id", "svc"},
			want: func(t *testing.T, p *profile.Profile, _ *clientkey.Key) {
				expect("token URL", p.TokenURL, "https://auth.example.com/oidc/token")(t)
				expect("resource", param(p, "resource"), "https://default.logto.app/api")(t) // self-hosted Logto's own API
			}},
		setting.Realm: {args: []string{"--provider", "keycloak", "--endpoint", "https://kc.example.com", "--realm", "acme", "--client-id", "svc"},
			want: func(t *testing.T, p *profile.Profile, _ *clientkey.Key) {
				expect("token URL", p.TokenURL, "https://kc.example.com/realms/acme/protocol/openid-connect/token")(t)
				expect("issuer", p.Issuer, "https://kc.example.com/realms/acme")(t)
				expect("introspection", p.IntrospectionURL, "https://kc.example.com/realms/acme/protocol/openid-connect/token/introspect")(t)
			}},
		setting.BaseURL: {args: withGeneric("--base-url", "https://api.example.com/v2"),
			want: func(t *testing.T, p *profile.Profile, _ *clientkey.Key) {
				expect("base URL", p.BaseURL, "https://api.example.com/v2")(t)
			}},
		setting.TokenURL: {args: withGeneric(),
			want: func(t *testing.T, p *profile.Profile, _ *clientkey.Key) {
				expect("token URL", p.TokenURL, "https://id.example.com/token")(t)
			}},
		setting.Resource: {args: withGeneric("--resource", "https://api.example.com"),
			want: func(t *testing.T, p *profile.Profile, _ *clientkey.Key) {
				expect("resource", param(p, "resource"), "https://api.example.com")(t)
			}},
		setting.Audience: {args: withGeneric("--audience", "api-a", "--audience", "api-b"),
			want: func(t *testing.T, p *profile.Profile, _ *clientkey.Key) {
				expect("audience", param(p, "audience"), "api-a api-b")(t)
			}},
		setting.Scope: {args: withGeneric("--scope", "read write"),
			want: func(t *testing.T, p *profile.Profile, _ *clientkey.Key) { expect("scope", p.Scope, "read write")(t) }},
		setting.ClientAuth: {args: withGeneric("--client-auth", "body"),
			want: func(t *testing.T, p *profile.Profile, _ *clientkey.Key) {
				expect("client auth", string(p.ClientAuth), "body")(t)
			}},
		setting.ClientID: {args: withGeneric(),
			want: func(t *testing.T, p *profile.Profile, _ *clientkey.Key) { expect("client id", p.ClientID, "svc")(t) }},
		setting.ClientSecret: {args: withGeneric("--client-secret", "s3cret-value"),
			want: func(t *testing.T, p *profile.Profile, _ *clientkey.Key) {
				expect("secret", p.ClientSecret, "s3cret-value")(t)
			}},
		setting.ClientSecretFile: {args: withGeneric("--client-secret-file", "SECRETFILE"),
			want: func(t *testing.T, p *profile.Profile, _ *clientkey.Key) {
				expect("secret", p.ClientSecret, "from-a-file")(t)
			}},
		setting.PrivateKey: {args: signed(),
			want: func(t *testing.T, p *profile.Profile, key *clientkey.Key) {
				expect("client auth", string(p.ClientAuth), "private_key_jwt")(t)
				if p.ClientKey == nil || p.ClientKey.Thumbprint() != key.Thumbprint() {
					t.Errorf("client key %v, want the key of the file", p.ClientKey)
				}
				expect("key id", p.KeyID, key.Thumbprint())(t)
				expect("secret", p.ClientSecret, "")(t)
			}},
		setting.KeyID: {args: signed("--key-id", "kid-1"),
			want: func(t *testing.T, p *profile.Profile, _ *clientkey.Key) { expect("key id", p.KeyID, "kid-1")(t) }},
		setting.DPoP: {args: signed("--dpop"),
			want: func(t *testing.T, p *profile.Profile, key *clientkey.Key) {
				proof, err := key.ProofKey()
				if err != nil {
					t.Fatal(err)
				}
				if !p.DPoP || p.ProofKey == nil || p.ProofKey.Thumbprint() != proof.Thumbprint() {
					t.Errorf("DPoP %v with proof key %v, want the key's own", p.DPoP, p.ProofKey)
				}
			}},
		setting.AllowHTTP: {args: []string{"--provider", "generic", "--token-url", "http://ci-idp:8080/token", "--client-id", "svc", "--allow-http"},
			again: []string{"--allow-http"},
			want: func(t *testing.T, p *profile.Profile, _ *clientkey.Key) {
				expect("token URL", p.TokenURL, "http://ci-idp:8080/token")(t)
			}},
		setting.Issuer: {args: withGeneric("--issuer", "https://id.example.com/"),
			want: func(t *testing.T, p *profile.Profile, _ *clientkey.Key) {
				expect("issuer", p.Issuer, "https://id.example.com/")(t)
			}},
		setting.JWKSURL: {args: withGeneric("--jwks-url", "https://id.example.com/keys"),
			want: func(t *testing.T, p *profile.Profile, _ *clientkey.Key) {
				expect("key set", p.JWKSURL, "https://id.example.com/keys")(t)
			}},
		setting.IntrospectionURL: {args: withGeneric("--introspection-url", "https://id.example.com/introspect"),
			want: func(t *testing.T, p *profile.Profile, _ *clientkey.Key) {
				expect("introspection", p.IntrospectionURL, "https://id.example.com/introspect")(t)
			}},
		setting.Name: {args: withGeneric("--name", "my-api"),
			want: func(t *testing.T, p *profile.Profile, _ *clientkey.Key) { expect("name", p.Name, "my-api")(t) }},
	}
}

// TestEverySettingSurvives: every setting generate takes that a collection carries survives
// generate → update → verify --collection without being named again. The cases come from the
// settings declaration: a setting with neither a case nor a reason in notCarried fails it, so a
// new setting cannot be forgotten. --allow-http alone is given again: a collection may not widen
// where plain http goes for verify (it sends the secret there); update, which sends nothing to
// the collection's URLs, takes the collection's hosts with the flag alone.
func TestEverySettingSurvives(t *testing.T) {
	t.Setenv(envClientID, "")
	t.Setenv(envClientSecret, "")
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	cases := roundTrips()
	for _, s := range setting.For(setting.Generate) {
		_, ok := cases[s.Key]
		_, skipped := notCarried[s.Key]
		switch {
		case ok && skipped:
			t.Errorf("%s has a case and a reason not to be carried", s.Key)
		case !ok && !skipped:
			t.Errorf("%s: generate takes it, and no case proves that a collection carries it (or notCarried says why not)", s.Key)
		case ok && s.Override == setting.NotCarried && s.Key != setting.AllowHTTP:
			t.Errorf("%s: the declaration says no collection carries it", s.Key)
		}
	}
	dir := t.TempDir()
	keyFile, key := writeTestKey(t, dir)
	secretFile := filepath.Join(dir, "secret.txt")
	if err := os.WriteFile(secretFile, []byte("from-a-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	v1, v2 := filepath.Join(dir, "v1.json"), filepath.Join(dir, "v2.json")
	writeDoc(t, v1, "listThings")
	writeDoc(t, v2, "listThings", "listGadgets")
	for k, tt := range cases {
		t.Run(string(k), func(t *testing.T) {
			out := t.TempDir()
			args := []string{"generate", "--openapi", v1, "--out-dir", out}
			for _, a := range tt.args {
				a = strings.NewReplacer("KEY", keyFile, "SECRETFILE", secretFile).Replace(a)
				args = append(args, a)
			}
			if _, stderr, code := runCLI(t, args...); code != 0 {
				t.Fatalf("generate %q: status %d\n%s", args, code, stderr)
			}
			col, env := only(t, out, "*.postman_collection.json"), only(t, out, "*.postman_environment.json")
			before := readProfile(t, col, env, tt.again)
			tt.want(t, before, key)
			beforeFile := mustRead(t, col)

			update := append(append([]string{"update", "--openapi", v2}, tt.again...), col)
			_, stderr, code := runCLI(t, update...)
			if code != 0 || !strings.Contains(stderr, "added 1, updated 0, unchanged 1, removed 0") || strings.Contains(stderr, "set variable") {
				t.Fatalf("update: status %d, want one operation added and nothing else\n%s", code, stderr)
			}
			sameBesidesRequests(t, beforeFile, mustRead(t, col))
			after := readProfile(t, col, env, tt.again)
			tt.want(t, after, key)
			if diff := profileDiff(before, after); diff != "" {
				t.Errorf("update changed the token request: %s", diff)
			}
		})
	}
}

// readProfile is the token request verify --collection reads from the files, with no flag but
// again.
func readProfile(t *testing.T, col, env string, again []string) *profile.Profile {
	t.Helper()
	tr, err := readCollection(col, env, "")
	if err != nil {
		t.Fatalf("reading %s: %v", col, err)
	}
	var over profile.Options
	if slices.Contains(again, "--allow-http") {
		// The host named again, as verify needs it: the collection alone does not allow it.
		if _, err := collectionProfile(tr, profile.Options{}); err == nil {
			t.Errorf("verify --collection took a plain http host that no flag named")
		}
		over.URLPolicy = network.AllowPlainHTTP(tr.TokenURL)
	}
	p, err := collectionProfile(tr, over)
	if err != nil {
		t.Fatalf("verify --collection %s: %v", col, err)
	}
	return p
}

// profileDiff names the fields of the token request that differ.
func profileDiff(a, b *profile.Profile) string {
	var diffs []string
	add := func(name string, x, y any) {
		if x != y {
			diffs = append(diffs, name)
		}
	}
	add("token URL", a.TokenURL, b.TokenURL)
	add("client id", a.ClientID, b.ClientID)
	add("secret", a.ClientSecret, b.ClientSecret)
	add("client auth", a.ClientAuth, b.ClientAuth)
	add("key id", a.KeyID, b.KeyID)
	add("DPoP", a.DPoP, b.DPoP)
	add("scope", a.Scope, b.Scope)
	add("issuer", a.Issuer, b.Issuer)
	add("key set", a.JWKSURL, b.JWKSURL)
	add("introspection", a.IntrospectionURL, b.IntrospectionURL)
	add("base URL", a.BaseURL, b.BaseURL)
	add("name", a.Name, b.Name)
	if !slices.Equal(a.Params, b.Params) {
		diffs = append(diffs, "params")
	}
	return strings.Join(diffs, ", ")
}

// sameBesidesRequests fails when the update changed anything of the collection but its
// requests and the record of the generation.
func sameBesidesRequests(t *testing.T, before, after []byte) {
	t.Helper()
	strip := func(data []byte) map[string]any {
		var c map[string]any
		if err := json.Unmarshal(data, &c); err != nil {
			t.Fatal(err)
		}
		delete(c, "item")
		// The test script's tables follow the requests: its code stays.
		events, _ := c["event"].([]any)
		for _, e := range events {
			e, _ := e.(map[string]any)
			script, _ := e["script"].(map[string]any)
			if e["listen"] != "test" || script == nil {
				continue
			}
			var lines []string
			exec, _ := script["exec"].([]any)
			for _, l := range exec {
				line, _ := l.(string)
				lines = append(lines, line)
			}
			if _, err := templates.ReadTestScript(strings.Join(lines, "\n")); err != nil {
				t.Errorf("the test script: %v", err)
			}
			delete(script, "exec")
		}
		vars, _ := c["variable"].([]any)
		c["variable"] = slices.DeleteFunc(vars, func(v any) bool {
			m, _ := v.(map[string]any)
			return m["key"] == "genPostmanBaseline"
		})
		return c
	}
	b, _ := json.Marshal(strip(before))
	a, _ := json.Marshal(strip(after))
	if string(a) != string(b) {
		t.Errorf("update changed more than the requests:\nbefore %s\nafter  %s", b, a)
	}
}

func writeTestKey(t *testing.T, dir string) (string, *clientkey.Key) {
	t.Helper()
	raw, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(raw)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "key.pem")
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	key, err := clientkey.Load(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return path, key
}

// writeDoc writes an OpenAPI document with a GET operation per id.
func writeDoc(t *testing.T, path string, ids ...string) {
	t.Helper()
	paths := map[string]any{}
	for _, id := range ids {
		paths["/"+id] = map[string]any{"get": map[string]any{"operationId": id, "responses": map[string]any{"200": map[string]any{"description": "OK"}}}}
	}
	data, err := json.Marshal(map[string]any{"openapi": "3.0.1", "info": map[string]any{"title": "T", "version": "1"},
		"servers": []any{map[string]any{"url": "https://api.example.com"}}, "paths": paths})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func only(t *testing.T, dir, pattern string) string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil || len(m) != 1 {
		t.Fatalf("%s in %s: %v, %v", pattern, dir, m, err)
	}
	return m[0]
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
