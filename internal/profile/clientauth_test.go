package profile

import "testing"

func TestClientAuthOther(t *testing.T) {
	if ClientAuthHeader.Other() != ClientAuthBody || ClientAuthBody.Other() != ClientAuthHeader {
		t.Errorf("Other: header → %s, body → %s", ClientAuthHeader.Other(), ClientAuthBody.Other())
	}
}

func TestParseClientAuth(t *testing.T) {
	for _, s := range []string{"header", "body", "private_key_jwt"} {
		if ca, err := ParseClientAuth(s); err != nil || string(ca) != s {
			t.Errorf("ParseClientAuth(%q) = %q, %v", s, ca, err)
		}
	}
	if _, err := ParseClientAuth("client_secret_jwt"); err == nil {
		t.Error("client_secret_jwt accepted")
	}
	if !ClientAuthPrivateKeyJWT.Signed() || ClientAuthBody.Signed() || ClientAuthPrivateKeyJWT.Other() != ClientAuthPrivateKeyJWT {
		t.Error("private_key_jwt: Signed or Other wrong")
	}
}
