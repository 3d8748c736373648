package main

import (
	"reflect"
	"testing"

	"github.com/gen-postman/gen-postman/internal/profile"
	"github.com/gen-postman/gen-postman/internal/setting"
	"github.com/gen-postman/gen-postman/verify"
)

// The hints name each setting by the flag the declaration gives it, and say which the user gave.
func TestHintNamesFromTheDeclaration(t *testing.T) {
	flag := func(k setting.Key) string {
		if s, ok := setting.Lookup(k); ok && s.Takes(setting.Verify) {
			return setting.Flag(k)
		}
		return ""
	}
	got := verify.NamesBy(flag, func(k setting.Key) bool { return k == setting.Issuer || k == setting.Tenant })
	want := verify.Names{
		TokenURL: "--token-url", Resource: "--resource", Audience: "--audience", Scope: "--scope",
		ClientAuth: "--client-auth", Issuer: "--issuer", JWKSURL: "--jwks-url", Timeout: "--timeout",
		Location: "--tenant or --endpoint", Call: "--call", Introspection: "--introspection-url", BaseURL: "--base-url", KeyID: "--key-id",
		Given: map[string]bool{"--issuer": true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NamesBy gave\n%+v\nwant\n%+v", got, want)
	}
}

// The values the declaration lets shells complete --client-auth to are those profile takes.
func TestClientAuthValuesParse(t *testing.T) {
	s, _ := setting.Lookup(setting.ClientAuth)
	want := []string{string(profile.ClientAuthHeader), string(profile.ClientAuthBody), string(profile.ClientAuthPrivateKeyJWT)}
	if !reflect.DeepEqual(s.Values, want) {
		t.Errorf("declared values %q, want %q", s.Values, want)
	}
	for _, v := range s.Values {
		if _, err := profile.ParseClientAuth(v); err != nil {
			t.Errorf("%s: %v", v, err)
		}
	}
}
