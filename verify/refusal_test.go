package verify

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/redact"
	"github.com/gen-postman/gen-postman/internal/setting"
)

// flagNames are the command line's names, as gen-postman passes them to the hints.
var flagNames = Names{TokenURL: "--token-url", Resource: "--resource", Audience: "--audience", Scope: "--scope",
	ClientAuth: "--client-auth", KeyID: "--key-id", Timeout: "--timeout", Location: "--tenant or --endpoint"}

// Hydra's words for its refusals (FACTS §17; v26.2.0).
const (
	hydraPreface     = "Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method). "
	hydraWrongMethod = hydraPreface + "The OAuth 2.0 Client supports client authentication method 'client_secret_basic', " +
		"but method 'client_secret_post' was requested. You must configure the OAuth 2.0 client's 'token_endpoint_auth_method' value to accept 'client_secret_post'."
	hydraWrongSecret = hydraPreface + "crypto/bcrypt: hashedPassword is not the hash of the given password"
	hydraUnknownKID  = "The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, " +
		"or is otherwise malformed. Unable to verify the integrity of the 'client_assertion' value: the signing key with kid 'nope' could not be found."
)

// TestRefusalHintsByCause gives each cause a token endpoint's answer can show, and wants the
// hint chosen for it: by the cause read from the answer, whatever else the answer says.
func TestRefusalHintsByCause(t *testing.T) {
	secretProfile := func(auth profile.ClientAuth) *profile.Profile {
		return &profile.Profile{TokenURL: "https://id.example.com/oauth2/token", ClientID: "svc", ClientSecret: "s3cret",
			ClientAuth: auth, Scope: "read:items"}
	}
	keyProfile := signedTestProfile(t, false)
	keyProfile.DPoP = false
	tests := []struct {
		name     string
		profile  *profile.Profile
		status   int
		body     string
		given    []string // flags the user gave
		cause    error
		want     []string
		dontWant []string
	}{
		{name: "Glewlwyd: an empty 403 to a client with a secret", profile: secretProfile(profile.ClientAuthHeader), status: 403,
			cause: errSilentRefusal, want: []string{"HTTP 403 with an empty body", `client id "svc"`, "--client-auth", "--scope", "read:items"},
			dontWant: []string{"--token-url", "web page", "proxy"}},
		{name: "Glewlwyd: an empty 403 to a signed client", profile: keyProfile, status: 403,
			cause: errSilentRefusal, want: []string{"empty body", keyProfile.ClientKey.Thumbprint(), `kid "k1"`, "--key-id"},
			dontWant: []string{"--token-url"}},
		{name: "Glewlwyd: an empty 403 to a secret that Basic form-encodes", profile: func() *profile.Profile {
			p := secretProfile(profile.ClientAuthHeader)
			p.ClientSecret = "s3cr%t +/="
			return p
		}(), status: 403, cause: errSilentRefusal, want: []string{"empty body", "form-encoded (RFC 6749 §2.3.1)", "(Glewlwyd) do not decode"}},
		{name: "an empty 401", profile: secretProfile(profile.ClientAuthBody), status: 401, cause: errSilentRefusal,
			want: []string{"HTTP 401 with an empty body"}, dontWant: []string{"--token-url"}},
		{name: "Hydra: unknown kid", profile: keyProfile, status: 400, body: `{"error":"invalid_request","error_description":"` + hydraUnknownKID + `"}`,
			cause: errUnknownKeyID, want: []string{`under the kid the assertion named ("k1")`, "--key-id"},
			dontWant: []string{"--token-url", "--resource", "--scope"}},
		{name: "Hydra: the registered method is another", profile: secretProfile(profile.ClientAuthBody), status: 401,
			body: `{"error":"invalid_client","error_description":"` + hydraWrongMethod + `"}`, given: []string{"--client-auth"},
			cause: errAuthMethod, want: []string{"holds this client to another client authentication", "give --client-auth header"}},
		{name: "Hydra: a wrong secret, the method right", profile: secretProfile(profile.ClientAuthHeader), status: 401,
			body:  `{"error":"invalid_client","error_description":"` + hydraWrongSecret + `"}`,
			cause: errCredentialsRefused, want: []string{"the client id or secret is wrong", "did not object to header"},
			dontWant: []string{"--client-auth body", "try"}},
		{name: "oidc-provider: a wrong secret", profile: secretProfile(profile.ClientAuthHeader), status: 401,
			body: `{"error":"invalid_client","error_description":"client authentication failed"}`,
			want: []string{"the client id or secret is wrong", "try --client-auth body"}},
		{name: "Glewlwyd: scope_invalid", profile: secretProfile(profile.ClientAuthHeader), status: 400, body: `{"error":"scope_invalid"}`,
			want: []string{"scope_invalid: the server does not know a requested scope (read:items)", "--scope"}},
		{name: "a web page, not a token endpoint", profile: secretProfile(profile.ClientAuthHeader), status: 403,
			body: "<html><body>Forbidden</body></html>", want: []string{"not JSON", "--token-url"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			te := newTokenError(tt.status, []byte(tt.body), redact.New(nil, nil))
			if tt.cause != nil && !errors.Is(te, tt.cause) {
				t.Errorf("errors.Is(%v, %v) = false", te, tt.cause)
			}
			if !errors.Is(te, ErrTokenRequest) {
				t.Error("the refusal does not match ErrTokenRequest")
			}
			names := flagNames
			names.Given = map[string]bool{}
			for _, g := range tt.given {
				names.Given[g] = true
			}
			rs := &runState{profile: tt.profile, now: time.Now, redact: redact.New(nil, nil), report: &Report{},
				advice: advice{names: names.withDefaults()}}
			_, hints := te.describe(rs, http.Header{})
			got := strings.Join(hints, "\n")
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("hints %q lack %q", got, w)
				}
			}
			for _, w := range tt.dontWant {
				if strings.Contains(got, w) {
					t.Errorf("hints %q say %q", got, w)
				}
			}
		})
	}
}

