package network

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/gen-postman/gen-postman/internal/redact"
)

// Credentials of the trace tests: none of them may ever be shown.
const (
	traceClientID = "app-1"
	traceSecret   = "s3cr+t/with spaces&more=="
	// JWS-shaped values: header {"alg":"ES256"}, claims, signature.
	traceAccess    = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhcHAtMSIsImF1ZCI6ImFwaSJ9.c2lnbmF0dXJlLW9mLXRoZS1hY2Nlc3MtdG9rZW4"
	traceIDToken   = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLW9mLXRoZS1pZC10b2tlbg"
	traceAssertion = "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJhcHAtMSJ9.c2lnbmF0dXJlLW9mLXRoZS1hc3NlcnRpb24"
	traceProof     = "eyJ0eXAiOiJkcG9wK2p3dCJ9.eyJodG0iOiJQT1NUIn0.c2lnbmF0dXJlLW9mLXRoZS1wcm9vZg"
	traceRefresh   = "opaque-refresh-token-0123456789"
)

// traceServer answers /token with a token response, /error with a body that echoes the secret
// in several encodings, /big with a body larger than the trace buffer, /echo with the size of
// the body it got, and /jwks with a key set that wrongly holds a private key.
func traceServer(t *testing.T) *httptest.Server {
	t.Helper()
	big := bytes.Repeat([]byte("0123456789abcdef"), 8<<10) // 128 KiB
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/token":
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `{"access_token":%q,"token_type":"Bearer","expires_in":3600,"refresh_token":%q,"id_token":%q}`,
				traceAccess, traceRefresh, traceIDToken)
		case "/error":
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprintf(w, "invalid client %s (sent as %s, %s)", traceSecret, url.QueryEscape(traceSecret),
				base64.StdEncoding.EncodeToString([]byte(traceClientID+":"+traceSecret)))
		case "/big":
			w.Write(big)
		case "/echo":
			n, _ := io.Copy(io.Discard, r.Body)
			fmt.Fprintf(w, "%d", n)
		case "/jwks":
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"keys":[{"kty":"EC","crv":"P-256","x":"public-x","y":"public-y","d":"PRIVATE-D"}]}`)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// traceRedactor knows the secret, as verify's does.
func traceRedactor() redact.Redactor {
	return redact.New([]string{traceSecret}, []string{traceClientID + ":" + traceSecret})
}

// tokenRequest is the token request of private_key_jwt with DPoP, and the secret in the form
// and the Basic header as client_secret_basic and _post would send it.
func tokenRequest(t *testing.T, srvURL string) *http.Request {
	t.Helper()
	form := url.Values{
		"grant_type":            {"client_credentials"},
		"client_id":             {traceClientID},
		"client_secret":         {traceSecret},
		"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
		"client_assertion":      {traceAssertion},
	}
	req, err := http.NewRequest(http.MethodPost, srvURL+"/token", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(url.QueryEscape(traceClientID), url.QueryEscape(traceSecret))
	req.Header.Set("DPoP", traceProof)
	return req
}

// assertHidden fails when out holds a credential in any form a test knows of.
func assertHidden(t *testing.T, out string, values ...string) {
	t.Helper()
	for _, v := range values {
		forms := []string{v, url.QueryEscape(v), base64.StdEncoding.EncodeToString([]byte(v))}
		for _, f := range forms {
			if strings.Contains(out, f) {
				t.Errorf("the trace shows %q:\n%s", f, out)
			}
		}
	}
	for _, basic := range []string{traceClientID + ":" + traceSecret, url.QueryEscape(traceClientID) + ":" + url.QueryEscape(traceSecret)} {
		if strings.Contains(out, base64.StdEncoding.EncodeToString([]byte(basic))) {
			t.Errorf("the trace shows the Basic credentials:\n%s", out)
		}
	}
	if m := regexp.MustCompile(`eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{8,}`).FindString(out); m != "" {
		t.Errorf("the trace shows a signed token %q:\n%s", m, out)
	}
}

func TestTraceTokenExchange(t *testing.T) {
	srv := traceServer(t)
	var out bytes.Buffer
	client := NewClient(NewTracer(&out, false).Client(nil, traceRedactor), URLPolicy{})
	resp, err := client.Do(tokenRequest(t, srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), traceAccess) {
		t.Errorf("the caller got %q, not the whole token response", body)
	}
	got := out.String()
	for _, want := range []string{
		"[1] > POST " + srv.URL + "/token",
		"[1] > Authorization: Basic [REDACTED]",
		"[1] > Content-Type: application/x-www-form-urlencoded",
		"[1] > Dpop: eyJ0eXAiOiJkcG9wK2p3dCJ9.eyJodG0iOiJQT1NUIn0.[signature hidden]",
		"[1] > grant_type=client_credentials",
		"[1] > client_secret=[REDACTED]",
		"[1] > client_assertion=eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJhcHAtMSJ9.[signature hidden]",
		"[1] < HTTP/1.1 200 OK",
		"[1] < Content-Type: application/json",
		`[1] <   "access_token": "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhcHAtMSIsImF1ZCI6ImFwaSJ9.[signature hidden]",`,
		`[1] <   "expires_in": 3600,`,
		`[1] <   "refresh_token": "[REDACTED 31 bytes, sha256 `,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the trace lacks %q:\n%s", want, got)
		}
	}
	assertHidden(t, got, traceSecret, traceAccess, traceIDToken, traceAssertion, traceProof, traceRefresh)
}

