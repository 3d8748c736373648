package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"

	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// The README's credentials, which the fake identity provider accepts.
const (
	readmeClientID     = "your-m2m-app-id"
	readmeClientSecret = "your-m2m-app-secret"
)

var shBlock = regexp.MustCompile("(?ms)^```sh\n(.*?)^```")

// TestREADMECommands runs the sh blocks of the README and of every page of docs/ as written, in
// order, each file in a folder of its own: every gen-postman command must succeed, every file a
// later command reads must be one an earlier command of the same file wrote, and every other
// command must be one this test knows. Requests that would go to acme.logto.app or
// id.example.com reach an in-process identity provider instead, whatever the host, so verify
// runs for real.
func TestREADMECommands(t *testing.T) {
	makefile, err := os.ReadFile("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	docs, err := filepath.Glob("../../docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) == 0 {
		t.Fatal("no docs/*.md: the pattern no longer finds the reference pages")
	}
	for _, path := range append([]string{"../../README.md"}, docs...) {
		name := strings.TrimPrefix(path, "../../")
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			blocks := shBlock.FindAllStringSubmatch(string(text), -1)
			if name == "README.md" && len(blocks) < 6 {
				t.Fatalf("found %d sh blocks in README.md; the pattern no longer matches its fences", len(blocks))
			}
			runMarkdownCommands(t, name, blocks, root, string(makefile))
		})
	}
}

// runMarkdownCommands runs the statements of the sh blocks of one file, in order, in a folder of
// their own, with the environment a reader starts from.
func runMarkdownCommands(t *testing.T, name string, blocks [][]string, root, makefile string) {
	client := anyHostClient(t, verifytest.Options{ClientID: readmeClientID, ClientSecret: readmeClientSecret})
	t.Chdir(t.TempDir())
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // verify's cache, never the user's
	t.Setenv(envClientID, "")
	t.Setenv(envClientSecret, "")
	t.Setenv("CLIENT_SECRET", readmeClientSecret)
	shell := &expand.Config{Env: expand.FuncEnviron(os.Getenv)}

	ran := 0
	for _, block := range blocks {
		file, err := syntax.NewParser().Parse(strings.NewReader(block[1]), name)
		if err != nil {
			t.Fatalf("%s: a block does not parse as sh: %v\n%s", name, err, block[1])
		}
		for _, stmt := range file.Stmts {
			ran++
			switch cmd := stmt.Cmd.(type) {
			case *syntax.DeclClause:
				if cmd.Variant.Value != "export" {
					t.Errorf("%s: %s is not an export", name, cmd.Variant.Value)
				}
				for _, a := range cmd.Args {
					value, err := expand.Literal(shell, a.Value)
					if err != nil {
						t.Fatal(err)
					}
					t.Setenv(a.Name.Value, value)
				}
			case *syntax.CallExpr:
				args, err := expand.Fields(shell, cmd.Args...)
				if err != nil {
					t.Fatal(err)
				}
				runREADMECommand(t, client, root, makefile, args, stdoutRedirect(t, shell, stmt))
			default:
				t.Errorf("%s: a statement this test cannot run: %T", name, stmt.Cmd)
			}
		}
	}
	t.Logf("ran %d commands of %s", ran, name)
}

