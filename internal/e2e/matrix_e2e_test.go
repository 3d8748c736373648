//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The matrix runs the same cases on two independent OAuth servers: oidc-provider (Node, the
// library Logto is built on) and Glewlwyd (C, from Debian's package). What one server does
// differently from the other is said in the case, with whose behaviour it is.

// authServer is one token endpoint of a peer, with what the test needs around it.
type authServer struct {
	base             string // where the counters are
	issuer           string
	tokenURL         string
	introspectionURL string
	apiBase          string // the protected API that checks this server's tokens
}

// peer is one OAuth server under test: an endpoint that wants DPoP nonces and one that does not.
type peer struct {
	name         string
	plain, nonce authServer
	// opaqueResource is the API whose tokens are opaque, proven only by introspection; empty
	// when the server introspects its JWTs.
	opaqueResource string
}

const (
	matrixResource = "https://api.example.test"
	matrixScope    = "read:items"
	opaqueResource = "https://opaque.example.test"
	peerOIDC       = "oidc-provider"
	peerGlewlwyd   = "Glewlwyd"
)

// matrixKeyClients are the private_key_jwt clients every peer knows, made fresh for the run.
type matrixKeyClients struct {
	rsa, ec, ecDPoP, rsaDPoP keyClient
}

func newMatrixKeyClients(t *testing.T) matrixKeyClients {
	return matrixKeyClients{
		rsa:     newKeyClient(t, "svc-rsa", "rsa2048", false),
		ec:      newKeyClient(t, "svc-ec", "p256", false),
		ecDPoP:  newKeyClient(t, "svc-ec-dpop", "p256", true),
		rsaDPoP: newKeyClient(t, "svc-rsa-dpop", "rsa2048", true),
	}
}

func (k matrixKeyClients) all() []keyClient { return []keyClient{k.rsa, k.ec, k.ecDPoP, k.rsaDPoP} }

// oidcPeer is oidc-provider: one server that wants DPoP nonces and one that does not.
func oidcPeer(t *testing.T, keys matrixKeyClients) peer {
	t.Helper()
	file := filepath.Join(t.TempDir(), "key-clients.json")
	data, err := json.Marshal(keys.all())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	withNonce := startOAuthServer(t, "ES384", 3600, "--key-clients", file)
	without := startOAuthServer(t, "ES384", 3600, "--key-clients", file, "--dpop-nonce", "optional")
	at := func(s *oauthServer) authServer {
		return authServer{base: s.Base, issuer: s.Issuer, tokenURL: s.TokenURL, introspectionURL: s.IntrospectionURL, apiBase: s.Base + "/api"}
	}
	return peer{name: peerOIDC, plain: at(without), nonce: at(withNonce), opaqueResource: opaqueResource}
}

// glewlwydPeer is Glewlwyd: two instances of its OIDC plugin, one wanting DPoP nonces, behind
// one proxy whose root is the API.
func glewlwydPeer(t *testing.T, keys matrixKeyClients) peer {
	t.Helper()
	g := startGlewlwyd(t, 3600, keys.all()...)
	at := func(e glewlwydEndpoints) authServer {
		return authServer{base: g.Base, issuer: e.Issuer, tokenURL: e.TokenURL, introspectionURL: e.IntrospectionURL, apiBase: g.Base}
	}
	return peer{name: peerGlewlwyd, plain: at(g.glewlwydEndpoints), nonce: at(g.Nonce)}
}

// matrixCase is one way a client gets its token.
type matrixCase struct {
	name   string
	client string
	secret string // a client secret, sent as auth says
	auth   string // --client-auth for a secret: header or body
	key    *keyClient
	dpop   bool
	nonce  bool // the server wants a DPoP nonce in every proof
	// introspect names the introspection endpoint to verify, which must say the token is active.
	introspect bool
}

func matrixCases(t *testing.T, keys *matrixKeyClients) []matrixCase {
	clients := loadClients(t)
	basic, post, short := clients["m2m-basic-plain"], clients["m2m-post"], clients["m2m-short"]
	return []matrixCase{
		{name: "client_secret_basic", client: basic.ID, secret: basic.Secret, auth: "header"},
		{name: "client_secret_post", client: post.ID, secret: post.Secret, auth: "body"},
		// A one-letter secret stands inside the token's own values: the checks must not read
		// them with it hidden.
		{name: "a one-letter client secret", client: short.ID, secret: short.Secret, auth: "header"},
		{name: "private_key_jwt RSA", client: keys.rsa.ID, key: &keys.rsa},
		{name: "private_key_jwt EC", client: keys.ec.ID, key: &keys.ec},
		{name: "DPoP EC with nonces", client: keys.ecDPoP.ID, key: &keys.ecDPoP, dpop: true, nonce: true},
		{name: "DPoP RSA without nonces", client: keys.rsaDPoP.ID, key: &keys.rsaDPoP, dpop: true},
		{name: "introspection, private_key_jwt", client: keys.ec.ID, key: &keys.ec, introspect: true},
		{name: "introspection, client_secret_post", client: post.ID, secret: post.Secret, auth: "body", introspect: true},
	}
}