func TestTraceErrorBodyEchoesSecret(t *testing.T) {
	srv := traceServer(t)
	var out bytes.Buffer
	client := NewClient(NewTracer(&out, false).Client(nil, traceRedactor), URLPolicy{})
	resp, err := client.Get(srv.URL + "/error")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), traceSecret) {
		t.Fatalf("the caller got %q, not the server's body", body)
	}
	got := out.String()
	if !strings.Contains(got, "[1] < HTTP/1.1 401 Unauthorized") || !strings.Contains(got, "[1] < invalid client [REDACTED]") {
		t.Errorf("the trace does not show the error:\n%s", got)
	}
	assertHidden(t, got, traceSecret)
}

func TestTraceShowToken(t *testing.T) {
	srv := traceServer(t)
	var out bytes.Buffer
	client := NewClient(NewTracer(&out, true).Client(nil, traceRedactor), URLPolicy{})
	resp, err := client.Do(tokenRequest(t, srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/echo", nil)
	req.Header.Set("Authorization", "Bearer "+traceAccess)
	resp, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	got := out.String()
	for _, want := range []string{`"access_token": "` + traceAccess + `"`, "[2] > Authorization: Bearer " + traceAccess} {
		if !strings.Contains(got, want) {
			t.Errorf("with showToken the trace lacks %q:\n%s", want, got)
		}
	}
	// Only the access token is shown: the other tokens and the credentials stay hidden.
	got = strings.ReplaceAll(got, traceAccess, "")
	assertHidden(t, got, traceSecret, traceIDToken, traceAssertion, traceProof, traceRefresh)
}

func TestTraceBodiesGivenBackWhole(t *testing.T) {
	srv := traceServer(t)
	var out bytes.Buffer
	client := NewClient(NewTracer(&out, false).Client(nil, traceRedactor), URLPolicy{})

	resp, err := client.Get(srv.URL + "/big")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if len(body) != 128<<10 {
		t.Errorf("the caller read %d bytes of a 128 KiB body", len(body))
	}

	// A request body without GetBody is read ahead and replayed.
	sent := bytes.Repeat([]byte("x"), 100<<10)
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/echo", io.NopCloser(bytes.NewReader(sent)))
	req.ContentLength = int64(len(sent))
	resp, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != fmt.Sprint(len(sent)) {
		t.Errorf("the server got %s bytes of %d", body, len(sent))
	}

	got := out.String()
	if n := strings.Count(got, "(cut: the first 4 KiB shown)"); n != 2 {
		t.Errorf("%d bodies said to be cut, want 2:\n%.2000s", n, got)
	}
	if len(got) > 16<<10 {
		t.Errorf("the trace of two large bodies is %d bytes", len(got))
	}
}

func TestTraceHidesPrivateKeyMembers(t *testing.T) {
	srv := traceServer(t)
	var out bytes.Buffer
	client := NewClient(NewTracer(&out, false).Client(nil, traceRedactor), URLPolicy{})
	resp, err := client.Get(srv.URL + "/jwks")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	got := out.String()
	if strings.Contains(got, "PRIVATE-D") || !strings.Contains(got, `"x": "public-x"`) {
		t.Errorf("the key set is not shown with its private member hidden:\n%s", got)
	}
}

func TestTraceNoAnswer(t *testing.T) {
	var out bytes.Buffer
	client := NewClient(NewTracer(&out, false).Client(nil, traceRedactor), URLPolicy{})
	// Plain http to a host that is not loopback is refused before anything is sent.
	_, err := client.Get("http://192.0.2.1/?secret=" + url.QueryEscape(traceSecret))
	if err == nil {
		t.Fatal("plain http to 192.0.2.1 was sent")
	}
	got := out.String()
	if !strings.Contains(got, "[1] > GET http://192.0.2.1/?secret=[REDACTED]") || !strings.Contains(got, "[1] ! no answer: plain http to 192.0.2.1") {
		t.Errorf("the trace does not show the refused request:\n%s", got)
	}
	assertHidden(t, got, traceSecret)
}

// TestTraceOverlapping sends requests at once and checks that each request and each answer
// is written whole: its lines together, never mixed with another's.
func TestTraceOverlapping(t *testing.T) {
	srv := traceServer(t)
	var out bytes.Buffer
	client := NewClient(NewTracer(&out, false).Client(nil, traceRedactor), URLPolicy{})
	const n = 12
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			resp, err := client.Do(tokenRequest(t, srv.URL))
			if err != nil {
				t.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		})
	}
	wg.Wait()
	line := regexp.MustCompile(`^\[(\d+)\] ([<>])( |$)`)
	var block, dir string
	starts := map[string]int{}
	for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		m := line.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("a line without its exchange's number: %q", l)
		}
		if strings.HasPrefix(l, "["+m[1]+"] > POST ") || strings.HasPrefix(l, "["+m[1]+"] < HTTP/") {
			block, dir = m[1], m[2]
			starts[m[2]]++
			continue
		}
		if m[1] != block || m[2] != dir {
			t.Fatalf("line %q inside the block of [%s] %s", l, block, dir)
		}
	}
	if starts[">"] != n || starts["<"] != n {
		t.Errorf("%d requests and %d answers shown, want %d each", starts[">"], starts["<"], n)
	}
	assertHidden(t, out.String(), traceSecret, traceAccess, traceIDToken, traceAssertion, traceProof, traceRefresh)
}

