package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputsNeverReplaceAnInput: an output (-o, --env-output, --junit) that names a file the
// same command reads (the private key, the secret file, the OpenAPI document, the collection or
// environment verify reads), by its name or through a link, is refused with status 2 before
// anything is written, and the file keeps what it held. Before, generate -o key.pem wrote the
// collection over the only copy of the key.
func TestOutputsNeverReplaceAnInput(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	keyPath, _ := writeTestKey(t, dir)
	keyPEM, err := os.ReadFile(keyPath)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"secret.txt": []byte("s3cret-value-of-the-app\n"),
		"api.yaml": []byte(`openapi: 3.0.3
info: {title: Things, version: "1"}
servers: [{url: "https://api.example.com"}]
paths:
  /things:
    get:
      responses: {"200": {description: ok}}
`),
	}
	for name, data := range files {
		if err := os.WriteFile(at(name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	files["key.pem"] = keyPEM
	if err := os.Symlink("key.pem", at("key-link.pem")); err != nil {
		t.Fatal(err)
	}
	signed := []string{"--provider", "generic", "--token-url", "https://id.example.com/token", "--client-id", "svc", "--private-key", at("key.pem")}
	secret := []string{"--provider", "generic", "--token-url", "https://id.example.com/token", "--client-id", "svc", "--client-secret-file", at("secret.txt")}
	if _, stderr, code := runCLI(t, append(secret, "-o", at("c.json"), "--env-output", at("env.json"))...); code != 0 {
		t.Fatalf("generating the collection verify reads: exit %d\n%s", code, stderr)
	}
	if _, stderr, code := runCLI(t, "--provider", "generic", "--token-url", "https://id.example.com/token", "--client-id", "svc",
		"--openapi", at("api.yaml"), "-o", at("api-c.json")); code != 0 {
		t.Fatalf("generating the collection update reads: exit %d\n%s", code, stderr)
	}
	for _, name := range []string{"c.json", "env.json", "api-c.json"} {
		b, err := os.ReadFile(at(name))
		if err != nil || len(b) == 0 {
			t.Fatalf("%s: %v", name, err)
		}
		files[name] = b
	}
	for _, tt := range []struct {
		name     string
		args     []string
		file     string // the input that must keep what it held
		says     string
		readFlag string
	}{
		{"-o the private key", append(signed, "-o", at("key.pem")), "key.pem", "--output", "--private-key"},
		{"-o a link to the private key", append(signed, "-o", at("key-link.pem")), "key.pem", "--output", "--private-key"},
		{"--env-output the private key", append(signed, "-o", at("out.json"), "--env-output", at("key.pem")), "key.pem", "--env-output", "--private-key"},
		{"-o the secret file", append(secret, "-o", at("secret.txt")), "secret.txt", "--output", "--client-secret-file"},
		{"-o the OpenAPI document", append(secret, "--openapi", at("api.yaml"), "-o", at("api.yaml")), "api.yaml", "--output", "--openapi"},
		{"update -o the OpenAPI document", []string{"update", at("api-c.json"), "--openapi", at("api.yaml"), "-o", at("api.yaml")}, "api.yaml", "--output", "--openapi"},
		{"verify --junit the environment", []string{"verify", "--collection", at("c.json"), "--environment", at("env.json"), "--junit", at("env.json")}, "env.json", "--junit", "--environment"},
		{"verify --junit the collection", []string{"verify", "--collection", at("c.json"), "--junit", at("c.json")}, "c.json", "--junit", "--collection"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, tt.args...)
			if code != 2 || !strings.Contains(stderr, tt.says) || !strings.Contains(stderr, "is the file "+tt.readFlag) {
				t.Errorf("exit %d, want 2 saying %s is the file %s reads\n%s", code, tt.says, tt.readFlag, stderr)
			}
			if got, err := os.ReadFile(at(tt.file)); err != nil || !bytes.Equal(got, files[tt.file]) {
				t.Errorf("%s changed (%v)", tt.file, err)
			}
			if _, err := os.Stat(at("out.json")); err == nil {
				t.Error("an output was written beside the refused one")
			}
			if strings.Contains(stdout+stderr, "s3cret-value") {
				t.Error("the secret was printed")
			}
		})
	}
}