// TestMatrixOnTwoServers runs every way of getting a token on oidc-provider and on Glewlwyd: a
// generated collection in Newman (one token for the run, every API request accepted by an API
// that checks the token), verify with flags, and verify --collection. The two servers run side
// by side, each its cases in turn.
func TestMatrixOnTwoServers(t *testing.T) {
	keys := newMatrixKeyClients(t)
	cases := matrixCases(t, &keys)
	for _, start := range []struct {
		name  string
		start func(*testing.T, matrixKeyClients) peer
	}{{peerOIDC, oidcPeer}, {peerGlewlwyd, glewlwydPeer}} {
		t.Run(start.name, func(t *testing.T) {
			t.Parallel()
			p := start.start(t, keys)
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) { runMatrixCase(t, p, c) })
			}
		})
	}
}

// server is the endpoint of p that the case uses.
func (c matrixCase) server(p peer) authServer {
	if c.nonce {
		return p.nonce
	}
	return p.plain
}

// tokenArgs are the settings of the case's token request on p, for generate and verify.
func (c matrixCase) tokenArgs(t *testing.T, p peer) []string {
	s := c.server(p)
	resource := matrixResource
	if c.introspect && p.opaqueResource != "" {
		resource = p.opaqueResource
	}
	args := []string{"--provider", "generic", "--issuer", s.issuer, "--resource", resource, "--scope", matrixScope,
		"--client-id", c.client}
	switch {
	case c.key != nil:
		args = append(args, "--private-key", c.key.Key)
	default:
		args = append(args, "--client-secret-file", secretFile(t, c.secret), "--client-auth", c.auth)
	}
	if c.dpop {
		args = append(args, "--dpop")
	}
	return args
}

func runMatrixCase(t *testing.T, p peer, c matrixCase) {
	s := c.server(p)
	args := c.tokenArgs(t, p)
	dir := t.TempDir()
	if _, stderr, code := runCLI(t, append(args, "--base-url", s.apiBase, "--name", "m", "--out-dir", dir)...); code != 0 {
		t.Fatalf("generate: exit %d\n%s", code, stderr)
	}
	collection, environment := filepath.Join(dir, "m.postman_collection.json"), filepath.Join(dir, "m.postman_environment.json")

	// Newman: three requests, one token.
	const requests = 3
	resetStatsAt(t, s.base)
	run, console, err := runNewman(t, collection, "-e", environment, "-n", strconv.Itoa(requests))
	if err != nil {
		t.Errorf("newman: %v", err)
	}
	st := statsAt(t, s.base)
	wantProofs := 0
	if c.dpop {
		wantProofs = requests
	}
	if st.APIRequests != requests || st.APIUnauthorized != 0 || st.TokensIssued != 1 || st.TokenErrors != st.NonceChallenges ||
		st.DPoPProofs != wantProofs || st.SecretLeaks != 0 {
		t.Errorf("newman: server counters %+v: want %d API requests all accepted, 1 token, no refusal but nonce challenges, %d good proofs",
			st, requests, wantProofs)
	}
	if c.dpop && c.nonce && st.NonceChallenges == 0 {
		t.Error("newman: the server asked for no DPoP nonce, though it wants them")
	}
	if !c.nonce && st.NonceChallenges != 0 {
		t.Errorf("newman: %d nonce challenges from a server that wants none", st.NonceChallenges)
	}
	if run.Run.Stats.Assertions.Failed != 0 || run.Run.Stats.Assertions.Total != 2*requests {
		t.Errorf("newman: %d of %d assertions failed, want 0 of %d", run.Run.Stats.Assertions.Failed, run.Run.Stats.Assertions.Total, 2*requests)
	}
	if t.Failed() {
		t.Logf("newman output:\n%s", console)
	}

	verifyArgs := append(args, "--base-url", s.apiBase, "--call")
	if c.introspect {
		verifyArgs = append(verifyArgs, "--introspection-url", s.introspectionURL)
	}
	checkMatrixVerify(t, c, "verify", verifyArgs)

	collArgs := []string{"--collection", collection, "--environment", environment, "--call"}
	if c.key != nil {
		collArgs = append(collArgs, "--private-key", c.key.Key)
	}
	if c.introspect {
		collArgs = append(collArgs, "--introspection-url", s.introspectionURL)
	}
	checkMatrixVerify(t, c, "verify --collection", collArgs)
}

