package main

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// askFor matches a hint that tells the user to give a flag: "give --issuer", "try --client-auth
// body", "pass it with --environment", "choose one with --request NAME". The flag's name goes
// in place of FLAG.
const askFor = `(?i)\b(give|use|pass|add|try|choose one with)\b[^.;()]*?--FLAG\b`

// TestHintsNeverAskForAGivenFlag runs failing cases with the flag a hint would name already
// given, and checks that no message asks for it again; each says instead what is wrong with
// the value given.
func TestHintsNeverAskForAGivenFlag(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv(envClientID, "m2m-app")
	t.Setenv(envClientSecret, "m2m-secret")
	idp, err := verifytest.NewIdP(verifytest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	good := httptest.NewServer(idp)
	defer good.Close()
	refusingIdP, err := verifytest.NewIdP(verifytest.Options{Defect: verifytest.InvalidClient})
	if err != nil {
		t.Fatal(err)
	}
	refusing := httptest.NewServer(refusingIdP)
	defer refusing.Close()

	dir := t.TempDir()
	env := filepath.Join(dir, "e.json")
	if _, stderr, code := runCLI(t, "generate", "--endpoint", good.URL, "-o", filepath.Join(dir, "c.json"), "--env-output", env); code != 0 {
		t.Fatalf("generate: status %d\n%s", code, stderr)
	}
	twoConfigs := filepath.Join(dir, "two.json")
	writeTwoConfigs(t, twoConfigs, good.URL)

	tests := []struct {
		name  string
		args  []string
		given []string // the flags no message may ask for
		want  string   // what is said instead
		code  int
	}{
		{"issuer on another host", []string{"verify", "--endpoint", good.URL, "--issuer", strings.Replace(verifytest.Issuer(good.URL), "127.0.0.1", "localhost", 1)},
			[]string{"issuer"}, "The issuer given with --issuer is not the one it writes", 3},
		{"key set URL that answers 404", []string{"verify", "--endpoint", good.URL, "--jwks-url", good.URL + "/nosuch/jwks"},
			[]string{"jwks-url"}, "Check the key set URL given with --jwks-url", 3},
		{"client authentication chosen", []string{"verify", "--endpoint", refusing.URL, "--client-auth", "header"},
			[]string{"client-auth"}, "which --client-auth chose (the other is body)", 4},
		{"empty secret given", []string{"verify", "--endpoint", good.URL, "--client-secret", ""},
			[]string{"client-secret"}, "the secret given is empty", 2},
		{"tenant with the generic provider and a token URL", []string{"generate", "--provider", "generic", "--tenant", "acme", "--token-url", "https://id.example.com/token"},
			[]string{"token-url", "tenant"}, "the token URL names the server, so leave --tenant out", 2},
		{"URL as tenant beside an endpoint", []string{"generate", "--tenant", "https://acme.logto.app", "--endpoint", "https://auth.example.com"},
			[]string{"tenant", "endpoint"}, "the tenant in that URL is acme", 2},
		{"credentials in the URL with a client id", []string{"generate", "--provider", "generic", "--token-url", "https://u:p@id.example.com/token", "--client-id", "x"},
			[]string{"client-id"}, "the client id and the secret are sent apart from the URL", 2},
		{"an environment as the collection, with an environment", []string{"verify", "--collection", env, "--environment", env},
			[]string{"environment"}, "--collection takes the collection, and --environment the environment", 2},
		{"a bare call to a POST", []string{"verify", "--collection", twoConfigs, "--request", "Create", "--call"},
			[]string{"call"}, "put a PATH or URL after --call", 2},
		{"a bare call to the identifier named as --base-url", []string{"verify", "--provider", "generic", "--token-url", good.URL + "/oidc/token",
			"--resource", "https://api.example.com", "--base-url", "https://api.example.com", "--call"},
			[]string{"call", "base-url"}, "--base-url names the identifier itself", 2},
		{"a request chosen among several configurations", []string{"verify", "--collection", twoConfigs, "--request", "Apps"},
			[]string{"request"}, "--request chose the one checked", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, tt.args...)
			out := stdout + stderr
			if code != tt.code || !strings.Contains(out, tt.want) {
				t.Errorf("status %d, want %d and %q\nstdout:\n%s\nstderr:\n%s", code, tt.code, tt.want, stdout, stderr)
			}
			for _, flag := range tt.given {
				if m := regexp.MustCompile(strings.ReplaceAll(askFor, "FLAG", regexp.QuoteMeta(flag))).FindString(out); m != "" {
					t.Errorf("--%s is given, yet a message asks for it: %q\n%s", flag, m, out)
				}
			}
		})
	}
}

// writeTwoConfigs writes a collection with two requests under two OAuth 2.0 configurations
// (another scope), both on the fake server at base.
func writeTwoConfigs(t *testing.T, path, base string) {
	t.Helper()
	auth := func(scope string) string {
		return `{"type": "oauth2", "oauth2": [{"key": "grant_type", "value": "client_credentials"},
			{"key": "accessTokenUrl", "value": "` + base + `/oidc/token"}, {"key": "clientId", "value": "m2m-app"},
			{"key": "clientSecret", "value": "m2m-secret"}, {"key": "scope", "value": "` + scope + `"}]}`
	}
	col := `{"info": {"name": "Two", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": [
		{"name": "Apps", "request": {"method": "GET", "url": "` + base + `/api/applications", "auth": ` + auth("read") + `}},
		{"name": "Users", "request": {"method": "GET", "url": "` + base + `/api/users", "auth": ` + auth("write") + `}},
		{"name": "Create", "request": {"method": "POST", "url": "` + base + `/api/users", "auth": ` + auth("admin") + `}}]}`
	if err := os.WriteFile(path, []byte(col), 0o644); err != nil {
		t.Fatal(err)
	}
}