func TestTraceHidesATokenInAQuery(t *testing.T) {
	srv := traceServer(t)
	var out bytes.Buffer
	client := NewClient(NewTracer(&out, false).Client(nil, traceRedactor), URLPolicy{})
	resp, err := client.Get(srv.URL + "/echo?access_token=" + traceRefresh + "&page=2")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	got := out.String()
	if !strings.Contains(got, "/echo?access_token=[REDACTED]&page=2") {
		t.Errorf("the trace does not show the query with its token hidden:\n%s", got)
	}
	assertHidden(t, got, traceRefresh)
}

// FuzzTraceBody: whatever a server writes around the secret, a token or an assertion, in
// whatever content type, the trace of its body shows none of them.
func FuzzTraceBody(f *testing.F) {
	f.Add("application/json", `{"error":"`, `"}`, 0)
	f.Add("application/json", `{"access_token":"`, `","token_type":"Bearer"}`, 1)
	f.Add("text/plain", "bad secret: ", "\n", 0)
	f.Add("application/x-www-form-urlencoded", "client_assertion=", "&x=1", 2)
	f.Add("text/html", "<p>", strings.Repeat("x", 70<<10), 1)
	f.Fuzz(func(t *testing.T, contentType, before, after string, which int) {
		values := []string{traceSecret, traceAccess, traceAssertion}
		v := values[(which%len(values)+len(values))%len(values)]
		body := []byte(before + v + after)
		cut := len(body) > traceBuffer
		if cut {
			body = body[:traceBuffer]
		}
		s := traceText{red: traceRedactor(), keepToken: func(string) {}}
		got := strings.Join(s.body(contentType, body, cut), "\n")
		if strings.Contains(got, v) {
			t.Errorf("the trace of %q shows a credential:\n%s", body, got)
		}
	})
}