// checkMatrixVerify runs verify and wants it to pass every check the case calls for.
func checkMatrixVerify(t *testing.T, c matrixCase, what string, args []string) {
	t.Helper()
	r, stdout, stderr, code := runVerifyJSON(t, args...)
	want := []string{"token_request", "token_type", "client", "call"}
	if c.dpop {
		want = append(want, "dpop")
	}
	if c.introspect {
		want = append(want, "active")
	}
	for _, name := range want {
		if got := r.status(name); got != "pass" {
			t.Errorf("%s: check %s is %s, want pass", what, name, got)
		}
	}
	if code != 0 || !r.OK {
		t.Errorf("%s: exit %d, ok %v", what, code, r.OK)
	}
	if strings.Contains(stdout+stderr, "eyJ") {
		t.Errorf("%s printed a JWT", what)
	}
	if t.Failed() {
		t.Logf("%s:\n%s\n%s", what, stdout, stderr)
	}
}

// secretFile writes a client secret into a file of the test's, for --client-secret-file: the
// servers' cases run in parallel, where the environment cannot be set.
func secretFile(t *testing.T, secret string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(file, []byte(secret), 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}

// refusal is one way a token request goes wrong, with what each server answers and the hint
// verify shows for it.
type refusal struct {
	name string
	// args are verify's settings besides the issuer, resource and scope.
	args  func(t *testing.T, k matrixKeyClients) []string
	scope string
	// byPeer is what each server does: its exit status, the token_request detail and a hint.
	byPeer map[string]refusalOutcome
}

// refusalOutcome is what verify reports against one server.
type refusalOutcome struct {
	code   int
	detail string
	hint   string
	// notHint is what the hint must not say.
	notHint string
}

func refusals(t *testing.T) []refusal {
	clients := loadClients(t)
	post, limited, basic := clients["m2m-post"], clients["m2m-limited"], clients["m2m-basic"]
	secret := func(c fixtureClient, value, auth string) func(*testing.T, matrixKeyClients) []string {
		return func(t *testing.T, _ matrixKeyClients) []string {
			return []string{"--client-id", c.ID, "--client-secret-file", secretFile(t, value), "--client-auth", auth}
		}
	}
	// Glewlwyd refuses a wrong secret, key or method, and a scope the client does not hold,
	// with HTTP 403 and an empty body: the hint names each thing the client sent, never the
	// token URL, which discovery found.
	const glewlwydSilent = "HTTP 403 with an empty body: the server refused the client without saying why"
	return []refusal{
		{name: "wrong secret", args: secret(post, "not-the-secret", "body"), byPeer: map[string]refusalOutcome{
			peerOIDC:     {code: exitTokenRequest, detail: "HTTP 401 Unauthorized: invalid_client", hint: "the client id or secret is wrong"},
			peerGlewlwyd: {code: exitTokenRequest, detail: "HTTP 403 Forbidden, with an empty body", hint: glewlwydSilent, notHint: "--token-url"},
		}},
		{name: "wrong key", args: func(t *testing.T, k matrixKeyClients) []string {
			other, _ := newKeyFile(t, t.TempDir(), "p256")
			return []string{"--client-id", k.ec.ID, "--private-key", other}
		}, byPeer: map[string]refusalOutcome{
			peerOIDC:     {code: exitTokenRequest, detail: "invalid_client", hint: "did not accept the client assertion"},
			peerGlewlwyd: {code: exitTokenRequest, detail: "with an empty body", hint: glewlwydSilent, notHint: "--token-url"},
		}},
		{name: "unknown kid", args: func(t *testing.T, k matrixKeyClients) []string {
			return []string{"--client-id", k.ec.ID, "--private-key", k.ec.Key, "--key-id", "no-such-kid"}
		}, byPeer: map[string]refusalOutcome{
			peerOIDC:     {code: exitTokenRequest, detail: "invalid_client", hint: `under kid "no-such-kid" (--key-id)`},
			peerGlewlwyd: {code: exitTokenRequest, detail: "with an empty body", hint: `kid "no-such-kid": --key-id`},
		}},
		// oidc-provider takes a client's secret in either place, whatever method it
		// registered; Glewlwyd holds the client to its registered method.
		{name: "wrong method", args: secret(post, post.Secret, "header"), byPeer: map[string]refusalOutcome{
			peerOIDC:     {code: 0},
			peerGlewlwyd: {code: exitTokenRequest, detail: "with an empty body", hint: "registered for header (HTTP Basic) (--client-auth)"},
		}},
		// RFC 6749 §2.3.1 form-encodes the id and secret before HTTP Basic: oidc-provider decodes
		// them; Glewlwyd takes them as they come, so m2m-basic's secret fails there in the header.
		{name: "Basic with a secret that form-encoding changes", args: secret(basic, basic.Secret, "header"), byPeer: map[string]refusalOutcome{
			peerOIDC:     {code: 0},
			peerGlewlwyd: {code: exitTokenRequest, detail: "with an empty body", hint: "(Glewlwyd) do not decode"},
		}},
		// oidc-provider (as Logto) drops a scope the client does not hold and issues the token;
		// Glewlwyd refuses it with its own error code, scope_invalid (RFC 6749: invalid_scope).
		{name: "missing scope", args: secret(limited, limited.Secret, "header"), scope: "write:items", byPeer: map[string]refusalOutcome{
			peerOIDC: {code: exitCheckFailed, hint: "write:items"},
			peerGlewlwyd: {code: exitTokenRequest, detail: "HTTP 400 Bad Request: scope_invalid",
				hint: "scope_invalid: the server does not know a requested scope (write:items) or does not allow it for this app; check --scope"},
		}},
	}
}

// TestRefusalsOnTwoServers makes each refusal on both servers and wants the hint for it.
func TestRefusalsOnTwoServers(t *testing.T) {
	keys := newMatrixKeyClients(t)
	list := refusals(t)
	for _, start := range []struct {
		name  string
		start func(*testing.T, matrixKeyClients) peer
	}{{peerOIDC, oidcPeer}, {peerGlewlwyd, glewlwydPeer}} {
		t.Run(start.name, func(t *testing.T) {
			t.Parallel()
			p := start.start(t, keys)
			for _, rf := range list {
				t.Run(rf.name, func(t *testing.T) {
					want := rf.byPeer[p.name]
					scope := matrixScope
					if rf.scope != "" {
						scope = rf.scope
					}
					args := append([]string{"--provider", "generic", "--issuer", p.plain.issuer, "--resource", matrixResource,
						"--scope", scope}, rf.args(t, keys)...)
					r, stdout, stderr, code := runVerifyJSON(t, args...)
					hints := strings.Join(r.Hints, "\n")
					detail := ""
					for _, c := range r.Checks {
						if c.Name == "token_request" {
							detail = c.Detail
						}
					}
					if code != want.code || !strings.Contains(detail, want.detail) || !strings.Contains(hints, want.hint) ||
						(want.notHint != "" && strings.Contains(hints, want.notHint)) {
						t.Errorf("%s: exit %d, token_request %q, hints:\n%s\nwant exit %d, detail with %q, a hint with %q and without %q\n%s",
							p.name, code, detail, hints, want.code, want.detail, want.hint, want.notHint, stderr)
					}
					t.Logf("%s, %s: exit %d: %s | %s", p.name, rf.name, code, detail, hints)
					if strings.Contains(stdout, "not-the-secret") {
						t.Error("the report shows the secret")
					}
					if rf.name == "wrong secret" {
						newmanRefusal(t, p, args)
					}
				})
			}
		})
	}
}

// newmanRefusal runs the collection of a refused client in Newman: every request fails, and the
// console says why in the server's own terms (Glewlwyd says nothing: the line says so).
func newmanRefusal(t *testing.T, p peer, args []string) {
	t.Helper()
	dir := t.TempDir()
	if _, stderr, code := runCLI(t, append(args, "--base-url", p.plain.apiBase, "--name", "m", "--out-dir", dir)...); code != 0 {
		t.Fatalf("generate: exit %d\n%s", code, stderr)
	}
	resetStatsAt(t, p.plain.base)
	// Three iterations: the refusal stands for the requests after the first, so the run makes
	// one token request, not one a request, which could lock the client out.
	run, console, err := runNewman(t, filepath.Join(dir, "m.postman_collection.json"), "-e", filepath.Join(dir, "m.postman_environment.json"), "-n", "3")
	if st := statsAt(t, p.plain.base); st.TokenRequests != 1 {
		t.Errorf("%s saw %d token requests over three iterations, want 1: %+v", p.name, st.TokenRequests, st)
	}
	want := map[string]string{
		peerOIDC:     "was refused: HTTP 401 invalid_client: client authentication failed",
		peerGlewlwyd: "was refused: HTTP 403 with an empty body: the server refused the client without saying why",
	}[p.name]
	if err == nil || run.Run.Stats.Assertions.Failed == 0 || !strings.Contains(console, want) {
		t.Errorf("newman: %v, %d assertions failed; want the line %q:\n%s", err, run.Run.Stats.Assertions.Failed, want, console)
	}
	if strings.Contains(console, "not-the-secret") {
		t.Error("newman output shows the secret")
	}
}
