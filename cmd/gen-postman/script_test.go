package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"flag"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// TestMain lets the scripts run gen-postman as a command without building it first.
func TestMain(m *testing.M) {
	if os.Getenv(interruptHelperEnv) != "" {
		interruptHelper()
	}
	if os.Getenv(mainHelperEnv) != "" {
		main()
	}
	testscript.Main(m, map[string]func(){
		"gen-postman": func() { os.Exit(run(context.Background(), os.Args, os.Stdout, os.Stderr)) },
	})
}

// updateScripts rewrites the files that cmp compares stdout and stderr with, in each script's
// archive, from what the command now prints: go test ./cmd/gen-postman -run Scripts -update.
var updateScripts = flag.Bool("update", false, "rewrite the scripts' expected output from the command's")

// TestScripts runs the command-line scenarios in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		Setup:         startFakeIdPs,
		UpdateScripts: *updateScripts,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"mode":     cmdMode,
			"mkfifo":   cmdMkfifo,
			"filetype": cmdFiletype,
			"replace":  cmdReplace,
			"served":   cmdServed,
			"genkey":   cmdGenkey,
		},
	})
}

// fakeIdPs are the servers each script can reach, by environment variable: a good one and one
// per defect the scripts exercise. All accept client m2m-app with secret m2m-secret.
var fakeIdPs = map[string]verifytest.Options{
	"IDP":          {},
	"IDP_RS256":    {Alg: "RS256"},
	"IDP_FORGED":   {Defect: verifytest.ForgedSignature},
	"IDP_EXPIRED":  {Defect: verifytest.Expired},
	"IDP_REFUSING": {Defect: verifytest.InvalidClient},
	"IDP_ECHO":     {Defect: verifytest.EchoSecret},
	"IDP_AUDIENCE": {AudienceOnly: true},
	"IDP_OPAQUE":   {OpaqueTokens: true, Introspection: true},
	"IDP_ENTRA":    {Entra: true, Scopes: []string{"User.Read.All"}},
}

// startFakeIdPs starts the fake identity providers for one script and stops them after it.
// IDP_DOWN names an address where connections are refused.
func startFakeIdPs(env *testscript.Env) error {
	// verify's cache goes in the script's own directory, never the user's.
	env.Setenv("XDG_CACHE_HOME", filepath.Join(env.WorkDir, ".cache"))
	docs := &servedDocs{root: filepath.Join(env.WorkDir, "served")}
	env.Values[servedDocsKey{}] = docs
	for name, opts := range fakeIdPs {
		idp, err := verifytest.NewIdP(opts)
		if err != nil {
			return fmt.Errorf("starting %s: %w", name, err)
		}
		srv := httptest.NewServer(docs.serve(idp))
		env.Setenv(name, srv.URL)
		if name == "IDP" {
			// The same server named LOCALHOST: loopback by name, which a proxy setting
			// does not exempt.
			env.Setenv("IDP_LOCALHOST", strings.Replace(srv.URL, "127.0.0.1", "LOCALHOST", 1))
		}
		env.Defer(srv.Close)
	}
	down, release, err := refusingAddress()
	if err != nil {
		return fmt.Errorf("reserving IDP_DOWN's address: %w", err)
	}
	env.Setenv("IDP_DOWN", "http://"+down)
	env.Defer(release)
	// PROXY is a proxy that answers every request itself, as a proxy that reads what it
	// carries could.
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "answered by the proxy", http.StatusBadGateway)
	}))
	env.Setenv("PROXY", proxy.URL)
	env.Defer(proxy.Close)
	return nil
}

