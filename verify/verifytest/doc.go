// Package verifytest provides a fake OAuth 2.0 authorization server for tests: an [http.Handler]
// that issues JWT access tokens for the client credentials grant in Logto's layout (/oidc/token,
// /oidc/jwks, /oidc/.well-known/openid-configuration), serves a small API under /api/, records
// every request it gets, and misbehaves on demand, one [Defect] at a time.
//
//	idp, err := verifytest.NewIdP(verifytest.Options{Alg: "ES384"})
//	srv := httptest.NewServer(idp)
//	defer srv.Close()
package verifytest