// TestTransportHintsByCause chooses the hint for a request without an answer by the network's
// typed cause, not by the words of the reason.
func TestTransportHintsByCause(t *testing.T) {
	ctx := context.Background()
	expired, cancel := context.WithTimeout(ctx, -time.Second)
	defer cancel()
	tests := []struct {
		name  string
		ctx   context.Context
		err   error
		cause error
		want  string
	}{
		{"timed out", expired, context.DeadlineExceeded, network.ErrTimedOut, "--timeout"},
		{"host not found", ctx, &net.DNSError{Name: "nowhere.example", Err: "no such host", IsNotFound: true}, network.ErrHostNotFound, "does not resolve"},
		{"refused", ctx, &net.OpError{Op: "dial", Err: errors.New("connection refused")}, network.ErrUnreachable, "Nothing answered"},
		{"anything else", ctx, errors.New("timed out: a server's own words"), nil, "Nothing answered"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cause := network.TransportCause(tt.ctx, tt.err)
			if cause != tt.cause {
				t.Errorf("cause %v, want %v", cause, tt.cause)
			}
			if got := transportHint(cause, flagNames.withDefaults()); !strings.Contains(got, tt.want) {
				t.Errorf("hint %q, want %q", got, tt.want)
			}
		})
	}
}

// TestAudienceIsTheScopeList names the parameter the server ignored when aud is the scopes.
func TestAudienceIsTheScopeList(t *testing.T) {
	tests := []struct {
		name string
		aud  any
		sent profile.Param
		want []string
	}{
		{"audience ignored (Glewlwyd)", "all", profile.Param{Name: profile.ParamAudience, Value: "https://api.example.test"},
			[]string{"ignored --audience", "Give --resource https://api.example.test"}},
		{"resource not allowed", []any{"read:items", "write:items"}, profile.Param{Name: profile.ParamResource, Value: "https://api.example.test"},
			[]string{"ignored --resource", "register https://api.example.test"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			scopes := strings.Fields("all")
			if _, ok := tt.aud.([]any); ok {
				scopes = []string{"write:items", "read:items"}
			}
			want := expectations{audiences: []string{tt.sent.Value}, scopes: scopes,
				advice: advice{names: flagNames.withDefaults(), sent: []profile.Param{tt.sent}}}
			c, hint := checkAudience(jwt.MapClaims{"aud": tt.aud}, want)
			if c.Status != StatusFail || !strings.Contains(c.Detail, "is the requested scope list") {
				t.Errorf("check %s %q", c.Status, c.Detail)
			}
			for _, w := range tt.want {
				if !strings.Contains(hint, w) {
					t.Errorf("hint %q lacks %q", hint, w)
				}
			}
			if strings.Contains(hint, "another API") {
				t.Errorf("hint %q", hint)
			}
		})
	}
	// Another API's aud is not the scope list: the hint stays the other one.
	c, _ := checkAudience(jwt.MapClaims{"aud": "https://other.example"}, expectations{audiences: []string{"https://api.example.test"},
		scopes: []string{"all"}, advice: advice{names: flagNames.withDefaults()}})
	if !strings.Contains(c.Detail, "another API") {
		t.Errorf("another API: %q", c.Detail)
	}
}

// TestUnreachableHintNamesWhatWasGiven: the hint for a token URL nothing answers at names the
// setting the URL came from: --token-url when given, else the tenant or endpoint the preset
// built it from.
func TestUnreachableHintNamesWhatWasGiven(t *testing.T) {
	name := func(k setting.Key) string { return setting.Flag(k) }
	for given, want := range map[setting.Key]string{
		setting.TokenURL: "check --token-url and",
		setting.Endpoint: "check --tenant or --endpoint and",
	} {
		n := NamesBy(name, func(k setting.Key) bool { return k == given })
		if got := transportHint(network.ErrUnreachable, n); !strings.Contains(got, want) {
			t.Errorf("%s given: %q, want %q", given, got, want)
		}
	}
}