// cmdMode checks a file's permission bits: mode FILE 0600.
func cmdMode(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: mode FILE PERM")
	}
	want, err := strconv.ParseUint(args[1], 8, 32)
	if err != nil {
		ts.Fatalf("mode %q: %v", args[1], err)
	}
	info, err := os.Stat(ts.MkAbs(args[0]))
	ts.Check(err)
	got := uint64(info.Mode().Perm())
	if (got == want) == neg {
		ts.Fatalf("%s has mode %#o; want %s%#o", args[0], got, map[bool]string{true: "not ", false: ""}[neg], want)
	}
	fmt.Fprintf(ts.Stdout(), "%s: %#o\n", args[0], got)
}

// cmdReplace edits a file as a user would: replace FILE OLD NEW replaces every OLD with NEW,
// and fails when there is none.
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	path := ts.MkAbs(args[0])
	data, err := os.ReadFile(path)
	ts.Check(err)
	if !strings.Contains(string(data), args[1]) {
		ts.Fatalf("%s holds no %q", args[0], args[1])
	}
	ts.Check(os.WriteFile(path, []byte(strings.ReplaceAll(string(data), args[1], args[2])), 0o644))
}

// cmdMkfifo makes a named pipe: mkfifo FILE.
func cmdMkfifo(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: mkfifo FILE")
	}
	ts.Check(mkfifo(ts.MkAbs(args[0])))
}

// cmdFiletype checks what a path is, without following a symbolic link: filetype PATH
// file|dir|symlink|fifo.
func cmdFiletype(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: filetype PATH file|dir|symlink|fifo")
	}
	info, err := os.Lstat(ts.MkAbs(args[0]))
	ts.Check(err)
	got := "other"
	switch m := info.Mode(); {
	case m.IsRegular():
		got = "file"
	case m.IsDir():
		got = "dir"
	case m&fs.ModeSymlink != 0:
		got = "symlink"
	case m&fs.ModeNamedPipe != 0:
		got = "fifo"
	}
	if got != args[1] {
		ts.Fatalf("%s is a %s, not a %s", args[0], got, args[1])
	}
}

// servedDocsKey is the key of a script's servedDocs in its testscript values.
type servedDocsKey struct{}

// servedDocs lets a script publish documents on its fake identity providers, as a provider
// publishes its OpenAPI document: a GET for a path that names a file under root (the script's
// served folder) gets that file, and is logged; every other request goes to the provider.
type servedDocs struct {
	root string
	mu   sync.Mutex
	log  []string
}

func (d *servedDocs) serve(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			next.ServeHTTP(w, r)
			return
		}
		data, err := os.ReadFile(filepath.Join(d.root, filepath.FromSlash(path.Clean("/"+r.URL.Path))))
		if err != nil {
			next.ServeHTTP(w, r)
			return
		}
		d.mu.Lock()
		d.log = append(d.log, r.Method+" "+r.URL.RequestURI())
		d.mu.Unlock()
		_, _ = w.Write(data)
	})
}

// cmdServed prints the requests for served documents, one a line, and forgets them: served.
func cmdServed(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: served")
	}
	d := ts.Value(servedDocsKey{}).(*servedDocs)
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, line := range d.log {
		fmt.Fprintln(ts.Stdout(), line)
	}
	d.log = nil
}

// cmdGenkey writes a fresh private key in PEM, for this script only: genkey rsa1024|rsa2048|p256|p384|p521|ed25519 FILE.
func cmdGenkey(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: genkey KIND FILE")
	}
	var key any
	var err error
	switch args[0] {
	case "rsa1024":
		key, err = rsa.GenerateKey(rand.Reader, 1024)
	case "rsa2048":
		key, err = rsa.GenerateKey(rand.Reader, 2048)
	case "p256":
		key, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	case "p384":
		key, err = ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	case "p521":
		key, err = ecdsa.GenerateKey(elliptic.P521(), rand.Reader)
	case "ed25519":
		_, key, err = ed25519.GenerateKey(rand.Reader)
	default:
		ts.Fatalf("genkey: unknown kind %q", args[0])
	}
	ts.Check(err)
	der, err := x509.MarshalPKCS8PrivateKey(key)
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600))
}
