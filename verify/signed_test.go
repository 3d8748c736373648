package verify

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/gen-postman/gen-postman/internal/redact"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/gen-postman/gen-postman/internal/clientkey"
	"github.com/gen-postman/gen-postman/internal/clientkey/clientkeytest"
	"github.com/gen-postman/gen-postman/internal/profile"
)

func newClientKey(t *testing.T, rsaKey bool) *clientkey.Key {
	t.Helper()
	var key any
	var err error
	if rsaKey {
		key, err = rsa.GenerateKey(rand.Reader, 2048)
	} else {
		key, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	}
	if err != nil {
		t.Fatal(err)
	}
	return clientkeytest.FromPrivateKey(t, key)
}

func signedTestProfile(t *testing.T, rsaKey bool) *profile.Profile {
	t.Helper()
	p, err := profile.Resolve(profile.Options{Provider: "generic", TokenURL: "https://id.example.com/oauth2/v1/token",
		ClientID: "svc", ClientKey: newClientKey(t, rsaKey), KeyID: "k1", DPoP: true})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestClientAssertion checks the assertion's claims and signature (RFC 7523 §3) for both kinds
// of key.
func TestClientAssertion(t *testing.T) {
	now := time.Now()
	for _, rsaKey := range []bool{true, false} {
		p := signedTestProfile(t, rsaKey)
		a, err := clientAssertion(p, p.TokenURL, now)
		if err != nil {
			t.Fatal(err)
		}
		claims := jwt.MapClaims{}
		tok, err := jwt.ParseWithClaims(a, claims, func(*jwt.Token) (any, error) { return p.ClientKey.Signer().Public(), nil },
			jwt.WithValidMethods([]string{p.ClientKey.Alg}), jwt.WithAudience(p.TokenURL), jwt.WithIssuer("svc"),
			jwt.WithSubject("svc"), jwt.WithExpirationRequired(), jwt.WithIssuedAt())
		if err != nil {
			t.Fatalf("%s assertion: %v", p.ClientKey.Alg, err)
		}
		exp, _ := claims.GetExpirationTime()
		if tok.Header["kid"] != "k1" || claims["jti"] == "" || exp.Sub(now) > 5*time.Minute {
			t.Errorf("%s assertion: header %v, claims %v", p.ClientKey.Alg, tok.Header, claims)
		}
		b, _ := clientAssertion(p, p.TokenURL, now)
		if b == a {
			t.Error("two assertions are the same: the jti must be new")
		}
		form, err := url.ParseQuery(tokenForm(p, a))
		if err != nil || form.Get("client_assertion") != a || form.Get("client_assertion_type") != assertionType ||
			form.Get("client_id") != "svc" || form.Has("client_secret") {
			t.Errorf("token form %v", form)
		}
	}
}

// TestDPoPProof checks a proof's header and claims (RFC 9449 §4.2).
func TestDPoPProof(t *testing.T) {
	p := signedTestProfile(t, true)
	proof, err := dpopProof(p.ProofKey, "GET", "https://api.example.com/v1/users?limit=2#x", "n-1", "tok", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	claims := jwt.MapClaims{}
	tok, err := jwt.ParseWithClaims(proof, claims, func(*jwt.Token) (any, error) { return p.ProofKey.Signer().Public(), nil },
		jwt.WithValidMethods([]string{"ES256"}))
	if err != nil {
		t.Fatal(err)
	}
	jwk, _ := tok.Header["jwk"].(map[string]any)
	if tok.Header["typ"] != dpopType || jwk["kty"] != "EC" || jwk["d"] != nil {
		t.Errorf("header %v", tok.Header)
	}
	if claims["htu"] != "https://api.example.com/v1/users" || claims["htm"] != "GET" || claims["nonce"] != "n-1" || claims["ath"] != tokenHash("tok") {
		t.Errorf("claims %v", claims)
	}
	// RFC 9449 §4.2's ath: the base64url SHA-256 of the ASCII token.
	if got := tokenHash("Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"); got != "fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo" {
		t.Errorf("ath = %s", got)
	}
}

func TestCheckBindingAndType(t *testing.T) {
	p := signedTestProfile(t, false)
	jkt := p.ProofKey.Thumbprint()
	cases := []struct {
		claims map[string]any
		want   Status
	}{
		{map[string]any{"cnf": map[string]any{"jkt": jkt}}, StatusPass},
		{map[string]any{"cnf": map[string]any{"jkt": "other"}}, StatusFail},
		{map[string]any{}, StatusFail},
		{nil, StatusSkip},
	}
	for _, c := range cases {
		if got := checkBinding(c.claims, p.ProofKey, redact.New(nil, nil)); got.Status != c.want {
			t.Errorf("checkBinding(%v) = %s %s, want %s", c.claims, got.Status, got.Detail, c.want)
		}
	}
	none := redact.New(nil, nil)
	if checkTokenType("DPoP", true, none).Status != StatusPass || checkTokenType("Bearer", true, none).Status != StatusFail ||
		checkTokenType("bearer", false, none).Status != StatusPass {
		t.Error("checkTokenType: DPoP wants DPoP, Bearer wants Bearer")
	}
}

// TestSignedClientHint tells a clock far from the server's from a key the server lacks.
func TestSignedClientHint(t *testing.T) {
	p := signedTestProfile(t, false)
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	rs := &runState{profile: p, now: func() time.Time { return now }}
	h := http.Header{}
	h.Set("Date", now.Add(10*time.Minute).Format(http.TimeFormat))
	if got := strings.Join(signedClientHint(rs, h), " "); !strings.Contains(got, "clock is 10m0s behind the server's") {
		t.Errorf("skewed clock: %s", got)
	}
	h.Set("Date", now.Format(http.TimeFormat))
	if got := strings.Join(signedClientHint(rs, h), " "); !strings.Contains(got, p.ClientKey.Thumbprint()) || !strings.Contains(got, `kid "k1"`) {
		t.Errorf("same clock: %s", got)
	}
	if got := dpopHint(codeUseDPoPNonce, http.Header{}, false); !strings.Contains(got, "no DPoP-Nonce header") {
		t.Errorf("missing nonce: %s", got)
	}
}

// TestRedactsAssertionsAndProofs checks that a server echoing the assertion, the DPoP proof and
// the private key's numbers back cannot put them in the report.
func TestRedactsAssertionsAndProofs(t *testing.T) {
	p := signedTestProfile(t, true)
	d := p.ClientKey.PrivateJWK("").D
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			t.Error(err)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprintf(w, `{"error":"invalid_client","error_description":"assertion %s proof %s key %s"}`,
			r.PostForm.Get("client_assertion"), r.Header.Get("DPoP"), d)
	}))
	defer srv.Close()
	p.TokenURL = srv.URL + "/token"
	report, err := Run(context.Background(), Options{Profile: p})
	if !errors.Is(err, ErrTokenRequest) || report == nil {
		t.Fatalf("Run: %v", err)
	}
	var out strings.Builder
	if err := report.WriteJSON(&out); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "eyJ") || strings.Contains(out.String(), d) || !strings.Contains(out.String(), "[REDACTED]") {
		t.Errorf("the report shows an assertion, a proof or the key:\n%s", out.String())
	}
}

// TestDPoPHTU checks a proof's htu against the table the collection's script is held to as
// well (internal/e2e runs dpop.js on it): RFC 9449 §4.3's normalization.
func TestDPoPHTU(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "dpop-htu.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct{ URL, HTU string }
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range cases {
		if got := dpopHTU(c.URL); got != c.HTU {
			t.Errorf("dpopHTU(%q) = %q, want %q", c.URL, got, c.HTU)
		}
	}
}
