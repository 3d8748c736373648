package network_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/network"
	"github.com/gen-postman/gen-postman/verify/verifytest"
)

// TestDiscover finds the token endpoint and keys from the issuer alone, and refuses a document
// that speaks for another issuer or a server that has none.
func TestDiscover(t *testing.T) {
	idp, err := verifytest.NewIdP(verifytest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(idp)
	defer srv.Close()
	ctx := context.Background()

	md, err := network.Discover(ctx, nil, network.URLPolicy{}, verifytest.Issuer(srv.URL))
	if err != nil {
		t.Fatalf("Discover: %v", err)
	}
	want := network.Metadata{
		Issuer: srv.URL + "/oidc", TokenEndpoint: srv.URL + "/oidc/token", JWKSURI: srv.URL + "/oidc/jwks",
		From: srv.URL + "/oidc/.well-known/openid-configuration",
	}
	if *md != want {
		t.Errorf("Discover = %+v, want %+v", *md, want)
	}

	// The document at ISSUER/.well-known names srv.URL/oidc as its issuer, not srv.URL/oidc/.
	_, err = network.Discover(ctx, nil, network.URLPolicy{}, srv.URL+"/oidc/")
	if !errors.Is(err, network.ErrNoMetadata) || !strings.Contains(err.Error(), "is not") {
		t.Errorf("Discover with another issuer: %v, want ErrNoMetadata about the issuer", err)
	}

	_, err = network.Discover(ctx, nil, network.URLPolicy{}, srv.URL+"/nothing")
	if !errors.Is(err, network.ErrNoMetadata) || !strings.Contains(err.Error(), "HTTP 404") {
		t.Errorf("Discover where there is no document: %v, want ErrNoMetadata with HTTP 404", err)
	}

	if _, err := network.Discover(ctx, nil, network.URLPolicy{}, "http://id.example.com"); err == nil {
		t.Errorf("Discover over plain http to a remote host: no error")
	}
}
