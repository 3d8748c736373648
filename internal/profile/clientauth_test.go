package profile

import "testing"

func TestClientAuthOther(t *testing.T) {
	if ClientAuthHeader.Other() != ClientAuthBody || ClientAuthBody.Other() != ClientAuthHeader {
		t.Errorf("Other: header → %s, body → %s", ClientAuthHeader.Other(), ClientAuthBody.Other())
	}
}
