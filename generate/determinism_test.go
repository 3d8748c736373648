package generate

import (
	"bytes"
	"strings"
	"testing"
)

func TestSameInputSameBytes(t *testing.T) {
	for _, tc := range goldenCases {
		p1, p2 := resolve(t, tc.opts), resolve(t, tc.opts)
		if !bytes.Equal(encodeCollection(t, p1), encodeCollection(t, p2)) || !bytes.Equal(encodeEnvironment(t, p1), encodeEnvironment(t, p2)) {
			t.Errorf("%s: two generations differ", tc.name)
		}
	}
}

func TestSecretOnlyInTheEnvironment(t *testing.T) {
	p := resolve(t, goldenCases[0].opts)
	if p.ClientSecret == "" {
		t.Fatal("the first golden case must carry a secret")
	}
	if bytes.Contains(encodeCollection(t, p), []byte(p.ClientSecret)) {
		t.Error("the collection holds the client secret")
	}
	env := NewEnvironment(p, EnvironmentOptions{})
	if !env.HasSecret() {
		t.Error("HasSecret() = false for an environment holding the secret")
	}
	for _, v := range env.Values {
		if v.Key == "accessToken" {
			t.Error("the environment sets accessToken, which would shadow the script's token")
		}
		if (v.Value == p.ClientSecret) != (v.Type == "secret") {
			t.Errorf("value %q has type %q", v.Key, v.Type)
		}
	}
	p.ClientSecret = ""
	if NewEnvironment(p, EnvironmentOptions{}).HasSecret() {
		t.Error("HasSecret() = true for an environment with an empty secret")
	}
}

func TestEnvironmentIDsDiffer(t *testing.T) {
	a := NewEnvironment(resolve(t, goldenCases[0].opts), EnvironmentOptions{})
	b := NewEnvironment(resolve(t, goldenCases[2].opts), EnvironmentOptions{})
	if a.ID == b.ID || len(a.ID) != 36 || !strings.Contains(a.ID, "-5") {
		t.Errorf("ids %q and %q: want distinct name-based (version 5) UUIDs", a.ID, b.ID)
	}
}