// runREADMECommand runs one README command, or checks what it needs when it is not gen-postman.
func runREADMECommand(t *testing.T, client *http.Client, root, makefile string, args []string, stdoutFile string) {
	t.Helper()
	line := strings.Join(args, " ")
	switch {
	case args[0] == "gen-postman":
	case len(args) > 2 && args[0] == "go" && args[1] == "run" && args[2] == "./cmd/gen-postman":
		args = append([]string{"gen-postman"}, args[3:]...)
	case len(args) == 3 && args[0] == "go" && args[1] == "install" && strings.Contains(args[2], "@"):
		checkGoInstall(t, root, args)
		return
	case len(args) == 3 && args[0] == "go" && args[1] == "install":
		if _, err := os.Stat(filepath.Join(root, args[2])); err != nil {
			t.Errorf("README: %s: %v", line, err)
		}
		return
	case len(args) > 2 && args[0] == "go" && args[1] == "test":
		for _, a := range args[2:] {
			if dir, ok := strings.CutSuffix(a, "/..."); ok && strings.HasPrefix(a, "./") {
				if _, err := os.Stat(filepath.Join(root, dir)); err != nil {
					t.Errorf("README: %s: %v", line, err)
				}
			}
		}
		return
	case len(args) == 2 && args[0] == "make":
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(args[1]) + `:`).MatchString(makefile) {
			t.Errorf("README: %s: the Makefile has no target %q", line, args[1])
		}
		return
	case len(args) > 2 && args[0] == "openssl" && args[1] == "genpkey":
		writeREADMEKey(t, line, args)
		return
	case len(args) > 2 && args[0] == "npx" && args[1] == "newman" && args[2] == "run":
		checkNewmanFiles(t, line, args[3:])
		return
	default:
		t.Errorf("README runs %q, which this test does not know", line)
		return
	}
	var stdout, stderr bytes.Buffer
	code := runWith(context.Background(), args, &stdout, &stderr, client)
	if code != 0 {
		t.Errorf("README: %s: exit %d\n%s%s", line, code, stderr.String(), stdout.String())
		return
	}
	if strings.Contains(stdout.String()+stderr.String(), readmeClientSecret) {
		t.Errorf("README: %s: the client secret reached stdout or stderr", line)
	}
	if stdoutFile != "" {
		if err := os.WriteFile(stdoutFile, stdout.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkNewmanFiles checks that the collection and the -e environment Newman is given exist,
// written by an earlier command, and are JSON.
func checkNewmanFiles(t *testing.T, line string, args []string) {
	t.Helper()
	files := []string{args[0]}
	for i, a := range args {
		if a == "-e" && i+1 < len(args) {
			files = append(files, args[i+1])
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Errorf("README: %s: no such file as an earlier command writes: %v", line, err)
			continue
		}
		if !json.Valid(data) {
			t.Errorf("README: %s: %s is not JSON", line, f)
		}
	}
}

// stdoutRedirect returns the file a statement's stdout goes to with >, or "".
func stdoutRedirect(t *testing.T, shell *expand.Config, stmt *syntax.Stmt) string {
	t.Helper()
	for _, r := range stmt.Redirs {
		if r.Op != syntax.RdrOut {
			t.Errorf("README: a redirection this test does not know: %s", r.Op)
			continue
		}
		target, err := expand.Literal(shell, r.Word)
		if err != nil {
			t.Fatal(err)
		}
		return target
	}
	return ""
}

// anyHostClient returns a client whose every connection, to whatever host, reaches a fake
// identity provider over TLS, which also serves a stand-in OpenAPI document.
func anyHostClient(t *testing.T, opts verifytest.Options) *http.Client {
	t.Helper()
	idp, err := verifytest.NewIdP(opts)
	if err != nil {
		t.Fatal(err)
	}
	// The README's --openapi commands name providers' documents: this server answers them with a
	// small stand-in document.
	return anyHostTLSClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/management.openapi.json") || strings.HasSuffix(r.URL.Path, ".yaml") {
			w.Write([]byte(servedDocument))
			return
		}
		idp.ServeHTTP(w, r)
	}))
}

// anyHostTLSClient returns a client whose every connection, to whatever host, reaches handler:
// https over TLS, verified against the test server's certificate, and plain http (which the
// README sends only with --allow-http) to a plain server of the same handler.
func anyHostTLSClient(t *testing.T, handler http.Handler) *http.Client {
	t.Helper()
	srv := httptest.NewTLSServer(handler)
	t.Cleanup(srv.Close)
	plain := httptest.NewServer(handler)
	t.Cleanup(plain.Close)
	roots := x509.NewCertPool()
	roots.AddCert(srv.Certificate())
	// httptest's certificate names example.com; TLS is still verified against it.
	tlsConfig := &tls.Config{RootCAs: roots, ServerName: "example.com"}
	var dialer net.Dialer
	return &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return dialer.DialContext(ctx, network, plain.Listener.Addr().String())
		},
		DialTLSContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			conn, err := dialer.DialContext(ctx, network, srv.Listener.Addr().String())
			if err != nil {
				return nil, err
			}
			tc := tls.Client(conn, tlsConfig)
			if err := tc.HandshakeContext(ctx); err != nil {
				conn.Close()
				return nil, err
			}
			return tc, nil
		},
		TLSClientConfig: tlsConfig,
	}}
}

// writeREADMEKey does what the README's openssl genpkey command does: it writes a fresh P-256
// private key in PKCS#8 PEM to the -out file.
func writeREADMEKey(t *testing.T, line string, args []string) {
	t.Helper()
	out := ""
	for i, a := range args {
		if a == "-out" && i+1 < len(args) {
			out = args[i+1]
		}
	}
	if out == "" || !strings.Contains(line, "-algorithm EC -pkeyopt ec_paramgen_curve:P-256") {
		t.Errorf("README: %s: this test makes only P-256 keys, given -out FILE", line)
		return
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
}
