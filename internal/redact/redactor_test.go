package redact

import (
	"encoding/base64"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

func TestRedactor(t *testing.T) {
	r := New([]string{"p@ss w/<x>"}, []string{"id:p%40ss+w%2F%3Cx%3E"})
	in := `raw p@ss w/<x>, form p%40ss+w%2F%3Cx%3E, path p@ss%20w%2F%3Cx%3E, json p@ss w/\u003cx\u003e, basic aWQ6cCU0MHNzK3clMkYlM0N4JTNF`
	got := r.String(in)
	if strings.Contains(got, "p@ss") || strings.Contains(got, "p%40ss") || strings.Contains(got, "aWQ6") {
		t.Errorf("String(%q) = %q", in, got)
	}
	if n := strings.Count(got, Placeholder); n != 5 {
		t.Errorf("%d redactions in %q, want 5", n, got)
	}
	if got := (Redactor{}).String("as is"); got != "as is" {
		t.Errorf("the zero Redactor changed its input: %q", got)
	}
}

func TestRedactorValuesHidesSecretsInDecodedJSON(t *testing.T) {
	red := New([]string{"s3cret"}, nil)
	claims := map[string]any{
		"sub":    "app s3cret",
		"nested": map[string]any{"deep": []any{"x", "s3cret", 3.0}},
		"n":      1.0,
	}
	red.Values(claims)
	want := map[string]any{
		"sub":    "app " + Placeholder,
		"nested": map[string]any{"deep": []any{"x", Placeholder, 3.0}},
		"n":      1.0,
	}
	if !reflect.DeepEqual(claims, want) {
		t.Errorf("Values() = %v, want %v", claims, want)
	}
}

func TestContains(t *testing.T) {
	red := New([]string{"s3cret"}, nil)
	for s, want := range map[string]bool{"no secret here": false, `{"x":"s3\u0063ret"}`: true, "s%33cret": true, "": false} {
		if got := red.Contains(s); got != want {
			t.Errorf("Contains(%q) = %v, want %v", s, got, want)
		}
	}
	if (Redactor{}).Contains("anything") {
		t.Error("the zero Redactor found a secret")
	}
}

// A client assertion, DPoP proof or access token sent, as a server may give it back: whole,
// in pieces, spaced, split over lines, or encoded. None of these shows a part that, with what
// a trace shows (the header and claims), makes the credential usable again; the base64 and
// base64url of a client secret are hidden too.
func TestRedactorHidesEveryPartOfACredential(t *testing.T) {
	const (
		header    = "eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiSldUIn0"
		payload   = "eyJpc3MiOiJhcHAtMSIsInN1YiI6ImFwcC0xIiwiYXVkIjoiaHR0cHM6Ly9pZC5leGFtcGxlLmNvbS90b2tlbiIsImp0aSI6ImFiYzEyMyJ9"
		signature = "MEUCIQDx4Wb2Lk9ZpKf3c2Nn7hXo5Qe8YtU1RsVvWmAaBbCcDdIgKq9Lz0jX6yH4vT3uR2sP1oN8mM7lK6jJ5iI4hH3gG2f"
		secret    = "c1ient-s3cret-value"
	)
	jws := header + "." + payload + "." + signature
	r := New(append([]string{secret, jws}, SignedParts(jws)...), nil)
	for name, text := range map[string]string{
		"whole":                  "bad assertion " + jws,
		"signature alone":        "signature " + signature + " did not verify",
		"header.payload":         "you sent " + header + "." + payload + " signed with",
		"payload.signature":      payload + "." + signature,
		"dots spaced":            header + " . " + payload + " . " + signature,
		"split over lines":       "sig: " + signature[:40] + "\n  " + signature[40:],
		"signature form-encoded": "sig=" + url.QueryEscape(signature),
		"secret in base64":       "got " + base64.StdEncoding.EncodeToString([]byte(secret)),
		"secret in base64url":    "got " + base64.RawURLEncoding.EncodeToString([]byte(secret)),
		"secret spaced":          "got " + strings.Join(strings.Split(secret, ""), " "),
	} {
		got := r.String(text)
		for _, part := range []string{signature, signature[:40], signature[40:], payload, secret,
			base64.RawStdEncoding.EncodeToString([]byte(secret)), base64.RawURLEncoding.EncodeToString([]byte(secret))} {
			if strings.Contains(got, part) {
				t.Errorf("%s: String(%q) = %q still shows %.20q…", name, text, got, part)
			}
		}
		if !strings.Contains(got, Placeholder) {
			t.Errorf("%s: String(%q) hid nothing", name, text)
		}
	}
	// The header is public and the same for every token of a key: a trace still shows it.
	if got := r.String(header + ".[signature hidden]"); got != header+".[signature hidden]" {
		t.Errorf("the header alone was hidden: %q", got)
	}
	// A server's token, which a trace shows as its header and claims: its signature is hidden
	// in every form, its claims are not.
	token := New([]string{jws}, nil)
	for _, text := range []string{signature, signature[:50] + "\n" + signature[50:], header + " . " + payload + " . " + signature} {
		if got := token.String(text); strings.Contains(got, signature[:40]) || strings.Contains(got, signature[40:]) {
			t.Errorf("a token's signature shows: String(%q) = %q", text, got)
		}
	}
	if shown := header + "." + payload + ".[signature hidden]"; token.String(shown) != shown {
		t.Errorf("a token's claims were hidden: %q", token.String(shown))
	}
}

// FuzzRedactorCredentialParts: an assertion's signature, given back alone, cut in two by any
// white space, between any texts, never shows: a trace shows the header and claims, and with
// the signature they make the assertion usable again.
func FuzzRedactorCredentialParts(f *testing.F) {
	f.Add([]byte("signature bytes of an ES256 assertion"), "error: ", " rejected", uint8(10), "\n ")
	f.Add([]byte{0xff, 0xfe, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, "", "", uint8(0), "")
	f.Add([]byte("0123456789abcdefghijklmnop"), "sig=", "&x=1", uint8(200), " . ")
	f.Fuzz(func(t *testing.T, raw []byte, before, after string, at uint8, sep string) {
		if len(raw) < 12 || strings.TrimSpace(sep) != "" {
			return
		}
		sig := base64.RawURLEncoding.EncodeToString(raw)
		jws := "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJhcHAtMSIsImp0aSI6IngifQ." + sig
		r := New([]string{jws}, nil)
		cut := int(at) % len(sig)
		text := before + sig[:cut] + sep + sig[cut:] + after
		joined := func(s string) string { return string(canonical(s, decoding{joined: true}, false).text) }
		if strings.Contains(joined(before+after), sig) {
			return // the text around holds the signature itself
		}
		if out := r.String(text); strings.Contains(joined(out), sig) {
			t.Fatalf("String(%q) = %q shows the signature", text, out)
		}
	})
}
